package org.opensmur.hubsim.broker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.qpid.server.SystemLauncher;

/**
 * An in-process broker for the demo and for a machine without RabbitMQ (Apache Qpid Broker-J, AMQP 0-9-1):
 * a mutual-TLS port where the login is the client certificate's CN (SASL EXTERNAL), and a plain port on
 * the loopback for the local Hub's own dispatcher. It does not prove RabbitMQ behaviour: no policies,
 * no dead-lettering, no per-user permissions.
 */
public final class EmbeddedHub implements AutoCloseable {

    /** Why the embedded broker cannot start on this JDK (see {@link #supportedHere()}). */
    public static final String UNSUPPORTED_REASON = "Apache Qpid Broker-J 9.2.1 (the newest on Maven Central) calls"
            + " Subject.getSubject, which JDK 24 and later refuse; the embedded broker needs a JDK 21 to 23"
            + " (with -Djava.security.manager=allow on 23). Use the machine's RabbitMQ (bin/hub-broker-setup) meanwhile.";

    private final SystemLauncher launcher = new SystemLauncher();
    private final int tlsPort;
    private final int plainPort;
    private final String vhost;

    private EmbeddedHub(int tlsPort, int plainPort, String vhost) {
        this.tlsPort = tlsPort;
        this.plainPort = plainPort;
        this.vhost = vhost;
    }

    /** Whether this JDK lets Qpid Broker-J run. */
    public static boolean supportedHere() {
        try {
            @SuppressWarnings("removal")
            javax.security.auth.Subject ignored = javax.security.auth.Subject.getSubject(java.security.AccessController.getContext());
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * Starts the broker with the certificates of {@code signing dev-ca} in {@code tlsDir}
     * ({@code broker.p12}, {@code truststore.p12}, both opened with {@code password}).
     */
    public static EmbeddedHub start(Path tlsDir, char[] password, int tlsPort, int plainPort, String vhost, Path workDir)
            throws Exception {
        if (!supportedHere()) {
            throw new IllegalStateException(UNSUPPORTED_REASON);
        }
        EmbeddedHub hub = new EmbeddedHub(tlsPort, plainPort, vhost);
        Files.createDirectories(workDir);
        Path config = workDir.resolve("initial-config.json");
        Files.writeString(config, configuration(tlsDir, new String(password), tlsPort, plainPort, vhost));
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("type", "Memory");
        attributes.put("initialConfigurationLocation", config.toUri().toURL().toString());
        attributes.put("startupLoggedToSystemOut", false);
        Map<String, String> context = new HashMap<>();
        context.put("qpid.work_dir", workDir.toString());
        context.put("qpid.amqp_port", String.valueOf(plainPort));
        attributes.put("context", context);
        hub.launcher.startup(attributes);
        return hub;
    }

    static String configuration(Path tlsDir, String password, int tlsPort, int plainPort, String vhost) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("name", "opensmur-local-hub");
        root.put("modelVersion", "9.0");
        ArrayNode providers = root.putArray("authenticationproviders");
        providers.addObject().put("name", "external").put("type", "External").put("useFullDN", false);
        ObjectNode plain = providers.addObject().put("name", "plain").put("type", "Plain");
        plain.putArray("users").addObject().put("name", "guest").put("type", "managed").put("password", "guest");
        root.putArray("keystores").addObject().put("name", "broker").put("type", "FileKeyStore")
                .put("storeUrl", tlsDir.resolve("broker.p12").toUri().toString()).put("password", password)
                .put("keyStoreType", "PKCS12");
        root.putArray("truststores").addObject().put("name", "ca").put("type", "FileTrustStore")
                .put("storeUrl", tlsDir.resolve("truststore.p12").toUri().toString()).put("password", password)
                .put("trustStoreType", "PKCS12");
        ArrayNode ports = root.putArray("ports");
        ObjectNode tls = ports.addObject().put("name", "AMQPS").put("port", tlsPort).put("bindingAddress", "127.0.0.1")
                .put("authenticationProvider", "external").put("keyStore", "broker").put("needClientAuth", true);
        tls.putArray("transports").add("SSL");
        tls.putArray("trustStores").add("ca");
        tls.putArray("tlsProtocolAllowList").add("TLSv1.3").add("TLSv1.2");
        tls.putArray("virtualhostaliases").addObject().put("name", "nameAlias").put("type", "nameAlias");
        ObjectNode admin = ports.addObject().put("name", "AMQP").put("port", plainPort).put("bindingAddress", "127.0.0.1")
                .put("authenticationProvider", "plain");
        admin.putArray("virtualhostaliases").addObject().put("name", "nameAlias").put("type", "nameAlias");
        root.putArray("virtualhostnodes").addObject().put("name", vhost).put("type", "Memory")
                .put("virtualHostInitialConfiguration", "{\"type\": \"Memory\"}");
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
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
