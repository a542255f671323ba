package org.opensmur.app.flows;

import org.junit.jupiter.api.Tag;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensmur.app.device.DeviceStart;
import org.opensmur.app.ui.Background;
import org.opensmur.app.ui.Labels;
import org.opensmur.app.shell.RunningTablet;
import org.opensmur.app.ui.Theme;
import org.opensmur.app.testing.Tablets;
import org.opensmur.core.hub.transport.LocalHubFolder;
import org.opensmur.signing.ProvisioningBundle;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A device's start path on the desktop, a temporary folder standing in for its private storage: the
 * provisioning screen refuses a wrong password, a bad setting and another client's certificate beside what to
 * correct, keeps nothing then; the right bundle goes to the PIN, the tablet reaches the local Hub with what
 * was imported, and a later start asks the PIN only.
 */
@ExtendWith(ApplicationExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("flow") // the device's start on the screens (TestFX): run by ./bin/test and .ci/run, not by ./bin/test --quick
class DeviceStartFlowTest {

    private static final char[] OTP = ProvisioningBundle.newOneTimePassword();
    private LocalHubForApp hub;
    private Path storage;
    private Scene scene;
    private final List<RunningTablet> running = new CopyOnWriteArrayList<>();
    private final ExecutorService work = Executors.newSingleThreadExecutor();

    @BeforeAll
    void startHub() throws Exception {
        hub = new LocalHubForApp();
    }

    @AfterAll
    void stopHub() throws Exception {
        work.shutdownNow();
        if (hub != null) {
            hub.close();
        }
    }

    @AfterEach
    void close() {
        running.forEach(RunningTablet::close);
    }

    @Start
    void start(Stage stage) throws Exception {
        storage = Files.createTempDirectory("opensmur-device").resolve("private");
        scene = new Scene(new Label(), 1280, 800);
        Theme.DAY.applyTo(scene);
        stage.setScene(scene);
        stage.show();
        boot();
    }

    private void boot() {
        Labels labels = new Labels(Locale.FRENCH);
        Clock clock = Clock.systemDefaultZone();
        scene.setRoot(new DeviceStart(storage, new Background(work, Platform::runLater), labels, clock, settings -> {
            var opened = RunningTablet.open(settings, labels, clock, new Tablets.StandingStill());
            return () -> {
                RunningTablet tablet = RunningTablet.show(opened, labels);
                running.add(tablet);
                return tablet;
            };
        }, Duration.ofMinutes(5), org.opensmur.store.testing.TestKeys.CHEAP)); // not about what a guess costs (UnlockFlowTest is)
    }

    /** A bundle as `signing provision` makes it, from the local Hub's dev-ca files. */
    private String bundle(String certificateOf, Map<String, String> overrides) throws Exception {
        return bundle(certificateOf, overrides, Map.of());
    }

    /** With coded lists ({@code signing provision --nomenclatures}): file name and text. */
    private String bundle(String certificateOf, Map<String, String> overrides, Map<String, String> lists) throws Exception {
        LocalHubFolder folder = LocalHubFolder.open(hub.dir);
        Map<String, String> local = folder.settings(LocalHubForApp.TABLET);
        Map<String, String> settings = new HashMap<>();
        for (String name : List.of("HUB_HOSTNAME", "HUB_PORT", "VHOST", "CLIENT_ID")) {
            settings.put(name, local.get(name));
        }
        settings.put("LRM_CLIENT_ID", LocalHubForApp.LRM);
        settings.put("ORU_CLIENT_ID", LocalHubForApp.ORU);
        settings.putAll(overrides);
        Map<String, byte[]> files = new HashMap<>();
        lists.forEach((name, text) -> files.put(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return ProvisioningBundle.seal(new ProvisioningBundle.Contents(settings,
                Files.readAllBytes(hub.dir.resolve(certificateOf + ".p12")), folder.password(),
                Files.readAllBytes(hub.dir.resolve("truststore.p12")), folder.password(), files, null), OTP,
                java.time.Instant.now().plus(Duration.ofDays(7)));
    }

    private void provision(FxRobot robot, String bundle, String password) {
        robot.interact(() -> {
            robot.lookup("#provision-bundle").queryAs(TextArea.class).setText(bundle);
            robot.lookup("#provision-password").queryAs(PasswordField.class).setText(password);
        });
        robot.clickOn("#provision-import");
        await().atMost(Duration.ofSeconds(20)).until(() -> robot.lookup("#provision-import").tryQuery().isEmpty()
                || !robot.lookup("#provision-import").query().isDisabled());
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void typePin(FxRobot robot, String pin) {
        for (char digit : pin.toCharArray()) {
            robot.clickOn("#unlock-key-" + digit);
        }
        robot.clickOn("#unlock-ok");
    }

    @Test
    void aNewDeviceIsProvisionedFromItsBundleThenOpensWithItsPinAndReachesTheHub(FxRobot robot) throws Exception {
        robot.clickOn("#provision-import");
        assertEquals("Collez le contenu du fichier de mise en service", text(robot, "#provision-bundle-problem"));

        // one bundle for the wrong password and, at the end, the right one: sealing one costs a second of Argon2id here
        String tablets = bundle(LocalHubForApp.TABLET, Map.of());
        provision(robot, tablets, new String(ProvisioningBundle.newOneTimePassword()));
        assertEquals("Mot de passe incorrect (ou fichier modifié depuis sa création)", text(robot, "#provision-password-problem"));
        assertEquals("", text(robot, "#provision-bundle-problem"));

        provision(robot, bundle(LocalHubForApp.TABLET, Map.of("VHOST", "15-smur_v9")), new String(OTP));
        List<?> problems = robot.lookup("#provision-setting-problems").queryAs(ListView.class).getItems();
        assertTrue(problems.size() == 1 && problems.get(0).toString().startsWith("VHOST : '15-smur_v9' is not a vhost"), problems.toString());
        assertEquals("", text(robot, "#provision-password-problem"));

        provision(robot, bundle(LocalHubForApp.LRM, Map.of()), new String(OTP));
        problems = robot.lookup("#provision-setting-problems").queryAs(ListView.class).getItems();
        assertTrue(problems.toString().contains("CERTIFICATE_PATH : the certificate is fr.health.test.lrm's"), problems.toString());
        assertFalse(Files.exists(storage.resolve("hub")), "nothing kept from a refused bundle");

        // A coded list the integrator sealed with it that the tablet refuses: named beside the bundle, nothing kept.
        provision(robot, bundle(LocalHubForApp.TABLET, Map.of(), Map.of("HubSante.lieu.csv", ",code,label_n1\n0,L1.00.00,Maison\n")),
                new String(OTP));
        problems = robot.lookup("#provision-setting-problems").queryAs(ListView.class).getItems();
        assertTrue(problems.size() == 1 && problems.get(0).toString().startsWith("HubSante.lieu.csv : row 1 (after the header): code L1.00.00"),
                problems.toString());
        assertFalse(Files.exists(storage.resolve("hub")) || Files.exists(storage.resolve("store")), "nothing kept from a refused bundle");

        provision(robot, tablets, new String(OTP));
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#unlock-title").tryQuery().isPresent());
        assertEquals("Choisissez le code de la tablette (6 chiffres ou plus)", text(robot, "#unlock-title"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(storage.resolve("hub"))));
        for (String file : List.of("hub.properties", "client.p12", "truststore.p12")) { // identity.sealed: once the store opens
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(storage.resolve("hub").resolve(file))), file);
        }

        // the keypad in the window: its scene is set on the UI thread, and a query from this thread could meet a key
        // without one yet (TestFX then fails on a null scene)
        await().atMost(Duration.ofSeconds(10)).until(() -> org.testfx.util.WaitForAsyncUtils.asyncFx(() -> robot.lookup("#unlock-key-0")
                .tryQuery().map(key -> key.getScene() != null).orElse(false)).get());
        typePin(robot, "306118");
        typePin(robot, "306118");
        await().atMost(Duration.ofSeconds(20)).until(() -> running.size() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> running.get(0).session().core().transport().state().isConnected());
        assertTrue(Files.exists(storage.resolve("store/store.db")) && Files.exists(storage.resolve("store/store-key.json")),
                "the store lives under private storage");
        assertTrue(Files.exists(storage.resolve("hub/identity.sealed")), "the identity's secrets sealed once the store opened");
        String settings = Files.readString(storage.resolve("hub/hub.properties"));
        assertFalse(settings.contains("KEY_PASSPHRASE") || settings.contains("TRUST_STORE_PASSWORD"), settings);

        // A later start: no provisioning, the PIN only.
        running.get(0).close();
        running.clear();
        robot.interact(this::boot);
        assertEquals("Code de la tablette", text(robot, "#unlock-title"));
        assertTrue(robot.lookup("#provision-bundle").tryQuery().isEmpty());
    }
}
