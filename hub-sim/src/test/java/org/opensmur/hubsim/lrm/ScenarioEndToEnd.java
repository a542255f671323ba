package org.opensmur.hubsim.lrm;

import org.junit.jupiter.api.Tag;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.core.hub.amqp.AmqpHubTransport;
import org.opensmur.core.hub.amqp.HubBroker;
import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.hubsim.dispatch.Dispatcher;
import org.opensmur.hubsim.dispatch.OfficialSchemas;
import org.opensmur.hubsim.fixture.LocalBroker;
import org.opensmur.hubsim.tablet.HeadlessTablet;
import org.opensmur.oru.LocalOru;
import org.opensmur.oru.store.Export;

/**
 * Full scenarios between the LRM simulator and the tablet's core (store, relay, transport, client),
 * through the local Hub's dispatcher over mutual TLS, on both brokers of the local Hub: the LRM's report
 * must be complete, RC-REFs included.
 */
@Tag("flow") // whole scenarios between the LRM simulator and the headless tablet, on both brokers and both lines: run by ./bin/test and .ci/run, not by ./bin/test --quick
abstract class ScenarioEndToEnd {

    abstract LocalBroker localBroker();

    /** The vhost, which decides the model line; model 3 unless a subclass says otherwise. */
    String vhost() {
        return "opensmur-test";
    }

    private HubBroker broker() {
        return localBroker().broker(vhost());
    }

    @TempDir
    Path dir;
    private Dispatcher dispatcher;
    private LrmSimulator lrm;
    private HeadlessTablet tablet;
    private LocalOru oru;

    @BeforeEach
    void start() throws Exception {
        HubBroker broker = broker();
        broker.purgeAll();
        ModelLine line = ModelLine.named(broker.config(HubBroker.LRM).modelLine());
        // The Hub's yardstick, not the tablet's own validator: the official schemas of the vhost's line.
        dispatcher = new Dispatcher(broker.admin(), Clock.systemUTC(), localBroker().dispatcherBroker(), line, officialSchemas(line));
        AmqpHubTransport lrmTransport = new AmqpHubTransport(broker.config(HubBroker.LRM), Clock.systemUTC());
        lrm = new LrmSimulator(lrmTransport, HubBroker.LRM, HubBroker.TABLET, line, Clock.systemDefaultZone());
        lrm.start();
        AmqpHubTransport oruTransport = new AmqpHubTransport(broker.config(HubBroker.ORU), Clock.systemUTC());
        oru = LocalOru.start(oruTransport, HubBroker.ORU, dir.resolve("oru"), line, Clock.systemDefaultZone());
        Map<String, String> settings = broker.settings(HubBroker.TABLET);
        settings.put("ORU_CLIENT_ID", HubBroker.ORU);
        tablet = new HeadlessTablet(broker.config(settings), dir, org.opensmur.store.testing.TestKeys.secret("e2e-secret"), Duration.ofMillis(300),
                Clock.systemDefaultZone());
        tablet.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> lrmTransport.state().isConnected());
    }

    /** Compiled once per line and test JVM, not once per scenario: immutable, and read by one dispatcher at a time. */
    private static final Map<ModelLine, OfficialSchemas> SCHEMAS = new java.util.concurrent.ConcurrentHashMap<>();

    private static OfficialSchemas officialSchemas(ModelLine line) {
        Path folder = SharedCorpus.root(line).resolve("schemas"); // skips (or fails in CI) without the corpus, each time
        return SCHEMAS.computeIfAbsent(line, l -> OfficialSchemas.load(folder));
    }

    @AfterEach
    void stop() throws Exception {
        if (tablet == null) {
            return; // skipped: no broker
        }
        tablet.close();
        oru.close();
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

        // The ORU gets the RPIS record at the end of the mission, prefilled from the case.
        await().atMost(Duration.ofSeconds(20)).until(() -> oru.records() == 1);
        long id = oru.store().query("SELECT id FROM rpis_record", r -> r.getLong(1)).get(0);
        var record = oru.store().record(id).orElseThrow().consolidated();
        assertEquals("C11.06.00", record.at("/regulation/whatsHappen/code").asText());
        assertEquals("44109", record.at("/intervention/location/detailedAddress/inseeCode").asText());
        java.io.StringWriter csv = new java.io.StringWriter();
        assertEquals(1, Export.write(oru.store(), java.time.Instant.EPOCH, java.time.Instant.parse("2100-01-01T00:00:00Z"),
                Export.Format.CSV, false, csv));
        List<String> lines = csv.toString().lines().toList();
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).startsWith("smur_unit,org_id,case_id,"));
        assertTrue(lines.get(1).contains(",M01.00,MED,"), lines.get(1));
        java.io.StringWriter jsonl = new java.io.StringWriter();
        Export.write(oru.store(), java.time.Instant.EPOCH, java.time.Instant.parse("2100-01-01T00:00:00Z"), Export.Format.JSONL, false, jsonl);
        assertEquals(1, jsonl.toString().lines().count());

        // The mission's RPIS on the ORU's dashboard, behind its login.
        String dashboard = oru.serve(0);
        var http = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(java.net.http.HttpClient.Redirect.NORMAL).build();
        var login = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(dashboard + "login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("name=" + LocalOru.USER + "&password=" + oru.password())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode());
        String smurUnit = oru.store().query("SELECT smur_unit FROM rpis_record", r -> r.getString(1)).get(0);
        assertTrue(login.body().contains("1 interventions") && login.body().contains(smurUnit), login.body());
    }

    @Test
    void copiesDeliveredTwiceAreCountedOnceAppliedAndBounded() throws Exception {
        ScenarioReport report = play("primary");
        assertTrue(report.complete(), report.toString());
        // Delivery is at least once: without faults, no copy comes twice.
        assertEquals(0, report.duplicates(), report.toString());

        // A republication after a lost confirm: the same message reaches the LRM again, through the Hub.
        HubBroker broker = broker();
        var outbox = tablet.core().ledger();
        byte[] again = outbox.body(outbox.list(null, 100).stream()
                .filter(e -> e.type() == org.opensmur.core.hub.message.MessageType.RS_SR).findFirst().orElseThrow().distributionId());
        try (var admin = broker.admin(); var channel = admin.createChannel()) {
            for (int i = 0; i < 2; i++) {
                channel.basicPublish(org.opensmur.core.hub.transport.HubConfig.HUB_EXCHANGE, HubBroker.TABLET,
                        new com.rabbitmq.client.AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2).build(), again);
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> lrm.duplicates() == 2);
        assertEquals(2, lrm.duplicates(), "each copy again is counted as a duplicate, none applied twice");
    }

    @Test
    void aCancelledEngagementEndsWithAnnule() throws Exception {
        ScenarioReport report = play("cancelled");
        assertTrue(report.complete(), report.toString());
    }
}
