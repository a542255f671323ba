package org.opensmur.hubsim.broker;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.core.hub.transport.AmqpHubTransport;
import org.opensmur.core.hub.transport.HubConfig;
import org.opensmur.core.hub.transport.HubTopology;
import org.opensmur.hubsim.dispatch.Dispatcher;
import org.opensmur.hubsim.lrm.LrmSimulator;
import org.opensmur.hubsim.lrm.Scenario;
import org.opensmur.hubsim.lrm.ScenarioReport;
import org.opensmur.hubsim.tablet.HeadlessTablet;
import org.opensmur.signing.DevCa;

/** The local Hub on the embedded broker, as on a fresh machine without RabbitMQ: mutual TLS, and a full scenario. */
class EmbeddedHubTest {

    private static final String TABLET = "fr.health.demo.smur";
    private static final String LRM = "fr.health.demo.lrm";
    private static final char[] PASSWORD = "embedded-test".toCharArray();

    @TempDir
    static Path dir;
    private static EmbeddedHub hub;
    private static Dispatcher dispatcher;

    @BeforeAll
    static void start() throws Exception {
        if (!EmbeddedHub.supportedHere()) {
            System.out.println("EmbeddedHubTest SKIPPED on JDK " + Runtime.version().feature() + ": " + EmbeddedHub.UNSUPPORTED_REASON);
        }
        assumeTrue(EmbeddedHub.supportedHere(), EmbeddedHub.UNSUPPORTED_REASON);
        DevCa.writeAll(dir.resolve("tls"), List.of(TABLET, LRM), PASSWORD, Instant.now(), Duration.ofDays(1));
        hub = EmbeddedHub.start(dir.resolve("tls"), PASSWORD, freePort(), freePort(), "15-smur_local", dir.resolve("broker"));
        ConnectionFactory admin = new ConnectionFactory();
        admin.setUri(hub.adminUri());
        try (Connection connection = admin.newConnection(); Channel channel = connection.createChannel()) {
            HubTopology.declare(channel, List.of(TABLET, LRM));
        }
        dispatcher = new Dispatcher(admin.newConnection(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws Exception {
        if (dispatcher != null) {
            dispatcher.close();
        }
        if (hub != null) {
            hub.close();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static HubConfig config(String clientId) {
        Map<String, String> s = new HashMap<>();
        s.put("HUB_HOSTNAME", "localhost");
        s.put("HUB_PORT", String.valueOf(hub.tlsPort()));
        s.put("VHOST", hub.vhost());
        s.put("CLIENT_ID", clientId);
        s.put("CERTIFICATE_PATH", dir.resolve("tls/" + clientId + ".p12").toString());
        s.put("KEY_PASSPHRASE", new String(PASSWORD));
        s.put("TRUST_STORE_PATH", dir.resolve("tls/truststore.p12").toString());
        s.put("TRUST_STORE_PASSWORD", new String(PASSWORD));
        s.put("HEARTBEAT_SECONDS", "5");
        return HubConfig.load(null, s).orElseThrow();
    }

    @Test
    void aPrimaryInterventionRunsOnTheEmbeddedBroker() throws Exception {
        AmqpHubTransport lrmTransport = new AmqpHubTransport(config(LRM), Clock.systemUTC());
        try (LrmSimulator lrm = new LrmSimulator(lrmTransport, LRM, TABLET, Clock.systemDefaultZone());
             HeadlessTablet tablet = new HeadlessTablet(config(TABLET), dir.resolve("store"), "s".toCharArray(),
                     Duration.ofMillis(300), Clock.systemDefaultZone())) {
            lrm.start();
            tablet.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> lrmTransport.state().isConnected());
            Scenario scenario;
            try (InputStream in = getClass().getResourceAsStream("/scenarios/primary/scenario.txt")) {
                scenario = Scenario.parse(in, "primary");
            }
            ScenarioReport report = lrm.play(scenario, file -> getClass().getResourceAsStream("/scenarios/primary/" + file));
            System.out.print(report);
            assertTrue(report.complete(), report.toString());
        }
    }
}
