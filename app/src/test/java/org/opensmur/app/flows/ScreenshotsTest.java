package org.opensmur.app.flows;

import org.junit.jupiter.api.Tag;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensmur.app.session.TabletSession;
import org.opensmur.app.settings.TabletSettings;
import org.opensmur.app.ui.Labels;
import org.opensmur.app.shell.MainView;
import org.opensmur.app.ui.Theme;
import org.opensmur.core.hub.amqp.AmqpHubTransport;
import org.opensmur.app.testing.Tablets;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * {@code bin/screenshots}: renders the main screens, day and night, in the middle of a real mission on the
 * local Hub, into the folder named by {@code -Dopensmur.screenshots} (skipped without it).
 */
@ExtendWith(ApplicationExtension.class)
@Tag("slow") @Tag("flow") // a whole mission rendered screen by screen: run by ./bin/test and .ci/run, not by ./bin/test --quick
class ScreenshotsTest {

    private static final String OUT = System.getProperty("opensmur.screenshots");
    private static LocalHubForApp hub;
    private TabletSession session;
    private MainView view;
    private Scene scene;

    @BeforeAll
    static void startHub() throws Exception {
        if (OUT == null) {
            System.out.println("ScreenshotsTest SKIPPED: run bin/screenshots to render the screens into docs/");
        }
        assumeTrue(OUT != null, "run bin/screenshots");
        hub = new LocalHubForApp();
        await().atMost(Duration.ofSeconds(30)).until(hub::lrmConnected);
    }

