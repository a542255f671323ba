package org.opensmur.app.device;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.opensmur.core.hub.transport.ConnectionState;
import org.opensmur.core.hub.transport.HubConfig;
import org.opensmur.signing.KeyMaterial;
import org.opensmur.signing.Pki;
import org.opensmur.signing.ProvisioningBundle;
import org.opensmur.signing.Secrets;
import org.opensmur.store.crypto.StoreKeyProvider;
import org.opensmur.store.crypto.Vault;
import org.opensmur.store.db.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A device's Hub identity, from the provisioning bundle the integrator made ({@code signing provision}) into the
 * app's private storage, behind the crew's PIN.
 *
 * <p>{@code hub/} holds {@code hub.properties} (the settings by the SDK's names, no secret), {@code client.p12}
 * and {@code truststore.p12}, all owner-only. The two stores are written again at import under passwords drawn
 * here (256 bits each, whatever the integrator chose), and those passwords exist on the device only in
 * {@code identity.sealed}: AES-256-GCM under the store's data key (the one the PIN unwraps), bound to the three
 * other files (altering any of them breaks it). A copy of the private storage without the PIN holds two key
 * stores nobody can open.
 *
 * <p>At first start the store's key does not exist yet: the passwords stay in memory from the import until the
 * store first opens with the PIN chosen, and are sealed then (a tablet stopped in between imports the bundle
 * again). A new bundle imported later (renewal, a new vhost, the IGC Santé migration) goes to {@code hub.next/},
 * sealed at once; the next start uses it, and it replaces {@code hub/} only once it has connected to the Hub: a
 * refused one is dropped, and the old identity serves again.
 *
 * <p>Checked before anything is kept, with HubConfig's own checks and messages, plus: the PKCS#12 opens, is valid
 * today and is the client id's (its CN); the trust store opens. Nothing is read from the environment or a console.
 *
 * <p>The coded lists and the acts list the bundle may carry are checked with the rest, as the desktop checks them
 * ({@link BundleLists}), a refused one named in the problems by its file; they are installed (in the store's folder,
 * where the screens read them) only when nothing of the bundle was refused, at first provisioning as at a renewal.
 */
public final class Provisioning {

    private static final Logger LOG = LoggerFactory.getLogger(Provisioning.class);
    static final String FOLDER = "hub";
    static final String NEXT = "hub.next";
    /** In {@link #NEXT}: the identity on trial has connected once (it replaces the previous one at the next start). */
    public static final String TRIAL_PASSED = "trial-passed";
    static final String SETTINGS = "hub.properties";
    static final String SEALED = "identity.sealed";
    static final String CLIENT = "client.p12";
    static final String TRUST = "truststore.p12";
    private static final String ALIAS = "hub-client";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A problem with what to correct: {@code BUNDLE}, {@code PASSWORD}, or a setting's name (VHOST, CLIENT_ID...). */
    public record Problem(String field, String message) {
    }

    /**
     * What the PIN opened: the Hub settings with the identity's secrets, the keys to open the store with (the
     * same key: unwrapped once), and whether this identity is a new one on trial (see {@link #connected}).
     */
    public record Unlocked(HubConfig hub, StoreKeyProvider storeKeys, boolean trial) {
    }

    /** The passwords of the device's own copies of the key store and the trust store. */
    private record IdentitySecrets(char[] keyStore, char[] trustStore) {
    }

    private final Path privateStorage;
    private final Path storeFolder;
    private final Clock clock;
    /** Passwords imported at first start, not yet sealed (the store's key is made when the PIN is chosen). */
    private volatile IdentitySecrets pending;

    public Provisioning(Path privateStorage, Clock clock) {
        this.privateStorage = privateStorage;
        this.storeFolder = DeviceStart.store(privateStorage);
        this.clock = clock;
    }

    /**
     * Whether this device has a Hub identity the PIN can open (later starts go straight to the PIN): its settings,
     * its sealed secrets and the store key they are sealed under; or one imported in this run, not yet sealed.
     */
    public boolean done() {
        Path folder = privateStorage.resolve(FOLDER);
        return pending != null || (Files.isRegularFile(folder.resolve(SETTINGS)) && Files.isRegularFile(folder.resolve(SEALED))
                && Files.isRegularFile(storeFolder.resolve("store-key.json")));
    }

    /** First start: imports {@code bundle} into {@code hub/}; on any problem nothing is kept and each problem names its field. */
    public List<Problem> importBundle(String bundle, char[] oneTimePassword) {
        Staged staged = stage(bundle, oneTimePassword, FOLDER);
        if (staged.problems().isEmpty()) {
            pending = staged.secrets();
        }
        return staged.problems();
    }

    /**
     * After the PIN (renewal, a new vhost, the IGC Santé migration): imports {@code bundle} into {@code hub.next/},
     * checked as at provisioning and sealed at once under {@code vault}, the store's key. {@code hub/} is not
     * touched: the next start tries the new identity and keeps it only once it has connected.
     */
    public List<Problem> importRenewal(String bundle, char[] oneTimePassword, Vault vault) {
        Staged staged = stage(bundle, oneTimePassword, NEXT);
        if (staged.problems().isEmpty()) {
            try {
                seal(vault, privateStorage.resolve(NEXT), staged.secrets());
            } catch (IOException e) {
                deleteFolderQuietly(privateStorage.resolve(NEXT));
                return List.of(new Problem("STORAGE", "cannot write the tablet's private storage: " + e.getMessage()));
            } finally {
                wipe(staged.secrets());
            }
        }
        return staged.problems();
    }

    /** Whether a new identity waits for its first connection. */
    public boolean renewalWaiting() {
        return Files.isRegularFile(privateStorage.resolve(NEXT).resolve(SEALED));
    }

    /**
     * The Hub link the PIN opens. {@code keys}: what the PIN gave. The identity's secrets are unsealed with the
     * store's key (or, at first start, sealed under it when the store first opens). A new identity waiting
     * ({@code hub.next/}) is the one used, on trial. Off the UI thread.
     *
     * @throws IllegalStateException when the identity cannot be opened with this store's key (another store,
     *                               files altered): the bundle must be imported again
     */
    public Unlocked unlock(StoreKeyProvider keys) {
        IdentitySecrets imported = pending;
        if (imported != null) {
            Path folder = privateStorage.resolve(FOLDER);
            HubConfig hub = config(folder, imported);
            Vault[] opened = new Vault[1];
            StoreKeyProvider sealing = store -> {
                synchronized (opened) {
                    if (opened[0] != null) {
                        return opened[0]; // the key is made once: later openings (a renewal's sealing) get the same
                    }
                }
                Vault vault = keys.open(store);
                synchronized (opened) {
                    opened[0] = vault;
                }
                try {
                    seal(vault, folder, imported);
                    pending = null;
                    wipe(imported);
                } catch (IOException e) {
                    // This run goes on with the passwords in memory; the next start asks for the bundle again.
                    LOG.error("the Hub identity could not be sealed in {}: {}; the bundle will be asked again at the next start",
                            folder, e.getMessage());
                }
                return vault;
            };
            return new Unlocked(hub, sealing, false);
        }
        if (!Files.isRegularFile(storeFolder.resolve("store-key.json"))) {
            throw new IllegalStateException("the Hub identity was sealed under a store key that is gone: import the bundle again");
        }
        Vault vault = keys.open(storeFolder); // the PIN unwrapped it already: no second derivation
        StoreKeyProvider same = store -> vault;
        if (renewalWaiting() && Files.exists(privateStorage.resolve(NEXT).resolve(TRIAL_PASSED))) {
            promote();
        }
        if (renewalWaiting()) {
            Path next = privateStorage.resolve(NEXT);
            Optional<IdentitySecrets> secrets = unsealQuietly(vault, next);
            if (secrets.isPresent()) {
                LOG.info("trying the Hub identity imported last ({}); the previous one is kept until it connects", NEXT);
                return new Unlocked(config(next, secrets.get()), same, true);
            }
            LOG.warn("the Hub identity in {} cannot be opened with this store's key: dropped, the previous one is used", NEXT);
            deleteFolderQuietly(next);
        }
        Path folder = privateStorage.resolve(FOLDER);
        IdentitySecrets secrets = unsealQuietly(vault, folder).orElseThrow(() -> new IllegalStateException(
                "the Hub identity in " + folder + " cannot be opened with this store's key (another store, or its files altered):"
                        + " import the bundle again"));
        return new Unlocked(config(folder, secrets), same, false);
    }

    /**
     * The identity on trial has connected to the Hub: it replaces the previous one from the next start. Not
     * now: the running link reads its files from where they are, and a reconnection must find them there.
     */
    public synchronized void connected() {
        if (!renewalWaiting()) {
            return;
        }
        try {
            Path passed = privateStorage.resolve(NEXT).resolve(TRIAL_PASSED);
            if (!Files.exists(passed)) {
                Files.createFile(passed);
                LOG.info("the new Hub identity connected: it replaces the previous one from the next start");
            }
        } catch (IOException e) {
            LOG.error("cannot record that the new Hub identity connected: {}; it stays on trial", e.getMessage());
        }
    }

    /** Puts an identity whose trial passed in place of the previous one (at start, before anything reads them). */
    private void promote() {
        Path next = privateStorage.resolve(NEXT);
        Path current = privateStorage.resolve(FOLDER);
        Path old = privateStorage.resolve(FOLDER + ".old");
        try {
            deleteFolder(old);
            if (Files.exists(current)) {
                Files.move(current, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(next, current, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(current.resolve(TRIAL_PASSED));
            deleteFolder(old);
            LOG.info("the new Hub identity is now this tablet's");
        } catch (IOException e) {
            LOG.error("cannot put the new Hub identity in place: {}", e.getMessage());
        }
    }

    /** The identity on trial was refused by the Hub (certificate, login, vhost): dropped; the previous one serves at the next start. */
    public synchronized void refused(String reason) {
        if (renewalWaiting()) {
            LOG.warn("the new Hub identity was refused ({}): dropped, the previous one is used from the next start", reason);
            deleteFolderQuietly(privateStorage.resolve(NEXT));
        }
    }

    /** Judges the identity on trial by what {@code core}'s link says (see {@link #onTrialState}). */
    public void watchTrial(org.opensmur.tablet.TabletCore core) {
        core.transport().onStateChange(this::onTrialState);
        onTrialState(core.transport().state());
    }

    /**
     * What the link said while a new identity is on trial: connected, it is kept; refused (a final failure, or
     * the Hub reached and saying no: TLS or login refused, or a cause the transport could not name, which is how
     * a client certificate refused under TLS 1.3 shows: the broker closes the link after the handshake), it is
     * dropped. No network, a timeout or the clock leave it on trial.
     */
    public synchronized void onTrialState(ConnectionState state) {
        if (state.isConnected()) {
            unclearRefusals = 0;
            connected();
        } else if (state instanceof ConnectionState.Failed f) {
            refused(f.reason());
        } else if (state instanceof ConnectionState.Reconnecting r && r.cause() == ConnectionState.Cause.LOGIN_REFUSED) {
            refused(r.reason());
        } else if (state instanceof ConnectionState.Reconnecting r
                && (r.cause() == ConnectionState.Cause.TLS_REFUSED || r.cause() == ConnectionState.Cause.OTHER)) {
            // A link cut during set-up is also how a mobile network fails: dropped only when it keeps happening.
            if (++unclearRefusals >= UNCLEAR_REFUSALS_TO_DROP) {
                refused(r.reason());
            }
        } else if (state instanceof ConnectionState.Reconnecting) {
            unclearRefusals = 0;
        }
    }

    /** A certificate refused under TLS 1.3 looks like a cut: so many in a row, with nothing else between, and it is dropped. */
    static final int UNCLEAR_REFUSALS_TO_DROP = 5;
    private int unclearRefusals;

    /** The client certificate's end of validity in {@code hub}'s key store. */
    public static Instant certificateNotAfter(HubConfig hub) {
        return KeyMaterial.clientNotAfter(hub.certificatePath(), hub.keyPassphrase());
    }

    // ---- import

    private record Staged(List<Problem> problems, IdentitySecrets secrets) {
    }

    /** Opens, rewrites under new passwords and checks {@code bundle} into {@code folderName}; on a problem, nothing is kept. */
    private Staged stage(String bundle, char[] oneTimePassword, String folderName) {
        ProvisioningBundle.Contents contents;
        try {
            contents = ProvisioningBundle.open(bundle, oneTimePassword, clock.instant());
        } catch (ProvisioningBundle.Refused refused) {
            return new Staged(List.of(new Problem(refused.field().name(), refused.getMessage())), null);
        }
        OwnerOnly.folder(privateStorage);
        Path staging = privateStorage.resolve(folderName + ".staging");
        IdentitySecrets secrets = new IdentitySecrets(newPassword(), newPassword());
        BundleLists lists = null;
        try {
            deleteFolder(staging);
            OwnerOnly.folder(staging);
            List<Problem> problems = new ArrayList<>();
            rewriteKeyStore(contents, staging.resolve(CLIENT), secrets.keyStore(), problems);
            rewriteTrustStore(contents, staging.resolve(TRUST), secrets.trustStore(), problems);
            Map<String, String> settings = new HashMap<>(contents.settings());
            settings.remove("KEY_PASSPHRASE");
            settings.remove("TRUST_STORE_PASSWORD");
            if (problems.isEmpty()) {
                problems.addAll(check(settings, staging, secrets));
            }
            // Its lists and acts, all checked before anything of the bundle is installed.
            lists = BundleLists.check(contents, privateStorage, storeFolder, problems);
            if (!problems.isEmpty()) {
                lists.discard();
                deleteFolder(staging);
                wipe(secrets);
                return new Staged(problems, null);
            }
            Properties file = new Properties();
            settings.forEach(file::setProperty);
            OwnerOnly.createFile(staging.resolve(SETTINGS));
            try (Writer out = Files.newBufferedWriter(staging.resolve(SETTINGS), StandardCharsets.UTF_8)) {
                file.store(out, "the tablet's Hub link, from its provisioning bundle; its secrets are in " + SEALED + ", behind the PIN");
            }
            List<Problem> installing = lists.install();
            if (!installing.isEmpty()) {
                deleteFolder(staging);
                wipe(secrets);
                return new Staged(installing, null);
            }
            Path target = privateStorage.resolve(folderName);
            deleteFolder(target);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return new Staged(List.of(), secrets);
        } catch (IOException | org.opensmur.store.db.StoreException e) {
            if (lists != null) {
                lists.discard();
            }
            deleteFolderQuietly(staging);
            wipe(secrets);
            return new Staged(List.of(new Problem("STORAGE", "cannot write the tablet's private storage: " + e.getMessage())), null);
        } finally {
            Secrets.wipe(contents.certificatePassword());
            Secrets.wipe(contents.trustStorePassword());
        }
    }

    /** The bundle's PKCS#12, its key entry written again under {@code password} (the integrator's password is not kept). */
    private static void rewriteKeyStore(ProvisioningBundle.Contents contents, Path file, char[] password, List<Problem> problems) {
        try {
            KeyStore given = KeyStore.getInstance("PKCS12");
            given.load(new java.io.ByteArrayInputStream(contents.certificate()), contents.certificatePassword());
            for (String alias : Collections.list(given.aliases())) {
                if (given.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) given.getKey(alias, contents.certificatePassword());
                    List<X509Certificate> chain = new ArrayList<>();
                    for (var c : given.getCertificateChain(alias)) {
                        chain.add((X509Certificate) c);
                    }
                    OwnerOnly.createFile(file);
                    Pki.write(Pki.keyStore(key, chain, ALIAS, password), password, file);
                    return;
                }
            }
            problems.add(new Problem("CERTIFICATE_PATH", "the tablet's certificate cannot be used: it holds no private key"));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            problems.add(new Problem("CERTIFICATE_PATH", "the tablet's certificate cannot be used: " + reason(e)));
        }
    }

    /** The bundle's trust store, its certificates written again under {@code password}. */
    private static void rewriteTrustStore(ProvisioningBundle.Contents contents, Path file, char[] password, List<Problem> problems) {
        try {
            KeyStore given = KeyStore.getInstance("PKCS12");
            given.load(new java.io.ByteArrayInputStream(contents.trustStore()), contents.trustStorePassword());
            List<X509Certificate> authorities = new ArrayList<>();
            for (String alias : Collections.list(given.aliases())) {
                if (given.getCertificate(alias) instanceof X509Certificate c) {
                    authorities.add(c);
                }
            }
            if (authorities.isEmpty()) {
                problems.add(new Problem("TRUST_STORE_PATH", "the Hub's trust store cannot be used: it holds no certificate"));
                return;
            }
            OwnerOnly.createFile(file);
            Pki.write(Pki.trustStore(authorities), password, file);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            problems.add(new Problem("TRUST_STORE_PATH", "the Hub's trust store cannot be used: " + reason(e)));
        }
    }

    private static String reason(Exception e) {
        return e instanceof IOException && e.getCause() instanceof java.security.UnrecoverableKeyException
                || String.valueOf(e.getMessage()).contains("password") ? "wrong password in the bundle" : String.valueOf(e.getMessage());
    }

    /** HubConfig's checks (on the staged files), then the stores themselves. */
    private List<Problem> check(Map<String, String> settings, Path staging, IdentitySecrets secrets) {
        List<Problem> problems = new ArrayList<>();
        for (String problem : HubConfig.load(null, withIdentity(settings, staging, secrets)).problems()) {
            int colon = problem.indexOf(':');
            problems.add(colon > 0 ? new Problem(problem.substring(0, colon), problem.substring(colon + 1).strip())
                    : new Problem("BUNDLE", problem));
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        try {
            KeyMaterial.keyManagers(staging.resolve(CLIENT), null, secrets.keyStore(), clock.instant());
            String commonName = KeyMaterial.clientCommonName(Pki.loadStore(staging.resolve(CLIENT), secrets.keyStore()));
            if (!settings.get("CLIENT_ID").equals(commonName)) {
                problems.add(new Problem("CERTIFICATE_PATH", "the certificate is " + commonName + "'s, not " + settings.get("CLIENT_ID")
                        + "'s: the Hub would log the tablet in under another name"));
            }
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("CERTIFICATE_PATH", "the tablet's certificate cannot be used: " + e.getMessage()
                    .replace(staging.toString(), FOLDER)));
        }
        try {
            KeyMaterial.trustManagers(staging.resolve(TRUST), secrets.trustStore());
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("TRUST_STORE_PATH", "the Hub's trust store cannot be used: " + e.getMessage()
                    .replace(staging.toString(), FOLDER)));
        }
        return problems;
    }

    // ---- sealing

    private static HubConfig config(Path folder, IdentitySecrets secrets) {
        return HubConfig.load(folder.resolve(SETTINGS), withIdentity(Map.of(), folder, secrets)).orElseThrow();
    }

    /** The identity's files and secrets as settings (they win over the file's). */
    private static Map<String, String> withIdentity(Map<String, String> settings, Path folder, IdentitySecrets secrets) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("CERTIFICATE_PATH", folder.resolve(CLIENT).toString());
        all.put("KEY_PASSPHRASE", new String(secrets.keyStore()));
        all.put("TRUST_STORE_PATH", folder.resolve(TRUST).toString());
        all.put("TRUST_STORE_PASSWORD", new String(secrets.trustStore()));
        return all;
    }

    /** Writes {@code identity.sealed} in {@code folder}: the two passwords under the store's key, bound to the folder's other files. */
    private static void seal(Vault vault, Path folder, IdentitySecrets secrets) throws IOException {
        Properties plain = new Properties();
        plain.setProperty("KEY_PASSPHRASE", new String(secrets.keyStore()));
        plain.setProperty("TRUST_STORE_PASSWORD", new String(secrets.trustStore()));
        StringWriter text = new StringWriter();
        plain.store(text, null);
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] sealed = vault.seal(bytes, binding(folder));
        java.util.Arrays.fill(bytes, (byte) 0);
        Path file = folder.resolve(SEALED);
        Path temporary = folder.resolve(SEALED + ".new");
        Files.deleteIfExists(temporary);
        OwnerOnly.createFile(temporary);
        Files.write(temporary, Base64.getEncoder().encode(sealed));
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Optional<IdentitySecrets> unsealQuietly(Vault vault, Path folder) {
        try {
            byte[] sealed = Base64.getDecoder().decode(Files.readAllBytes(folder.resolve(SEALED)));
            byte[] bytes = vault.open(sealed, binding(folder));
            Properties plain = new Properties();
            plain.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
            java.util.Arrays.fill(bytes, (byte) 0);
            return Optional.of(new IdentitySecrets(plain.getProperty("KEY_PASSPHRASE", "").toCharArray(),
                    plain.getProperty("TRUST_STORE_PASSWORD", "").toCharArray()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot open the Hub identity in {}: {}", folder, e.getMessage());
            return Optional.empty();
        }
    }

    /** The associated data of the seal: the settings and both stores as they were sealed (SHA-256 of each). */
    private static String binding(Path folder) throws IOException {
        StringBuilder out = new StringBuilder("opensmur-hub-identity/1");
        for (String name : List.of(SETTINGS, CLIENT, TRUST)) {
            try {
                out.append(';').append(name).append('=')
                        .append(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(folder.resolve(name)))));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return out.toString();
    }

    private static char[] newPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
        java.util.Arrays.fill(bytes, (byte) 0);
        return password;
    }

    private static void wipe(IdentitySecrets secrets) {
        if (secrets != null) {
            Secrets.wipe(secrets.keyStore());
            Secrets.wipe(secrets.trustStore());
        }
    }

    private static void deleteFolder(Path folder) throws IOException {
        if (Files.notExists(folder)) {
            return;
        }
        try (var files = Files.walk(folder)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    private static void deleteFolderQuietly(Path folder) {
        try {
            deleteFolder(folder);
        } catch (IOException e) {
            // left for the next try, which starts by removing it
        }
    }
}
