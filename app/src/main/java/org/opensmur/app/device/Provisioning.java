package org.opensmur.app.device;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.opensmur.core.hub.transport.HubConfig;
import org.opensmur.signing.KeyMaterial;
import org.opensmur.signing.ProvisioningBundle;
import org.opensmur.signing.Secrets;
import org.opensmur.store.db.OwnerOnly;

/**
 * A device's Hub link, from the provisioning bundle the integrator made ({@code signing provision}) into the
 * app's private storage: {@code hub/hub.properties} (the settings by the SDK's names, paths pointing beside
 * it), {@code hub/client.p12} and {@code hub/truststore.p12}, all owner-only. Checked before anything is
 * kept, with HubConfig's own checks and messages, plus: the PKCS#12 opens, is valid today and is the client
 * id's (its CN); the trust store opens. Nothing is read from the environment or a console.
 */
public final class Provisioning {

    static final String FOLDER = "hub";
    static final String SETTINGS = "hub.properties";

    /** A problem with what to correct: {@code BUNDLE}, {@code PASSWORD}, or a setting's name (VHOST, CLIENT_ID...). */
    public record Problem(String field, String message) {
    }

    private final Path privateStorage;
    private final Clock clock;

    public Provisioning(Path privateStorage, Clock clock) {
        this.privateStorage = privateStorage;
        this.clock = clock;
    }

    /** Whether this device was provisioned (later starts go straight to the PIN). */
    public boolean done() {
        return Files.isRegularFile(privateStorage.resolve(FOLDER).resolve(SETTINGS));
    }

    /** The Hub settings kept at provisioning. */
    public HubConfig hub() {
        Path folder = privateStorage.resolve(FOLDER);
        return HubConfig.load(folder.resolve(SETTINGS), Map.of()).orElseThrow();
    }

    /** Imports {@code bundle}; on any problem nothing is kept and each problem names its field. */
    public List<Problem> importBundle(String bundle, char[] oneTimePassword) {
        ProvisioningBundle.Contents contents;
        try {
            contents = ProvisioningBundle.open(bundle, oneTimePassword, clock.instant());
        } catch (ProvisioningBundle.Refused refused) {
            return List.of(new Problem(refused.field().name(), refused.getMessage()));
        }
        OwnerOnly.folder(privateStorage);
        Path staging = privateStorage.resolve(FOLDER + ".new");
        try {
            deleteFolder(staging);
            OwnerOnly.folder(staging);
            Path target = privateStorage.resolve(FOLDER);
            write(staging.resolve("client.p12"), contents.certificate());
            write(staging.resolve("truststore.p12"), contents.trustStore());
            Map<String, String> settings = new HashMap<>(contents.settings());
            // Paths as they will be once the folder is in place.
            settings.put("CERTIFICATE_PATH", target.resolve("client.p12").toString());
            settings.put("KEY_PASSPHRASE", new String(contents.certificatePassword()));
            settings.put("TRUST_STORE_PATH", target.resolve("truststore.p12").toString());
            settings.put("TRUST_STORE_PASSWORD", new String(contents.trustStorePassword()));
            List<Problem> problems = check(settings, staging, contents);
            if (!problems.isEmpty()) {
                deleteFolder(staging);
                return problems;
            }
            Properties file = new Properties();
            settings.forEach(file::setProperty);
            OwnerOnly.createFile(staging.resolve(SETTINGS));
            try (Writer out = Files.newBufferedWriter(staging.resolve(SETTINGS), StandardCharsets.UTF_8)) {
                file.store(out, "the tablet's Hub link, from its provisioning bundle");
            }
            deleteFolder(target);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return List.of();
        } catch (IOException e) {
            deleteFolderQuietly(staging);
            return List.of(new Problem("STORAGE", "cannot write the tablet's private storage: " + e.getMessage()));
        } finally {
            Secrets.wipe(contents.certificatePassword());
            Secrets.wipe(contents.trustStorePassword());
        }
    }

    /** HubConfig's checks (on the staged files), then the stores themselves. */
    private List<Problem> check(Map<String, String> settings, Path staging, ProvisioningBundle.Contents contents) {
        Map<String, String> staged = new HashMap<>(settings);
        staged.put("CERTIFICATE_PATH", staging.resolve("client.p12").toString());
        staged.put("TRUST_STORE_PATH", staging.resolve("truststore.p12").toString());
        List<Problem> problems = new ArrayList<>();
        for (String problem : HubConfig.load(null, staged).problems()) {
            int colon = problem.indexOf(':');
            problems.add(colon > 0 ? new Problem(problem.substring(0, colon), problem.substring(colon + 1).strip())
                    : new Problem("BUNDLE", problem));
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        try {
            KeyMaterial.keyManagers(staging.resolve("client.p12"), null, contents.certificatePassword(), clock.instant());
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(staging.resolve("client.p12"))) {
                store.load(in, contents.certificatePassword());
            }
            String commonName = KeyMaterial.clientCommonName(store);
            if (!settings.get("CLIENT_ID").equals(commonName)) {
                problems.add(new Problem("CERTIFICATE_PATH", "the certificate is " + commonName + "'s, not " + settings.get("CLIENT_ID")
                        + "'s: the Hub would log the tablet in under another name"));
            }
        } catch (IllegalArgumentException | IOException | java.security.GeneralSecurityException e) {
            problems.add(new Problem("CERTIFICATE_PATH", "the tablet's certificate cannot be used: " + e.getMessage()
                    .replace(staging.toString(), FOLDER)));
        }
        try {
            KeyMaterial.trustManagers(staging.resolve("truststore.p12"), contents.trustStorePassword());
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("TRUST_STORE_PATH", "the Hub's trust store cannot be used: " + e.getMessage()
                    .replace(staging.toString(), FOLDER)));
        }
        return problems;
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        OwnerOnly.createFile(file);
        Files.write(file, bytes);
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
