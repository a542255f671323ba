package org.opensmur.core.hub.amqp;

import org.opensmur.core.hub.transport.HubConfig;
import org.opensmur.core.hub.transport.HubQueue;
import org.opensmur.core.hub.transport.LocalHubFolder;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import com.rabbitmq.client.DefaultSaslConfig;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.opensmur.signing.KeyMaterial;

/**
 * The machine's RabbitMQ as set up by bin/hub-broker-setup: mutual TLS on 5671 with dev-ca
 * certificates, and guest on 5672 to act as the Hub's dispatcher and administrator in tests.
 * Skipped with the reason when absent; a failure in CI, where it must be there.
 */
public final class HubBroker {

    public static final String TABLET = "fr.health.test.smurtab";
    public static final String LRM = "fr.health.test.lrm";
    public static final String ORU = "fr.health.test.oru";
    public static final String OTHER = "fr.health.test.other";

    private final LocalHubFolder folder;
    private final char[] password;

    private HubBroker(LocalHubFolder folder) {
        this.folder = folder;
        this.password = folder.password();
    }

    public static HubBroker require() {
        if (Boolean.getBoolean("opensmur.test.besideOthers")) {
            // set by the surefire runs of two JVMs at once: the broker tests would steal each other's queues there
            fail("a test on the machine's RabbitMQ must be tagged @Tag(\"rabbitmq\"): the broker tests run apart, one at a time");
        }
        String configured = System.getenv("OPENSMUR_TLS_DIR") != null ? System.getenv("OPENSMUR_TLS_DIR")
                : System.getProperty("hub.tls.dir", "../.local/hub-tls");
        Path dir = Path.of(configured).toAbsolutePath().normalize();
        String problem = null;
        if (!Files.exists(dir.resolve("broker.env"))) {
            problem = "no broker set up (" + dir + "/broker.env missing): run bin/hub-broker-setup";
        } else if (!reachable(5671)) {
            problem = "RabbitMQ's TLS listener 127.0.0.1:5671 does not answer: run bin/hub-broker-setup";
        }
        if (problem != null) {
            if ("true".equals(System.getenv("CI"))) {
                fail("broker tests must run in CI: " + problem);
            }
            assumeTrue(false, "skipped: " + problem);
        }
        return at(STORES_AT_TEST_COST.computeIfAbsent(dir, HubBroker::atTestCost));
    }

    private static final Map<Path, Path> STORES_AT_TEST_COST = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The broker's folder as this JVM reads it. bin/hub-broker-setup's key and trust stores are written at the JDK's
     * 10,000 PBKDF2 iterations, and every connection loads two: 50 ms of CPU a load in a C1 test JVM, 180 ms in a
     * fresh one (each crash round's child paid it at its start). A JVM that writes its key stores at one iteration
     * (test.pkcs12.args) reads a copy of the folder, made once, whose stores it wrote again that way, their keys
     * and certificates unchanged; any other JVM (a crash round's child, given that copy) reads the folder as it is.
     */
    private static Path atTestCost(Path dir) {
        if (!"1".equals(System.getProperty("keystore.pkcs12.keyPbeIterationCount"))) {
            return dir;
        }
        try {
            // in the module's build folder (owner only): a JVM killed before its hook leaves it there, for mvn clean
            Path copy = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "hub-tls-at-test-cost");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var files = Files.walk(copy)) {
                    for (Path file : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                        Files.deleteIfExists(file);
                    }
                } catch (IOException e) {
                    // left in target/: development certificates only, no health data
                }
            }));
            char[] password = LocalHubFolder.open(dir).password();
            try (var files = Files.list(dir)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    Path target = copy.resolve(file.getFileName());
                    if (!file.getFileName().toString().endsWith(".p12")) {
                        Files.copy(file, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                        continue;
                    }
                    // entry by entry: a store loaded and stored again keeps its keys' encryption as it was read
                    java.security.KeyStore read = org.opensmur.signing.Pki.loadStore(file, password);
                    java.security.KeyStore written = java.security.KeyStore.getInstance("PKCS12");
                    written.load(null, null);
                    for (String alias : java.util.Collections.list(read.aliases())) {
                        if (read.isKeyEntry(alias)) {
                            written.setKeyEntry(alias, read.getKey(alias, password), password, read.getCertificateChain(alias));
                        } else {
                            written.setCertificateEntry(alias, read.getCertificate(alias));
                        }
                    }
                    org.opensmur.signing.Pki.write(written, password, target); // owner only
                }
            }
            return copy;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot copy the broker's stores from " + dir, e);
        }
    }

    /** A broker already set up in {@code dir}, e.g. the local Hub's embedded broker, which writes the same layout. */
    public static HubBroker at(Path dir) {
        return new HubBroker(LocalHubFolder.open(dir));
    }

    private static boolean reachable(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The same broker on another of its vhosts (bin/hub-broker-setup prepares 15-smur_v1.6 for model 2.0). */
    public HubBroker onVhost(String vhost) {
        return new HubBroker(folder.withVhost(vhost));
    }

    public Path tlsDir() {
        return folder.dir();
    }

    public char[] password() {
        return password.clone();
    }

    public String vhost() {
        return folder.vhost();
    }

    /** Settings as an integrator would write them, for {@code clientId}'s dev-ca certificate. */
    public Map<String, String> settings(String clientId) {
        Map<String, String> s = folder.settings(clientId);
        s.put("LRM_CLIENT_ID", LRM);
        s.put("HEARTBEAT_SECONDS", "2");
        s.put("CONNECT_TIMEOUT_SECONDS", "5");
        s.put("PUBLISH_TIMEOUT_SECONDS", "20");
        return s;
    }

    public HubConfig config(String clientId) {
        return HubConfig.load(null, settings(clientId)).orElseThrow();
    }

    public HubConfig config(Map<String, String> settings) {
        return HubConfig.load(null, settings).orElseThrow();
    }

    public TrustManagerFactory trust() {
        return KeyMaterial.trustManagers(tlsDir().resolve("truststore.p12"), password());
    }

    /** A bare amqp-client factory over TLS, bypassing our transport (to see what the broker itself does). */
    public ConnectionFactory rawTls(KeyManagerFactory keys, TrustManagerFactory trust) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("localhost");
        factory.setPort(folder.port());
        factory.setVirtualHost(vhost());
        factory.useSslProtocol(context);
        factory.enableHostnameVerification();
        factory.setSaslConfig(DefaultSaslConfig.EXTERNAL);
        factory.setAutomaticRecoveryEnabled(false);
        factory.setConnectionTimeout(5_000);
        factory.setHandshakeTimeout(5_000);
        return factory;
    }

    /** An administrator's connection (guest, plain AMQP on 127.0.0.1:5672) to the test vhost. */
    public Connection admin() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(folder.adminUri());
        factory.setAutomaticRecoveryEnabled(false);
        return factory.newConnection("opensmur-test-admin");
    }

    /** Empties the Hub queues of the test clients and the dispatch queues. */
    public void purgeAll() throws Exception {
        try (Connection connection = admin(); Channel channel = connection.createChannel()) {
            channel.queuePurge(HubTopology.DISPATCH);
            channel.queuePurge(HubTopology.DISPATCH_DLQ);
            for (String client : List.of(TABLET, LRM, ORU, OTHER)) {
                for (HubQueue queue : HubQueue.values()) {
                    channel.queuePurge(client + "." + queue.suffix());
                }
            }
        }
    }
}
