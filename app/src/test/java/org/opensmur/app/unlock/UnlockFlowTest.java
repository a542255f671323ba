package org.opensmur.app.unlock;

import org.junit.jupiter.api.Tag;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensmur.app.session.TabletSession;
import org.opensmur.app.settings.TabletSettings;
import org.opensmur.app.ui.Background;
import org.opensmur.app.ui.Labels;
import org.opensmur.app.shell.MainView;
import org.opensmur.app.ui.Theme;
import org.opensmur.app.testing.Tablets;
import org.opensmur.store.crypto.KeyCosts;
import org.opensmur.store.crypto.PinLock;
import org.opensmur.store.testing.TestKeys;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The tablet behind its PIN, on the real screens (headless) and the real store: first start, a wrong PIN and its
 * wait, the right PIN, and the lock after idle time outside a mission. At the cheap test cost of a guess: what the
 * screens do does not depend on it, and production's (calibrated, 64 MiB a guess) is offline-store's
 * {@code StoreKeyTest}'s subject. At production's cost here the wrong PIN's verdict took over 30 s on the loaded
 * 2-core machine (the calibration's dozen derivations beside three other lanes of tests) and failed the suite.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("flow") // the keypad on the screens (TestFX): run by ./bin/test and .ci/run, not by ./bin/test --quick
class UnlockFlowTest {

    private static final Duration LOCK_AFTER = Duration.ofSeconds(2);

    private Path store;
    private TabletSettings settings;
    private Scene scene;
    private LockedTablet tablet;
    private final List<TabletSession> sessions = new CopyOnWriteArrayList<>();
    private final AtomicBoolean missionUnderWay = new AtomicBoolean();
    private final ExecutorService unlocking = Executors.newSingleThreadExecutor();
    private final KeyCosts costs = TestKeys.CHEAP;

    @Start
    void start(Stage stage) throws Exception {
        store = Files.createTempDirectory("opensmur-unlock").resolve("store");
        settings = Tablets.settings(store).withStoreKeys(null);
        assertTrue(settings.unlockedByPin());
        scene = new Scene(new Label(), 1280, 800);
        Theme.DAY.applyTo(scene);
        stage.setScene(scene);
        stage.show();
        boot();
    }

    /** The app as TabletApp builds it in PIN mode: the keypad first, the screens once the store opened. */
    private void boot() {
        Labels labels = new Labels(Locale.FRENCH);
        tablet = new LockedTablet(new PinLock(store, System::nanoTime, PinLock.GUESS_COST, costs), new Background(unlocking, Platform::runLater), labels, keys -> {
            // As TabletApp: the store opened off the UI thread, the screens built on it.
            TabletSession session = Tablets.session(settings.withStoreKeys(keys), Clock.systemDefaultZone());
            sessions.add(session);
            return () -> {
                MainView view = new MainView(session, labels);
                session.start();
                return new LockedTablet.Opened(view, () -> missionUnderWay.get() || session.missionActive());
            };
        }, LOCK_AFTER, System::nanoTime);
        scene.setRoot(tablet);
    }

    @AfterEach
    void close() {
        sessions.forEach(TabletSession::close);
        unlocking.shutdownNow();
    }

    private static void typePin(FxRobot robot, String pin) {
        for (char digit : pin.toCharArray()) {
            robot.clickOn("#unlock-key-" + digit);
        }
        robot.clickOn("#unlock-ok");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    /** Visible on screen: the node and every node it sits in. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private boolean screensShown(FxRobot robot) {
        return robot.lookup("#tab-status").tryQuery().map(UnlockFlowTest::shown).orElse(false)
                && robot.lookup("#unlock-title").tryQuery().isEmpty();
    }

    @Test
    void firstStartChoosesThePinTwiceThenAWrongPinWaitsAndTheRightOneOpensTheSameStore(FxRobot robot) throws Exception {
        assertEquals("Choisissez le code de la tablette (6 chiffres ou plus)", text(robot, "#unlock-title"));
        assertTrue(robot.lookup("#tab-status").tryQuery().isEmpty(), "no screen before the PIN");

        typePin(robot, "48291");
        assertEquals("Code trop court : 6 chiffres au moins", text(robot, "#unlock-message"));
        typePin(robot, "482916");
        assertEquals("Saisissez le même code une seconde fois", text(robot, "#unlock-title"));
        typePin(robot, "482961");
        assertEquals("Les deux codes diffèrent : choisissez-le à nouveau", text(robot, "#unlock-message"));
        assertTrue(text(robot, "#unlock-title").startsWith("Choisissez"));
        typePin(robot, "482916");
        typePin(robot, "482916");
        await().atMost(Duration.ofSeconds(20)).until(() -> screensShown(robot));
        String keyFile = Files.readString(store.resolve("store-key.json"));
        assertTrue(keyFile.contains("\"unlockedBy\" : \"PIN\"") && !keyFile.contains("482916"), keyFile);
        sessions.get(0).core().store().drafts().save("probe", Map.of("note", "written before the restart"));

        // The tablet restarts: the keypad asks for the PIN it knows.
        sessions.get(0).close();
        robot.interact(this::boot);
        assertEquals("Code de la tablette", text(robot, "#unlock-title"));
        typePin(robot, "482619");
        await().atMost(Duration.ofSeconds(20)).until(() -> text(robot, "#unlock-message").startsWith("Code incorrect (1 essai)"));
        assertTrue(robot.lookup("#unlock-key-4").queryAs(Button.class).isDisabled(), "the keypad waits after a wrong PIN");
        assertTrue(robot.lookup("#tab-status").tryQuery().isEmpty());
        await().atMost(Duration.ofSeconds(5)).until(() -> !robot.lookup("#unlock-key-4").queryAs(Button.class).isDisabled());
        assertEquals("Code incorrect : saisissez-le à nouveau", text(robot, "#unlock-message"));
        typePin(robot, "482916");
        await().atMost(Duration.ofSeconds(20)).until(() -> screensShown(robot));
        assertEquals(Map.of("note", "written before the restart"),
                sessions.get(1).core().store().drafts().load("probe").orElseThrow(), "the same store, opened by the same key");
        assertFalse(Files.exists(store.resolve("unlock-failures")), "the count of wrong PINs is cleared by the right one");
    }

    @Test
    void idleScreensLockOutsideAMissionOnlyAndThePinShowsThemAgain(FxRobot robot) throws Exception {
        typePin(robot, "739158");
        typePin(robot, "739158");
        await().atMost(Duration.ofSeconds(20)).until(() -> screensShown(robot));

        missionUnderWay.set(true);
        Thread.sleep(LOCK_AFTER.plusSeconds(2).toMillis());
        assertTrue(screensShown(robot), "never locked during a mission");
        assertFalse(tablet.locked());

        missionUnderWay.set(false);
        robot.clickOn("#tab-log"); // a touch: the idle time starts again from here
        // Locked as the crew sees it: the flag and the keypad on screen (the FX thread adds it just after).
        await().atMost(LOCK_AFTER.plusSeconds(3)).until(() -> tablet.locked() && robot.lookup("#unlock-title").tryQuery().isPresent());
        assertEquals("Code de la tablette", text(robot, "#unlock-title"));
        assertFalse(shown(robot.lookup("#tab-status").queryAs(Node.class)), "nothing of the screens shows under the keypad");
        typePin(robot, "739158");
        await().atMost(Duration.ofSeconds(20)).until(() -> screensShown(robot));
        assertEquals(1, sessions.size(), "the store stayed open under the lock: no second session");
    }
}
