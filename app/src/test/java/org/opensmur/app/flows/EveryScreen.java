package org.opensmur.app.flows;

import static org.awaitility.Awaitility.await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensmur.app.session.TabletSession;
import org.opensmur.app.ui.Labels;
import org.opensmur.app.shell.MainView;
import org.opensmur.app.ui.Theme;
import org.opensmur.app.testing.Tablets;
import org.opensmur.core.hub.message.MessageType;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every screen as the crew sees it, measured on the rendered pixels: the night theme as dim on the map as on the
 * other screens, the chosen theme marked. The tests are in EveryScreenTest (every size, the night map) and
 * TouchTargetsTest (the themes, a gloved finger), each with its own local Hub, so that the test JVMs share them.
 */
@ExtendWith(ApplicationExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("flow")
abstract class EveryScreen {

    LocalHubForApp hub;
    TabletSession session;
    MainView view;
    Scene scene;
    Stage stage;
    final java.util.List<Throwable> uiErrors = new java.util.concurrent.CopyOnWriteArrayList<>();

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
        // the Hub's coded lists, as a SAMU installs them (the pickers show codes in words)
        new org.opensmur.core.nomenclature.NomenclatureFolder(settings.nomenclatureFolder())
                .installAll(org.opensmur.core.conformance.SharedCorpus.root().resolve("nomenclatures"), "Hub models (tests)");
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
        org.opensmur.app.testing.UiErrors.assertNone(uiErrors, "errors on the UI thread");
    }

    /** Engaged, DEPART and ARRIVEE tapped: the crew on scene, every screen has something to show. */
    String onScene(FxRobot robot) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> session.core().transport().state().isConnected());
        String caseId = hub.newCase();
        hub.send("case.json", caseId, null);
        hub.send("engagement.json", caseId, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> TabletFlows.ringing(robot));
        robot.clickOn("#engagement-accept");
        await().atMost(Duration.ofSeconds(30)).until(() -> hub.atLrm.stream().anyMatch(m -> m.type() == MessageType.RS_RI));
        robot.clickOn("#tab-status");
        robot.clickOn("#status-DEPART");
        await().atMost(Duration.ofSeconds(5)).until(() -> session.status().lastTapProperty().get() != null);
        robot.clickOn("#status-ARRIVEE");
        await().atMost(Duration.ofSeconds(5)).until(() -> session.status().history().size() == 2);
        return caseId;
    }

    /** The tablet sizes the crew's screens must fit: landscape from 1024x600 to 1920x1200, and portrait. */
    static final int[][] SIZES = {{1024, 600}, {1280, 800}, {1920, 1200}, {800, 1280}};
    static final String OUT = System.getProperty("opensmur.screenshots");

    /** The smallest touch target a gloved finger hits in a moving ambulance (issue 25), in px of a 1280x800 tablet. */
    static final double GLOVE_PX = 56;

    /** The controls the crew touches on {@code sized} that are smaller than a gloved finger. */
    static java.util.List<String> gloves(Scene sized, String where) throws Exception {
        var result = new java.util.concurrent.CompletableFuture<java.util.List<String>>();
        Platform.runLater(() -> {
            sized.snapshot(null); // laid out and styled at this size
            java.util.List<String> found = new java.util.ArrayList<>();
            touchTargets(sized.getRoot(), where, found);
            result.complete(found);
        });
        return result.get();
    }

    static void touchTargets(javafx.scene.Parent parent, String where, java.util.List<String> found) {
        for (Node node : parent.getChildrenUnmodifiable()) {
            if (!node.isVisible() || node.getOpacity() == 0 || node.isDisabled() && !(node instanceof javafx.scene.control.ButtonBase)) {
                continue;
            }
            boolean touched = node instanceof javafx.scene.control.ButtonBase || node instanceof javafx.scene.control.ComboBoxBase<?>
                    || node instanceof javafx.scene.control.TextInputControl || node instanceof javafx.scene.control.ChoiceBox<?>
                    || node instanceof javafx.scene.control.Spinner<?> || node instanceof javafx.scene.control.ListCell<?> cell && !cell.isEmpty();
            if (touched && !insideTouched(node)) {
                Bounds b = node.localToScene(node.getLayoutBounds());
                if (b.getWidth() > 0 && b.getHeight() > 0 && (b.getHeight() < GLOVE_PX - 0.5 || b.getWidth() < GLOVE_PX - 0.5)) {
                    found.add(where + ": " + (node instanceof javafx.scene.control.Control c ? describe(c) : node.toString())
                            + " " + Math.round(b.getWidth()) + "x" + Math.round(b.getHeight()) + " px");
                }
            }
            if (node instanceof javafx.scene.Parent inner) {
                touchTargets(inner, where, found);
            }
        }
    }

    /** A part of a larger control (a combo box's button, a spinner's arrows): the control is the target. */
    static boolean insideTouched(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.ComboBoxBase<?> || n instanceof javafx.scene.control.Spinner<?>
                    || n instanceof javafx.scene.control.ChoiceBox<?>) {
                return true;
            }
        }
        return false;
    }

    /**
     * The main view in a scene of {@code width} x {@code height}, laid out and styled (the day theme) as a
     * tablet's window of that size would; out of the test's window, whose screen is smaller than some sizes.
     */
    Scene resize(FxRobot robot, int width, int height) {
        var made = new java.util.concurrent.atomic.AtomicReference<Scene>();
        robot.interact(() -> {
            if (view.getScene() != null) {
                view.getScene().setRoot(new javafx.scene.layout.Pane());
            }
            Scene sized = new Scene(view, width, height);
            Theme.DAY.applyTo(sized);
            made.set(sized);
        });
        return made.get();
    }

    /**
     * What is wrong with the screen on {@code sized}: a control (or a text) shown but outside the window, or
     * outside the scrolling area it is in (a vertical scroll is fine, a sideways one is not), and a text cut
     * short (an ellipsis, or wrapped lines taller than their label). The screenshot too, when asked for.
     */
    java.util.List<String> check(Scene sized, String name, int[] size) throws Exception {
        var result = new java.util.concurrent.CompletableFuture<java.util.List<String>>();
        Platform.runLater(() -> {
            try {
                sized.snapshot(null); // a first pass at this size: what depends on the width (the header) settles
                WritableImage image = sized.snapshot(null);
                if (OUT != null) {
                    Path out = Path.of(OUT);
                    Files.createDirectories(out);
                    javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png",
                            out.resolve(name + "-" + size[0] + "x" + size[1] + ".png").toFile());
                }
                java.util.List<String> found = new java.util.ArrayList<>();
                walk(sized.getRoot(), sized, name + " at " + size[0] + "x" + size[1], found);
                if (name.equals("bilan")) {
                    // The physician sees more than three fields between the header and the send bar, at every size.
                    Node scroller = sized.lookup("#bilan-fields");
                    Bounds area = scroller.localToScene(scroller.getLayoutBounds());
                    long whole = sized.getRoot().lookupAll(".touch-field").stream()
                            .filter(f -> f.getId() != null && f.getId().startsWith("bilan-") && !f.getId().startsWith("bilan-patient"))
                            .map(f -> f.localToScene(f.getLayoutBounds()))
                            .filter(b -> b.getMinY() >= area.getMinY() && b.getMaxY() <= area.getMaxY()).count();
                    if (whole <= 3) {
                        found.add("bilan at " + size[0] + "x" + size[1] + ": " + whole + " fields in sight");
                    }
                }
                result.complete(found);
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get();
    }

    static void walk(javafx.scene.Parent parent, Scene scene, String where, java.util.List<String> found) {
        for (Node node : parent.getChildrenUnmodifiable()) {
            if (!node.isVisible() || node.getOpacity() == 0) {
                continue;
            }
            if (node.isCache()) { // drawn into an image of its own, all of it again at each change inside (Scrolling)
                found.add(where + ": " + node + " in " + node.getParent() + " drawn through a cached image");
            }
            if (node instanceof javafx.scene.control.Control control && !(node instanceof javafx.scene.control.ScrollPane)) {
                Bounds b = node.localToScene(node.getLayoutBounds());
                String what = where + ": " + describe(control);
                javafx.scene.control.ScrollPane scroller = scroller(node);
                Bounds area = scroller == null ? new javafx.geometry.BoundingBox(0, 0, scene.getWidth(), scene.getHeight())
                        : scroller.localToScene(scroller.getLayoutBounds());
                if (b.getWidth() > 0 && (b.getMinX() < area.getMinX() - 1 || b.getMaxX() > area.getMaxX() + 1)) {
                    found.add(what + " sideways outside " + (scroller == null ? "the window" : "its screen") + " " + span(b.getMinX(), b.getMaxX()));
                }
                if (scroller == null && b.getHeight() > 0 && (b.getMinY() < -1 || b.getMaxY() > scene.getHeight() + 1)) {
                    found.add(what + " below the window " + span(b.getMinY(), b.getMaxY()));
                }
                if (b.getWidth() > 0 && b.getWidth() < control.minWidth(-1) - 1) {
                    found.add(what + " squeezed to " + Math.round(b.getWidth()) + " px of its " + Math.round(control.minWidth(-1)));
                }
                if (control instanceof javafx.scene.control.Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()) {
                    for (Node inside : labeled.getChildrenUnmodifiable()) {
                        if (inside instanceof javafx.scene.text.Text text && inside.isVisible()) {
                            if (!text.getText().equals(labeled.getText())) {
                                found.add(what + " cut: \"" + text.getText() + "\"");
                            } else if (text.getLayoutBounds().getHeight() > labeled.getHeight() + 2) {
                                found.add(what + " cut: " + Math.round(text.getLayoutBounds().getHeight()) + " px of lines in "
                                        + Math.round(labeled.getHeight()));
                            }
                        }
                    }
                }
            }
            if (node instanceof javafx.scene.Parent inner) {
                walk(inner, scene, where, found);
            }
        }
    }

    static javafx.scene.control.ScrollPane scroller(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.ScrollPane pane) {
                return pane;
            }
        }
        return null;
    }

    static String describe(javafx.scene.control.Control control) {
        String id = control.getId() != null ? "#" + control.getId() : control.getClass().getSimpleName();
        return control instanceof javafx.scene.control.Labeled l && l.getText() != null && !l.getText().isBlank()
                ? id + " \"" + l.getText().replace('\n', ' ') + "\"" : id;
    }

    static String span(double from, double to) {
        return Math.round(from) + "–" + Math.round(to);
    }

    /** The mean grey (0–255, Rec. 601 luma) of what {@code node} covers on the rendered scene. */
    double meanGrey(Node node) throws Exception {
        return meanGrey(scene, node, null);
    }

    /** The same, on {@code on}, of the node {@code selector} finds once rendered. */
    static double meanGrey(Scene on, String selector) throws Exception {
        return meanGrey(on, null, selector);
    }

    static double meanGrey(Scene on, Node given, String selector) throws Exception {
        // the picture and where the node is in it, both read on the UI thread, at the same moment
        record Shot(WritableImage image, Bounds bounds) {
        }
        Shot shot = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
            WritableImage picture = on.snapshot(null); // first: its CSS and layout pass may build the node
            Node node = given != null ? given : on.lookup(selector);
            return new Shot(picture, node.localToScene(node.getBoundsInLocal()));
        }).get(30, java.util.concurrent.TimeUnit.SECONDS);
        WritableImage image = shot.image();
        Bounds b = shot.bounds();
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
}
