package org.opensmur.hubsim.broker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.qpid.server.SystemLauncher;
import org.opensmur.core.hub.amqp.HubTopology;
import org.opensmur.hubsim.dispatch.Dispatcher;
import org.opensmur.signing.DevCa;

/**
 * An in-process broker for the demo and for a machine without RabbitMQ (Apache Qpid Broker-J, AMQP 0-9-1):
 * a mutual-TLS port where the login is the client certificate's CN (SASL EXTERNAL), and a plain port on
 * the loopback for the local Hub's own dispatcher. It does not prove RabbitMQ behaviour: no policies,
 * no per-user permissions, and its own expiry semantics (see {@link Dispatcher.Broker#QPID}). Rejected and
 * expired messages of the clients' queues go to the Hub's dead-letter exchange through each queue's
 * alternate binding ({@link #clientQueueArguments()}), where the dispatcher turns them into error 500.
 */
public final class EmbeddedHub implements AutoCloseable {

    /** The broker, known once the launcher resolves it: where the ports it opened are read. */
    private volatile org.apache.qpid.server.model.Container<?> broker;
    /** Why the broker did not start: Qpid logs it and shuts the broker down without throwing. */
    private volatile RuntimeException failedStart;
    private final SystemLauncher launcher = new SystemLauncher(new org.apache.qpid.server.SystemLauncherListener.DefaultSystemLauncherListener() {
        @Override
        public void onContainerResolve(org.apache.qpid.server.model.SystemConfig<?> config) {
            broker = config.getContainer();
        }

        @Override
        public void errorOnStartup(RuntimeException e) {
            failedStart = e;
        }
    });
    /** The broker's ports, by name: the clients' (mutual TLS) and the loopback admin one (the dispatcher's). */
    private static final String TLS_PORT = "AMQPS";
    private static final String ADMIN_PORT = "AMQP";
    private int tlsPort; // as bound, read once the broker started
    private int plainPort;
    private final String vhost;

    private EmbeddedHub(String vhost) {
        this.vhost = vhost;
    }