    @AfterAll
    static void stopHub() throws Exception {
        if (hub != null) {
            hub.close();
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        if (OUT == null) {
            return;
        }
        settings = Tablets.withTiles(Tablets.settings(hub.config(LocalHubForApp.TABLET, false), Files.createTempDirectory("shots")),
                org.opensmur.app.testing.TinyMaps.nantes(Files.createTempDirectory("shots-maps").resolve("nantes.mbtiles")));
        // The Hub's lists from the official models beside the project, and a SAMU's diagnosis list (a few CIM-10
        // codes with their labels: no public SFMU-FEDORU file exists), installed as a SAMU would.
        var lists = new org.opensmur.core.nomenclature.NomenclatureFolder(settings.nomenclatureFolder());
        lists.installAll(org.opensmur.core.conformance.SharedCorpus.root().resolve("nomenclatures"), "Hub models");
        Path diagnoses = Files.createTempDirectory("shots-lists").resolve("diagnostic.csv");
        Files.writeString(diagnoses, ",code,label_n1,description\n0,I21,Infarctus aigu du myocarde,\n1,I46,Arrêt cardiaque,\n"
                + "2,E11,Diabète sucré de type 2,\n3,I10,Hypertension essentielle (primitive),\n");
        lists.install(org.opensmur.core.nomenclature.NomenclatureList.DIAGNOSTIC, diagnoses, "SAMU 44 (exemple)");
        Clock clock = Clock.systemDefaultZone();
        Labels labels = new Labels(Locale.FRENCH);
        session = new TabletSession(new AmqpHubTransport(settings.hub(), clock), settings, labels, Platform::runLater, clock,
                new org.opensmur.app.map.SimulatedTrack(47.2100, -1.5600, 45, 50, 1_000, clock));
        view = new MainView(session, labels);
        scene = new Scene(view, 1280, 800);
        Theme.DAY.applyTo(scene);
        stage.setScene(scene);
        stage.show();
        session.start();
    }

    private TabletSettings settings;

    @Test
    void rendersTheMainScreensDayAndNight(FxRobot robot) throws Exception {
        Path out = Path.of(OUT);
        Files.createDirectories(out);
        await().atMost(Duration.ofSeconds(30)).until(() -> session.core().transport().state().isConnected());
        String caseId = hub.newCase();
        hub.send("case.json", caseId, null);
        hub.send("engagement.json", caseId, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> TabletFlows.ringing(robot));
        shoot(robot, out, "engagement", "day");
        robot.clickOn("#engagement-accept");
        robot.clickOn("#tab-status");
        robot.clickOn("#status-DEPART");
        robot.clickOn("#status-ARRIVEE");
        hub.send("orientation.json", caseId, null);
        Thread.sleep(1500);
        // The update came while the crew is on Statuts: it comes over the screen until acknowledged.
        shoot(robot, out, "alert-update", "day");
        robot.clickOn("#alert-ack");
        robot.clickOn("#tab-bilan");
        robot.interact(() -> robot.lookup("#bilan-heartRate").queryAs(TextField.class).setText("112"));
        robot.interact(() -> robot.lookup("#bilan-bloodPressure").queryAs(TextField.class).setText("135/85"));
        robot.interact(() -> robot.lookup("#bilan-spo2").queryAs(TextField.class).setText("91"));
        robot.interact(() -> robot.lookup("#bilan-spo2-precision").queryAs(TextField.class).setText("air ambiant"));
        robot.clickOn("#bilan-newSeries"); // a second series: the first kept above, and beside each vital
        robot.interact(() -> robot.lookup("#bilan-heartRate").queryAs(TextField.class).setText("96"));
        robot.interact(() -> robot.lookup("#bilan-bloodPressure").queryAs(TextField.class).setText("128/80"));
        robot.interact(() -> robot.lookup("#bilan-spo2-precision").queryAs(TextField.class).setText("O2 3 L/min"));
        robot.interact(() -> robot.lookup("#bilan-glasgow-eyes").queryAs(TextField.class).setText("4"));
        robot.interact(() -> robot.lookup("#bilan-glasgow-verbal").queryAs(TextField.class).setText("5"));
        robot.interact(() -> robot.lookup("#bilan-glasgow-motor").queryAs(TextField.class).setText("6"));
        robot.interact(() -> robot.lookup("#bilan-spo2").queryAs(TextField.class).setText("120"));
        // Acts and drugs tapped on their tiles: massage, adrenaline 1 mg IV, intubation; morphine being asked.
        for (String tile : new String[] {"#care-act-massage-cardiaque-externe", "#care-drug-adrenaline", "#care-give", "#care-act-intubation",
                "#care-act-vvp", "#care-drug-morphine"}) {
            robot.interact(() -> robot.lookup(tile).queryAs(javafx.scene.control.ButtonBase.class).fire());
        }
        // the diagnoses picked by words: the main one, and an associated one
        org.opensmur.app.testing.Pickers.type(robot, "#bilan-diagnosis", "infarctus");
        org.opensmur.app.testing.Pickers.type(robot, "#bilan-associated", "diabete");
        robot.interact(() -> robot.lookup("#bilan-fields").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(0));
        // Every screen in the three themes (French), then in English.
        for (Theme theme : Theme.values()) {
            robot.interact(() -> theme.applyTo(scene));
            everyScreen(robot, out, theme.name().toLowerCase());
        }
        // The bilan's vitals, scrolled into sight: the series, the values with the earlier ones beside them, the trends.
        robot.clickOn("#tab-bilan");
        for (Theme theme : Theme.values()) {
            for (String[] part : new String[][] {{"#bilan-seriesTime", "bilan-vitals"}, {"#bilan-glasgow", "bilan-trends"}, {"#care", "bilan-care"}}) {
                robot.interact(() -> {
                    theme.applyTo(scene);
                    var fields = robot.lookup("#bilan-fields").queryAs(javafx.scene.control.ScrollPane.class);
                    var form = fields.getContent().getBoundsInLocal();
                    var anchor = robot.lookup(part[0]).query();
                    double top = fields.getContent().sceneToLocal(anchor.localToScene(anchor.getBoundsInLocal())).getMinY() - 16;
                    fields.setVvalue(top / (form.getHeight() - fields.getViewportBounds().getHeight()));
                });
                Thread.sleep(300);
                shoot(robot, out, part[1], theme.name().toLowerCase());
            }
        }
        // The handover sheet printed from the timeline, its page rendered as a person sees it.
        robot.interact(() -> Theme.DAY.applyTo(scene));
        robot.clickOn("#tab-bilan");
        robot.interact(() -> robot.lookup("#bilan-handover").queryAs(javafx.scene.control.ButtonBase.class).fire());
        robot.clickOn("#handover-print");
        await().atMost(Duration.ofSeconds(10)).until(() -> session.handover().printedProperty().get());
        byte[] pdf = new org.opensmur.tablet.handover.HandoverSheets(session.core().drafts())
                .last(caseId, session.bilan().care().patientId()).orElseThrow();
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 96), "png",
                    out.resolve("handover-sheet.png").toFile());
        }
        // A picker open on the RPIS: searched by words, the rows found (the most used first), the list's version and source.
        robot.interact(() -> Theme.DAY.applyTo(scene));
        robot.clickOn("#tab-rpis");
        Thread.sleep(400);
        javafx.scene.control.Button place = robot.lookup("#rpis-locationType").queryAs(javafx.scene.control.Button.class);
        robot.interact(place::fire);
        TextField search = robot.lookup("#rpis-locationType-search").queryAs(TextField.class);
        robot.interact(() -> search.setText("maison"));
        Thread.sleep(400);
        org.opensmur.app.testing.Pickers.intoSight(robot, place);
        Thread.sleep(300);
        shoot(robot, out, "rpis-picker", "day");
        robot.interact(place::fire);
        session.close();
        Labels english = new Labels(Locale.ENGLISH);
        Clock clock = Clock.systemDefaultZone();
        session = new TabletSession(new AmqpHubTransport(settings.hub(), clock), settings, english, Platform::runLater, clock,
                new org.opensmur.app.map.SimulatedTrack(47.2100, -1.5600, 45, 50, 1_000, clock));
        robot.interact(() -> {
            view = new MainView(session, english);
            scene.setRoot(view);
            session.start();
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> session.core().transport().state().isConnected());
        Thread.sleep(1000);
        everyScreen(robot, out, "en");
        session.close();
        // The unlock keypad at first start, just after a PIN too short was refused.
        var unlock = new org.opensmur.app.unlock.UnlockViewModel<>(new org.opensmur.store.crypto.PinLock(
                Files.createTempDirectory("shots-pin").resolve("store")), org.opensmur.app.ui.Background.direct(),
                new Labels(Locale.FRENCH), keys -> { });
        robot.interact(() -> {
            scene.setRoot(new org.opensmur.app.unlock.UnlockView(unlock, new Labels(Locale.FRENCH)));
            for (int digit : new int[] {4, 8, 2, 9, 1}) {
                unlock.digit(digit);
            }
            unlock.submit();
        });
        for (Theme theme : Theme.values()) {
            robot.interact(() -> theme.applyTo(scene));
            Thread.sleep(300);
            shoot(robot, out, "unlock", theme.name().toLowerCase());
        }
        assertTrue(Files.exists(out.resolve("mission-night.png")));
    }

    /**
     * Périmètre 1: the SAMU shares a case and sends no engagement request. The mission screen offers it, and once
     * opened the RPIS is made on it (a fresh tablet: {@code @Start} runs again for this test).
     */
    @Test
    void rendersASharedCaseOfferedAndItsRpis(FxRobot robot) throws Exception {
        Path out = Path.of(OUT);
        Files.createDirectories(out);
        await().atMost(Duration.ofSeconds(30)).until(() -> session.core().transport().state().isConnected());
        String caseId = hub.newCase();
        hub.send("case.json", caseId, null);
        robot.clickOn("#tab-mission");
        await().atMost(Duration.ofSeconds(20)).until(() -> robot.lookup("#mission-open-shared").tryQuery()
                .map(javafx.scene.Node::isVisible).orElse(false));
        Thread.sleep(300);
        shoot(robot, out, "shared-case-offer", "day");
        robot.clickOn("#mission-open-shared");
        await().atMost(Duration.ofSeconds(10)).until(() -> session.mission().caseIdProperty().get().equals(caseId));
        robot.clickOn("#tab-rpis");
        Thread.sleep(600);
        shoot(robot, out, "shared-case-rpis", "day");
        session.close(); // one device per identity: the next test's tablet connects as the same client
    }

    private void everyScreen(FxRobot robot, Path out, String suffix) throws Exception {
        for (MainView.Screen screen : MainView.Screen.values()) {
            robot.clickOn("#tab-" + screen.name().toLowerCase()); // as the crew does (the RPIS is prefilled then)
            Thread.sleep(screen == MainView.Screen.MAP ? 1500 : 400);
            shoot(robot, out, screen.name().toLowerCase(), suffix);
            if (screen == MainView.Screen.BILAN) { // and the handover timeline, from the bilan
                robot.interact(() -> robot.lookup("#bilan-handover").queryAs(javafx.scene.control.ButtonBase.class).fire());
                Thread.sleep(600);
                shoot(robot, out, "handover", suffix);
                robot.interact(() -> robot.lookup("#handover-back").queryAs(javafx.scene.control.ButtonBase.class).fire());
            }
        }
    }

    private void shoot(FxRobot robot, Path out, String name, String theme) throws Exception {
        var image = snapshot();
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.resolve(name + "-" + theme + ".png").toFile());
    }

    private javafx.scene.image.WritableImage snapshot() throws Exception {
        var result = new java.util.concurrent.CompletableFuture<javafx.scene.image.WritableImage>();
        Platform.runLater(() -> result.complete(scene.snapshot(null)));
        return result.get();
    }
}
