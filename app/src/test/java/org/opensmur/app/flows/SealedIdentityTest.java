package org.opensmur.app.flows;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.app.connection.StatusBarViewModel;
import org.opensmur.app.device.DeviceStart;
import org.opensmur.app.device.Provisioning;
import org.opensmur.app.device.ProvisioningViewModel;
import org.opensmur.app.ui.Background;
import org.opensmur.app.ui.Labels;
import org.opensmur.core.hub.HubTransports;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.transport.ConnectionState;
import org.opensmur.core.hub.transport.HubConfig;
import org.opensmur.core.hub.transport.HubTransport;
import org.opensmur.core.hub.transport.Inbound;
import org.opensmur.core.hub.transport.LocalHubFolder;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.signing.DevCa;
import org.opensmur.signing.KeyMaterial;
import org.opensmur.signing.Pki;
import org.opensmur.signing.ProvisioningBundle;
import org.opensmur.store.OfflineStore;
import org.opensmur.store.crypto.PinLock;
import org.opensmur.store.crypto.StoreKeyProvider;
import org.opensmur.store.crypto.Vault;
import org.opensmur.store.outbox.OutboxPolicy;
import org.opensmur.store.testing.TestKeys;

/**
 * The Hub identity behind the crew's PIN, on the real local Hub (embedded broker, mutual TLS): a copy of the
 * device's private storage (everything there is: the PIN is nowhere) cannot log in to the Hub, nor even open its
 * key store; with the PIN it can. A new bundle imported after the PIN is checked as at provisioning, and replaces
 * the old identity only once it has connected; one the Hub refuses is dropped and the old one serves again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.Tag("production-kdf") // bundles at production cost: a JVM with C2 of their own (app/pom.xml)
class SealedIdentityTest {

    private static final String PIN = "306118";
    private static final Clock CLOCK = Clock.systemUTC();
    private LocalHubForApp hub;
    private LocalHubFolder folder;

    @BeforeAll
    void startHub() throws Exception {
        hub = new LocalHubForApp();
        folder = LocalHubFolder.open(hub.dir);
    }

    @AfterAll
    void stopHub() throws Exception {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void aCopyOfThePrivateStorageWithoutThePinCannotConnectToTheHubAndWithThePinItCan(@TempDir Path root) throws Exception {
        Path device = root.resolve("device");
        HubConfig provisioned = provisionAndOpen(device);
        assertTrue(connects(provisioned), "the device itself reaches the Hub");
        Properties settings = new Properties();
        try (var in = Files.newBufferedReader(device.resolve("hub/hub.properties"))) {
            settings.load(in);
        }
        assertFalse(settings.containsKey("KEY_PASSPHRASE") || settings.containsKey("TRUST_STORE_PASSWORD"), settings.toString());

        Path copy = root.resolve("copy");
        copyFolder(device, copy);
        // No file of the copy holds a password: neither the device's own (drawn at import) nor the integrator's.
        List<String> secrets = List.of(new String(provisioned.keyPassphrase()), new String(provisioned.trustStorePassword()),
                new String(folder.password()));
        try (var files = Files.walk(copy)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    assertFalse(bytes.contains(secret), file + " holds a password");
                }
            }
        }

        // Without the PIN: the settings lack the passphrase, and the key store opens with nothing one could guess.
        Map<String, String> identity = Map.of("CERTIFICATE_PATH", copy.resolve("hub/client.p12").toString(),
                "TRUST_STORE_PATH", copy.resolve("hub/truststore.p12").toString());
        HubConfig.Loaded bare = HubConfig.load(copy.resolve("hub/hub.properties"), identity);
        assertTrue(bare.problems().toString().contains("KEY_PASSPHRASE: required to open the PKCS#12"), bare.problems().toString());
        Map<String, String> guessed = new HashMap<>(identity);
        guessed.put("KEY_PASSPHRASE", new String(folder.password())); // the password the integrator gave the bundle
        guessed.put("TRUST_STORE_PASSWORD", new String(folder.password()));
        HubConfig withTheBundlesPassword = HubConfig.load(copy.resolve("hub/hub.properties"), guessed).orElseThrow();
        IllegalArgumentException noKey = assertThrows(IllegalArgumentException.class, () -> KeyMaterial.keyManagers(
                withTheBundlesPassword.certificatePath(), null, withTheBundlesPassword.keyPassphrase(), Instant.now()));
        assertTrue(noKey.getMessage().startsWith("wrong password for the key store"), noKey.getMessage());
        assertFalse(connects(withTheBundlesPassword), "no TLS context, no connection");

        // Nor with a wrong PIN.
        long[] nanos = {System.nanoTime()};
        PinLock copyLock = new PinLock(DeviceStart.store(copy), () -> nanos[0], Duration.ofMillis(1));
        assertInstanceOf(PinLock.Attempt.Wrong.class, copyLock.unlock("306119".toCharArray()));

        // With the PIN, the copy is the tablet.
        nanos[0] += Duration.ofSeconds(2).toNanos(); // past the wait after a wrong PIN
        PinLock.Attempt<StoreKeyProvider> right = copyLock.unlock(PIN.toCharArray());
        assertInstanceOf(PinLock.Attempt.Opened.class, right);
        StoreKeyProvider keys = ((PinLock.Attempt.Opened<StoreKeyProvider>) right).keys();
        HubConfig unlocked = new Provisioning(copy, CLOCK).unlock(keys).hub();
        assertEquals(copy.resolve("hub/client.p12"), unlocked.certificatePath());
        assertTrue(connects(unlocked), "with the PIN the copy connects");

        // Its files altered (another Hub named in the settings): the seal no longer opens.
        Path altered = root.resolve("altered");
        copyFolder(device, altered);
        Files.writeString(altered.resolve("hub/hub.properties"),
                Files.readString(altered.resolve("hub/hub.properties")).replace("HUB_HOSTNAME=", "HUB_HOSTNAME=evil.example\n#"));
        StoreKeyProvider alteredKeys = ((PinLock.Attempt.Opened<StoreKeyProvider>) new PinLock(DeviceStart.store(altered)).unlock(PIN.toCharArray())).keys();
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new Provisioning(altered, CLOCK).unlock(alteredKeys));
        assertTrue(refused.getMessage().contains("cannot be opened with this store's key (another store, or its files altered)"),
                refused.getMessage());

        // A PIN of one's own over the copy (its store replaced): a new key, which opens nothing of the identity.
        Path reset = root.resolve("reset");
        copyFolder(device, reset);
        Files.delete(reset.resolve("store/store-key.json"));
        for (String name : List.of("store.db", "store.db-wal", "store.db-shm")) {
            Files.deleteIfExists(reset.resolve("store").resolve(name));
        }
        assertFalse(new Provisioning(reset, CLOCK).done(), "without its store key the identity is not there: provisioning again");
        StoreKeyProvider own = new PinLock(DeviceStart.store(reset), System::nanoTime, Duration.ofMillis(1), TestKeys.CHEAP).choose("582037".toCharArray());
        openStore(reset, own);
        assertThrows(IllegalStateException.class, () -> new Provisioning(reset, CLOCK).unlock(
                ((PinLock.Attempt.Opened<StoreKeyProvider>) new PinLock(DeviceStart.store(reset)).unlock("582037".toCharArray())).keys()));
    }

    @Test
    void aNewBundleAfterThePinIsCheckedAsAtProvisioningAndReplacesTheOldOnlyOnceItHasConnected(@TempDir Path root) throws Exception {
        Path device = root.resolve("device");
        provisionAndOpen(device);
        byte[] first = Files.readAllBytes(device.resolve("hub/client.p12"));
        Vault vault = openedVault(device);
        Labels labels = Labels.french();
        int[] done = new int[1];
        Provisioning provisioning = new Provisioning(device, CLOCK);
        ProvisioningViewModel renewal = ProvisioningViewModel.renewal((bundle, password) -> provisioning.importRenewal(bundle, password, vault),
                Background.direct(), labels, () -> done[0]++);
        assertEquals("Nouvelle identité Hub (renouvellement du certificat, autre vhost)", renewal.words("title"));

        // Checked as at provisioning: another client's certificate, a bundle past its date.
        char[] otp = ProvisioningBundle.newOneTimePassword();
        renewal.importBundle(bundle(Files.readAllBytes(hub.dir.resolve(LocalHubForApp.LRM + ".p12")), otp, Instant.now().plusSeconds(3600)), otp);
        assertTrue(renewal.settingProblems().toString().contains("CERTIFICATE_PATH : the certificate is fr.health.test.lrm's"),
                renewal.settingProblems().toString());
        renewal.importBundle(bundle(Files.readAllBytes(hub.dir.resolve(LocalHubForApp.TABLET + ".p12")), otp, Instant.now().minusSeconds(60)), otp);
        assertTrue(renewal.bundleProblemProperty().get().startsWith("this bundle expired on "), renewal.bundleProblemProperty().get());
        assertFalse(Files.exists(device.resolve("hub.next")), "nothing kept from a refused bundle");
        assertEquals(0, done[0]);

        // A renewed certificate (20 days left, from the Hub's CA): kept beside the current one.
        DevCa ca = DevCa.load(hub.dir, folder.password());
        byte[] renewed = p12(ca.client(LocalHubForApp.TABLET, Instant.now(), Duration.ofDays(20)), root);
        renewal.importBundle(bundle(renewed, otp, Instant.now().plusSeconds(3600)), otp);
        assertEquals("", renewal.bundleProblemProperty().get());
        assertEquals(List.of(), List.copyOf(renewal.settingProblems()));
        assertEquals("Nouvelle identité importée : elle servira au prochain démarrage, l'actuelle est gardée jusqu'à sa première connexion",
                renewal.stateProperty().get());
        assertEquals(1, done[0]);
        assertArrayEquals(first, Files.readAllBytes(device.resolve("hub/client.p12")), "the current identity untouched");

        // The next start tries it; the strip says the certificate ends within 30 days.
        Provisioning next = new Provisioning(device, CLOCK);
        Provisioning.Unlocked trial = next.unlock(unlock(device));
        assertTrue(trial.trial());
        assertEquals(device.resolve("hub.next/client.p12"), trial.hub().certificatePath());
        StatusBarViewModel strip = new StatusBarViewModel(labels, CLOCK);
        strip.onCertificateExpiry(Provisioning.certificateNotAfter(trial.hub()));
        assertTrue(strip.warningProperty().get().matches("Certificat de la tablette valable jusqu'au .* \\(encore 20 j\\) : demandez un"
                + " nouveau fichier de mise en service à l'intégrateur"), strip.warningProperty().get());
        assertTrue(connects(trial.hub(), next::onTrialState));
        // Kept where the running link reads it; it becomes the tablet's at the next start.
        await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(device.resolve("hub.next").resolve(Provisioning.TRIAL_PASSED)));
        assertTrue(Files.exists(trial.hub().certificatePath()), "not moved under the running link");
        Provisioning.Unlocked after = new Provisioning(device, CLOCK).unlock(unlock(device));
        assertFalse(after.trial());
        assertFalse(Files.exists(device.resolve("hub.next")), "promoted at this start");
        assertEquals(device.resolve("hub/client.p12"), after.hub().certificatePath());
        assertTrue(connects(after.hub()), "the renewed identity is the tablet's now");

        // One the Hub refuses (a certificate from a CA it does not trust): dropped, the current one serves again.
        byte[] untrusted = p12(DevCa.create("Not the IGC", Instant.now(), Duration.ofDays(60))
                .client(LocalHubForApp.TABLET, Instant.now(), Duration.ofDays(40)), root);
        byte[] current = Files.readAllBytes(device.resolve("hub/client.p12"));
        new Provisioning(device, CLOCK).importRenewal(bundle(untrusted, otp, Instant.now().plusSeconds(3600)), otp, vault);
        Provisioning third = new Provisioning(device, CLOCK);
        Provisioning.Unlocked refused = third.unlock(unlock(device));
        assertTrue(refused.trial());
        // Refused again and again (a cut during set-up is also how a mobile network fails: one is not enough).
        HubTransport trying = HubTransports.open(refused.hub(), CLOCK);
        try {
            trying.onStateChange(third::onTrialState);
            trying.start(delivery -> Inbound.Disposition.RETRY_LATER);
            await().atMost(Duration.ofSeconds(90)).until(() -> !Files.exists(device.resolve("hub.next"))); // dropped
            assertFalse(trying.state().isConnected());
        } finally {
            trying.close();
        }
        assertArrayEquals(current, Files.readAllBytes(device.resolve("hub/client.p12")));
        Provisioning.Unlocked back = new Provisioning(device, CLOCK).unlock(unlock(device));
        assertFalse(back.trial());
        assertTrue(connects(back.hub()));
    }

    // ---- helpers

    /** Provisions {@code device} from a bundle, chooses the PIN and opens its store as the tablet does; the Hub settings it got. */
    private HubConfig provisionAndOpen(Path device) throws Exception {
        char[] otp = ProvisioningBundle.newOneTimePassword();
        Provisioning provisioning = new Provisioning(device, CLOCK);
        assertEquals(List.of(), provisioning.importBundle(bundle(Files.readAllBytes(hub.dir.resolve(LocalHubForApp.TABLET + ".p12")), otp,
                Instant.now().plus(Duration.ofDays(7))), otp));
        assertFalse(Files.exists(device.resolve("hub/identity.sealed")), "no store key yet: sealed when the store first opens");
        StoreKeyProvider keys = new PinLock(DeviceStart.store(device), System::nanoTime, Duration.ofMillis(1), TestKeys.CHEAP).choose(PIN.toCharArray());
        Provisioning.Unlocked unlocked = provisioning.unlock(keys);
        openStore(device, unlocked.storeKeys());
        assertTrue(Files.exists(device.resolve("hub/identity.sealed")));
        assertTrue(new Provisioning(device, CLOCK).done());
        return unlocked.hub();
    }

    private static void openStore(Path device, StoreKeyProvider keys) {
        ModelLine line = ModelLine.named("3");
        OfflineStore.open(DeviceStart.store(device), keys, OutgoingMessages.of(LocalHubForApp.TABLET, CLOCK, line), HubCodec.of(line),
                OutboxPolicy.defaults(), CLOCK).close();
    }

    private static StoreKeyProvider unlock(Path device) {
        return ((PinLock.Attempt.Opened<StoreKeyProvider>) new PinLock(DeviceStart.store(device), System::nanoTime, Duration.ofMillis(1))
                .unlock(PIN.toCharArray())).keys();
    }

    private static Vault openedVault(Path device) {
        return unlock(device).open(DeviceStart.store(device));
    }

    private String bundle(byte[] certificate, char[] otp, Instant expires) throws Exception {
        Map<String, String> local = folder.settings(LocalHubForApp.TABLET);
        Map<String, String> settings = new HashMap<>();
        for (String name : List.of("HUB_HOSTNAME", "HUB_PORT", "VHOST", "CLIENT_ID")) {
            settings.put(name, local.get(name));
        }
        settings.put("LRM_CLIENT_ID", LocalHubForApp.LRM);
        return ProvisioningBundle.seal(new ProvisioningBundle.Contents(settings, certificate, folder.password(),
                Files.readAllBytes(hub.dir.resolve("truststore.p12")), folder.password()), otp, expires);
    }

    private byte[] p12(DevCa.Issued issued, Path root) throws Exception {
        Path file = Files.createTempFile(root, "client", ".p12");
        Pki.write(issued.keyStore(folder.password()), folder.password(), file);
        return Files.readAllBytes(file);
    }

    private static boolean connects(HubConfig config) {
        return connects(config, state -> { });
    }

    /** Whether a link on {@code config} reaches the Hub (connected) or not (refused, failed); closed after. */
    private static boolean connects(HubConfig config, java.util.function.Consumer<ConnectionState> watch) {
        HubTransport transport = HubTransports.open(config, CLOCK);
        try {
            transport.onStateChange(watch);
            transport.start(delivery -> Inbound.Disposition.RETRY_LATER);
            await().atMost(Duration.ofSeconds(30)).until(() -> transport.state().isConnected()
                    || transport.state() instanceof ConnectionState.Failed
                    || transport.state() instanceof ConnectionState.Reconnecting);
            return transport.state().isConnected();
        } finally {
            transport.close();
        }
    }

    private static void copyFolder(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