    /**
     * Starts the broker with the certificates of {@code signing dev-ca} in {@code tlsDir}
     * ({@code broker.p12}, {@code truststore.p12}, both opened with {@code password}), on the ports given (0: one the
     * system chooses, {@link #tlsPort} says which); a port it cannot open fails the start, naming it.
     */
    public static EmbeddedHub start(Path tlsDir, char[] password, int tlsPort, int plainPort, String vhost, Path workDir)
            throws Exception {
        EmbeddedHub hub = new EmbeddedHub(vhost);
        Files.createDirectories(workDir);
        Path config = workDir.resolve("initial-config.json");
        Files.writeString(config, configuration(tlsDir, new String(password), tlsPort, plainPort, vhost));
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("type", "Memory");
        attributes.put("initialConfigurationLocation", config.toUri().toURL().toString());
        attributes.put("startupLoggedToSystemOut", false);
        Map<String, String> context = new HashMap<>();
        context.put("qpid.work_dir", workDir.toString());
        // Expired messages are found by housekeeping: every second, so that the sender hears of it promptly.
        context.put("virtualhost.housekeepingCheckPeriod", "1000");
        // A client has 10 s, as RabbitMQ gives it (handshake_timeout), to finish TLS and send the AMQP header, not Qpid's
        // 2 s: on a loaded machine a party's first connection took longer, was closed "as possible DoS", and the
        // demo said its certificate was refused.
        context.put("qpid.port.protocol_handshake_timeout", "10000");
        attributes.put("context", context);
        try {
            hub.launcher.startup(attributes);
            if (hub.failedStart != null) {
                throw new IOException("the local Hub's broker did not start", hub.failedStart);
            }
            hub.tlsPort = hub.boundPort(TLS_PORT, tlsPort);
            hub.plainPort = hub.boundPort(ADMIN_PORT, plainPort);
        } catch (Exception e) {
            try {
                hub.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        return hub;
    }

    /**
     * The port the broker opened for {@code name}: the one asked, or the one the system chose for 0. Chosen by the
     * system at the bind itself: a port found free beforehand could be taken (by another process, or as a
     * connection's own port) before the broker bound it, and the broker then started without it.
     */
    private int boundPort(String name, int asked) throws IOException {
        org.apache.qpid.server.model.State state = null;
        if (broker instanceof org.apache.qpid.server.model.Broker<?> started) {
            for (org.apache.qpid.server.model.Port<?> port : started.getPorts()) {
                if (port.getName().equals(name)) {
                    state = port.getState();
                    if (state == org.apache.qpid.server.model.State.ACTIVE && port.getBoundPort() > 0) {
                        return port.getBoundPort();
                    }
                }
            }
        }
        throw new IOException("the local Hub's broker did not open its " + name + " port (asked " + (asked == 0 ? "any" : asked)
                + ", state " + state + ")");
    }

    /**
     * A local Hub with nothing but a JDK: dev-ca certificates for {@code clientIds} in {@code tlsDir}, the
     * broker on free loopback ports, the Hub topology, and {@code broker.env} + {@code password} written
     * in the same layout as bin/hub-broker-setup leaves for RabbitMQ (so the rest reads one format).
     */
    public static EmbeddedHub startLocal(Path tlsDir, List<String> clientIds, String vhost) throws Exception {
        issueLocal(tlsDir, clientIds);
        return startLocalOn(tlsDir, clientIds, vhost);
    }

    /** The dev-ca certificates for {@code clientIds} and their {@code password}, as {@link #startLocal} writes them. */
    public static void issueLocal(Path tlsDir, List<String> clientIds) throws IOException {
        Files.createDirectories(tlsDir);
        char[] password = randomPassword();
        // Longer than the tablet's 30-day expiry warning: a fresh local Hub must not say its certificate ends soon.
        DevCa.writeAll(tlsDir, clientIds, password, Instant.now(), Duration.ofDays(90));
        Path secret = tlsDir.resolve("password");
        Files.writeString(secret, new String(password) + "\n");
        restrict(secret);
    }

    /**
     * {@link #startLocal} on the files {@link #issueLocal} wrote in {@code tlsDir} (or a copy of them): for the tests
     * that start many local Hubs in one JVM, where issuing costs more than the broker (six RSA keys, over 5 s of
     * CPU without C2).
     */
    public static EmbeddedHub startLocalOn(Path tlsDir, List<String> clientIds, String vhost) throws Exception {
        char[] password = Files.readString(tlsDir.resolve("password")).strip().toCharArray();
        EmbeddedHub hub = start(tlsDir, password, 0, 0, vhost, tlsDir.resolve("qpid-work"));
        hub.declareTopology(clientIds);
        Path env = tlsDir.resolve("broker.env.part");
        Files.writeString(env, String.join("\n",
                "HUB_HOSTNAME=localhost",
                "HUB_PORT=" + hub.tlsPort,
                "VHOST=" + vhost,
                "ADMIN_URI=" + hub.adminUri(),
                "CLIENTS=" + String.join(" ", clientIds),
                "BROKER=qpid", ""));
        // whole or not at all: bin/demo starts the tablet as soon as the file is there
        Files.move(env, tlsDir.resolve("broker.env"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return hub;
    }

    /** The certificates {@link #startLocalOnIssuedOnce} issued in this JVM, by list of client ids. */
    private static final Map<List<String>, Path> ISSUED_IN_THIS_JVM = new HashMap<>();

    /**
     * {@link #startLocal} in {@code tlsDir} on a copy of certificates issued once per JVM for {@code clientIds}: for
     * the tests that start a local Hub per class or per vhost, where issuing (six RSA keys) cost more than the
     * broker. Not shared between JVMs: every JVM's certificates are issued by the code under test, and deleted
     * with it.
     */
    public static EmbeddedHub startLocalOnIssuedOnce(Path tlsDir, List<String> clientIds, String vhost) throws Exception {
        Path issued;
        synchronized (ISSUED_IN_THIS_JVM) {
            issued = ISSUED_IN_THIS_JVM.get(clientIds);
            if (issued == null) {
                issued = Files.createTempDirectory("opensmur-local-hub-ca");
                issueLocal(issued, clientIds);
                deleteWithTheJvm(issued);
                ISSUED_IN_THIS_JVM.put(List.copyOf(clientIds), issued);
            }
        }
        Files.createDirectories(tlsDir);
        try (var files = Files.list(issued)) {
            for (Path file : files.toList()) {
                Files.copy(file, tlsDir.resolve(file.getFileName()), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return startLocalOn(tlsDir, clientIds, vhost);
    }

    private static void deleteWithTheJvm(Path folder) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (var files = Files.list(folder)) { // a dev CA's test keys: gone with the JVM
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
                Files.deleteIfExists(folder);
            } catch (IOException e) {
                // left in the temporary folder, owner-only
            }
        }));
    }

    private static char[] randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own permissions protect it
        }
    }

    static String configuration(Path tlsDir, String password, int tlsPort, int plainPort, String vhost) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("name", "opensmur-local-hub");
        root.put("modelVersion", "9.0");
        ArrayNode providers = root.putArray("authenticationproviders");
        providers.addObject().put("name", "external").put("type", "External").put("useFullDN", false);
        ObjectNode plain = providers.addObject().put("name", "plain").put("type", "Plain");
        // PLAIN only on the loopback admin port, for the local Hub's own dispatcher.
        plain.putArray("secureOnlyMechanisms");
        plain.putArray("users").addObject().put("name", "guest").put("type", "managed").put("password", "guest");
        root.putArray("keystores").addObject().put("name", "broker").put("type", "FileKeyStore")
                .put("storeUrl", tlsDir.resolve("broker.p12").toUri().toString()).put("password", password)
                .put("keyStoreType", "PKCS12");
        root.putArray("truststores").addObject().put("name", "ca").put("type", "FileTrustStore")
                .put("storeUrl", tlsDir.resolve("truststore.p12").toUri().toString()).put("password", password)
                .put("trustStoreType", "PKCS12");
        ArrayNode ports = root.putArray("ports");
        ObjectNode tls = ports.addObject().put("name", TLS_PORT).put("port", tlsPort).put("bindingAddress", "127.0.0.1")
                .put("authenticationProvider", "external").put("keyStore", "broker").put("needClientAuth", true);
        tls.putArray("transports").add("SSL");
        tls.putArray("trustStores").add("ca");
        tls.putArray("tlsProtocolAllowList").add("TLSv1.3").add("TLSv1.2");
        tls.putArray("virtualhostaliases").addObject().put("name", "nameAlias").put("type", "nameAlias");
        ObjectNode admin = ports.addObject().put("name", ADMIN_PORT).put("port", plainPort).put("bindingAddress", "127.0.0.1")
                .put("authenticationProvider", "plain");
        admin.putArray("virtualhostaliases").addObject().put("name", "nameAlias").put("type", "nameAlias");
        root.putArray("virtualhostnodes").addObject().put("name", vhost).put("type", "Memory")
                .put("virtualHostInitialConfiguration", "{\"type\": \"Memory\"}");
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /** Declares the Hub topology for these clients through the loopback admin port. */
    public void declareTopology(List<String> clientIds) throws Exception {
        ConnectionFactory admin = new ConnectionFactory();
        admin.setUri(adminUri());
        try (Connection connection = admin.newConnection("local-hub-topology"); Channel channel = connection.createChannel()) {
            // Qpid keeps a dead letter's past expiration: without a floor it would expire again in the
            // dead-letter queue before the dispatcher could report it.
            channel.queueDeclare(HubTopology.DISPATCH_DLQ, true, false, false,
                    Map.of("minimumMessageTtl", Duration.ofDays(1).toMillis()));
            HubTopology.declare(channel, clientIds, clientQueueArguments());
        }
    }

    /** Qpid's own queue arguments: what RabbitMQ's dead-letter policy does on the Hub. */
    public static Map<String, Object> clientQueueArguments() {
        // Qpid requeues a basic.reject(requeue=false) unless the delivery limit is reached: 1 makes it final.
        // The limit counts rejections only: a delivery lost with its consumer's link (a frozen LRM) or given
        // back (nack, requeue) comes again, as on RabbitMQ (EmbeddedHubTest, LinkFrozenMidDelivery*Test).
        return Map.of("alternateExchange", HubTopology.DEAD_LETTERS, "expiryPolicy", "ROUTE_TO_ALTERNATE",
                "maximumDeliveryAttempts", 1);
    }

    public int tlsPort() {
        return tlsPort;
    }

    /** Where the local Hub's dispatcher connects (guest, loopback only). */
    public String adminUri() {
        return "amqp://guest:guest@127.0.0.1:" + plainPort + "/" + vhost;
    }

    public String vhost() {
        return vhost;
    }

    @Override
    public void close() {
        launcher.shutdown();
    }
}
