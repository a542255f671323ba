package org.opensmur.hubsim.lrm;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.core.hub.transport.AmqpHubTransport;
import org.opensmur.core.hub.transport.HubBroker;
import org.opensmur.hubsim.dispatch.Dispatcher;
import org.opensmur.hubsim.tablet.HeadlessTablet;

/**
 * Full scenarios between the LRM simulator and the tablet's core (store, relay, transport, client),
 * through the local Hub's dispatcher on the machine's RabbitMQ over mutual TLS: the LRM's report must
 * be complete, RC-REFs included.
 */
class ScenarioEndToEndTest {

    @TempDir
    Path dir;
    private Dispatcher dispatcher;
    private LrmSimulator lrm;
    private HeadlessTablet tablet;

    @BeforeEach
    void start() throws Exception {
        HubBroker broker = HubBroker.require();
        broker.purgeAll();
        dispatcher = new Dispatcher(broker.admin(), Clock.systemUTC());
        AmqpHubTransport lrmTransport = new AmqpHubTransport(broker.config(HubBroker.LRM), Clock.systemUTC());
        lrm = new LrmSimulator(lrmTransport, HubBroker.LRM, HubBroker.TABLET, Clock.systemDefaultZone());
        lrm.start();
        Map<String, String> settings = broker.settings(HubBroker.TABLET);
        tablet = new HeadlessTablet(broker.config(settings), dir, "e2e-secret".toCharArray(), Duration.ofMillis(300),
                Clock.systemDefaultZone());
        tablet.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> lrmTransport.state().isConnected());
    }

    @AfterEach
    void stop() throws Exception {
        tablet.close();
        lrm.close();
        dispatcher.close();
    }

    private ScenarioReport play(String name) throws Exception {
        String folder = "/scenarios/" + name + "/";
        Scenario scenario;
        try (InputStream in = getClass().getResourceAsStream(folder + "scenario.txt")) {
            scenario = Scenario.parse(in, name);
        }
        ScenarioReport report = lrm.play(scenario, file -> getClass().getResourceAsStream(
                Path.of(folder).resolve(file).normalize().toString()));
        System.out.print(report);
        return report;
    }

    @Test
    void aPrimaryInterventionIsCompleteFromEngagementToReturn() throws Exception {
        ScenarioReport report = play("primary");
        assertTrue(report.complete(), report.toString());
        assertTrue(report.lines().size() == 14, "11 expectations and 3 RC-REFs");
    }

    @Test
    void aCancelledEngagementEndsWithAnnule() throws Exception {
        ScenarioReport report = play("cancelled");
        assertTrue(report.complete(), report.toString());
    }
}
