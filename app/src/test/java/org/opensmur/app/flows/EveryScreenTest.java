package org.opensmur.app.flows;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensmur.app.TabletSession;
import org.opensmur.app.shell.Labels;
import org.opensmur.app.shell.MainView;
import org.opensmur.app.shell.Theme;
import org.opensmur.app.testing.Tablets;
import org.opensmur.core.hub.message.MessageType;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every screen as the crew sees it, measured on the rendered pixels: the night theme as dim on the map as on the
 * other screens, the chosen theme marked.
 */
@ExtendWith(ApplicationExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("flow")
class EveryScreenTest {

    private LocalHubForApp hub;
    private TabletSession session;
    private MainView view;
    private Scene scene;
    private Stage stage;
    private final java.util.List<Throwable> uiErrors = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    void startHub() throws Exception {
        hub = new LocalHubForApp();
        await().atMost(Duration.ofSeconds(30)).until(hub::lrmConnected);
    }

    @AfterAll
    void stopHub() throws Exception {
        if (hub != null) {
            hub.close();
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        Thread.currentThread().setUncaughtExceptionHandler((thread, e) -> uiErrors.add(e));
        this.stage = stage;
        var settings = Tablets.withTiles(Tablets.settings(hub.config(LocalHubForApp.TABLET, true), Files.createTempDirectory("every-screen")),
                org.opensmur.app.testing.TinyMaps.nantes(Files.createTempDirectory("every-screen-maps").resolve("nantes.mbtiles")));
        session = Tablets.session(settings, Clock.systemDefaultZone(),
                new org.opensmur.core.hub.amqp.AmqpHubTransport(settings.hub(), Clock.systemDefaultZone()), new Tablets.Moving());
        view = new MainView(session, new Labels(Locale.FRENCH));
        scene = new Scene(view, 1280, 800);
        Theme.DAY.applyTo(scene);
        stage.setScene(scene);
        stage.show();
        session.start();
    }

    @AfterEach
    void stop() {
        session.close();
        assertEquals(java.util.List.of(), uiErrors.stream().map(Throwable::toString).toList(), "errors on the UI thread");
    }

    /** Engaged, DEPART and ARRIVEE tapped: the crew on scene, every screen has something to show. */
    String onScene(FxRobot robot) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> session.core().transport().state().isConnected());
        String caseId = hub.newCase();
        hub.send("case.json", caseId, null);
        hub.send("engagement.json", caseId, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> TabletFlowsTest.ringing(robot));
        robot.clickOn("#engagement-accept");
        await().atMost(Duration.ofSeconds(30)).until(() -> hub.atLrm.stream().anyMatch(m -> m.type() == MessageType.RS_RI));
        robot.clickOn("#tab-status");
        robot.clickOn("#status-DEPART");
        await().atMost(Duration.ofSeconds(5)).until(() -> session.status().lastTapProperty().get() != null);
        robot.clickOn("#status-ARRIVEE");
        await().atMost(Duration.ofSeconds(5)).until(() -> session.status().history().size() == 2);
        return caseId;
    }

    @Test
    void atNightTheMapIsAsDimAsTheOtherScreens(FxRobot robot) throws Exception {
        onScene(robot);
        robot.clickOn("#tab-map");
        // By day the tiles are light (what the veil must dim at night): waiting for them is waiting for the tiles.
        await().atMost(Duration.ofSeconds(20)).until(() -> meanGrey(robot.lookup("#map").query()) > 150);
        double day = meanGrey(robot.lookup("#map").query());
        robot.interact(() -> Theme.NIGHT.applyTo(scene));
        Map<String, Double> night = new LinkedHashMap<>();
        for (MainView.Screen screen : MainView.Screen.values()) {
            if (screen != MainView.Screen.MAP) {
                robot.clickOn("#tab-" + screen.name().toLowerCase());
                WaitForAsyncUtils.waitForFxEvents();
                night.put(screen.name(), meanGrey(robot.lookup(".screen-frame").query()));
            }
        }
        robot.clickOn("#tab-map");
        WaitForAsyncUtils.waitForFxEvents();
        double map = meanGrey(robot.lookup("#map").query());
        double darkest = night.values().stream().mapToDouble(d -> d).min().orElseThrow();
        double brightest = night.values().stream().mapToDouble(d -> d).max().orElseThrow();
        System.out.printf("night mean grey: map %.1f (by day %.1f); the other night screens %s%n", map, day, night);
        assertTrue(map >= darkest - 10 && map <= brightest + 5, String.format(
                "the night map's mean grey %.1f (by day %.1f) within the other night screens' %.1f–%.1f: %s", map, day, darkest, brightest, night));
    }

    @Test
    void theChosenThemeIsMarked(FxRobot robot) throws Exception {
        for (Theme theme : Theme.values()) {
            robot.interact(() -> theme.applyTo(scene));
            WaitForAsyncUtils.waitForFxEvents();
            ToggleButton chosen = robot.lookup("#theme-" + theme.name().toLowerCase()).queryAs(ToggleButton.class);
            assertTrue(chosen.isSelected(), theme + " marked");
            assertTrue(chosen.getText().startsWith("✓ "), chosen.getText());
            for (Theme other : Theme.values()) {
                if (other != theme) {
                    ToggleButton not = robot.lookup("#theme-" + other.name().toLowerCase()).queryAs(ToggleButton.class);
                    assertFalse(not.isSelected() || not.getText().startsWith("✓"), other + " unmarked under " + theme);
                    // Seen, not only said: the chosen button's shade stands apart from the others'.
                    double difference = Math.abs(meanGrey(chosen) - meanGrey(not));
                    assertTrue(difference > 25, theme + ": the chosen button differs from " + other + " by " + difference + " grey levels");
                }
            }
        }
        robot.clickOn("#theme-night"); // a tap marks it too
        assertTrue(robot.lookup("#theme-night").queryAs(ToggleButton.class).getText().startsWith("✓ "));
        assertEquals(Theme.NIGHT, Theme.of(scene).orElseThrow());
    }

    /** The mean grey (0–255, Rec. 601 luma) of what {@code node} covers on the rendered scene. */
    double meanGrey(Node node) throws Exception {
        WritableImage image = snapshot();
        Bounds b = node.localToScene(node.getBoundsInLocal());
        PixelReader pixels = image.getPixelReader();
        double sum = 0;
        long n = 0;
        for (int y = (int) Math.max(0, b.getMinY()); y < Math.min(image.getHeight(), b.getMaxY()); y += 2) {
            for (int x = (int) Math.max(0, b.getMinX()); x < Math.min(image.getWidth(), b.getMaxX()); x += 2) {
                int argb = pixels.getArgb(x, y);
                sum += 0.299 * ((argb >> 16) & 0xff) + 0.587 * ((argb >> 8) & 0xff) + 0.114 * (argb & 0xff);
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    WritableImage snapshot() throws Exception {
        var result = new java.util.concurrent.CompletableFuture<WritableImage>();
        Platform.runLater(() -> result.complete(scene.snapshot(null)));
        return result.get();
    }
}
