package org.opensmur.core.hub.transport;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.opensmur.signing.Secrets;

/**
 * A local Hub's folder, as bin/hub-broker-setup (RabbitMQ) and the embedded broker of hub-sim leave it:
 * {@code broker.env} (HUB_HOSTNAME, HUB_PORT, VHOST, ADMIN_URI), {@code password} (first line) and the
 * dev-ca stores ({@code truststore.p12}, one {@code <client id>.p12} per client). Demo and tests only.
 */
public final class LocalHubFolder {

    private final Path dir;
    private final Properties env;

    private LocalHubFolder(Path dir, Properties env) {
        this.dir = dir;
        this.env = env;
    }

    public static LocalHubFolder open(Path dir) {
        Path file = dir.resolve("broker.env");
        Properties env = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            env.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("no local Hub in " + dir + " (" + file.getFileName()
                    + " missing): run bin/hub-broker-setup or bin/demo first", e);
        }
        return new LocalHubFolder(dir, env);
    }

    /**
     * The same local Hub seen on another of its vhosts (bin/hub-broker-setup prepares one per model line:
     * {@code opensmur-test} for 3 and {@code 15-smur_v1.6} for 2.0; see {@code VHOSTS} in broker.env).
     */
    public LocalHubFolder withVhost(String vhost) {
        if (vhost == null || vhost.equals(vhost())) {
            return this;
        }
        String vhosts = env.getProperty("VHOSTS", vhost());
        if (!java.util.List.of(vhosts.split("\\s+")).contains(vhost)) {
            throw new IllegalArgumentException("the local Hub in " + dir + " has no vhost " + vhost + " (it has: " + vhosts
                    + "); run bin/hub-broker-setup again");
        }
        Properties copy = new Properties();
        copy.putAll(env);
        copy.setProperty("VHOST", vhost);
        String admin = env.getProperty("ADMIN_URI");
        copy.setProperty("ADMIN_URI", admin.substring(0, admin.lastIndexOf('/') + 1) + vhost);
        return new LocalHubFolder(dir, copy);
    }

    public Path dir() {
        return dir;
    }

    public String vhost() {
        return env.getProperty("VHOST");
    }

    public int port() {
        return Integer.parseInt(env.getProperty("HUB_PORT"));
    }

    /** Where the local Hub's own dispatcher and administrator connect (plain AMQP on the loopback). */
    public String adminUri() {
        return env.getProperty("ADMIN_URI");
    }

    public char[] password() {
        return Secrets.fromFile(dir.resolve("password"), "dev-ca password");
    }

    /** Settings for {@code clientId}'s dev-ca certificate, by the SDK's names; callers add what they need. */
    public Map<String, String> settings(String clientId) {
        String password = new String(password());
        Map<String, String> s = new HashMap<>();
        s.put("HUB_HOSTNAME", env.getProperty("HUB_HOSTNAME"));
        s.put("HUB_PORT", env.getProperty("HUB_PORT"));
        s.put("VHOST", vhost());
        s.put("CLIENT_ID", clientId);
        s.put("CERTIFICATE_PATH", dir.resolve(clientId + ".p12").toString());
        s.put("KEY_PASSPHRASE", password);
        s.put("TRUST_STORE_PATH", dir.resolve("truststore.p12").toString());
        s.put("TRUST_STORE_PASSWORD", password);
        return s;
    }
}
