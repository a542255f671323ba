package org.opensmur.hubsim.peers;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opensmur.core.conformance.OfficialPeers;
import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.message.DistributionKind;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.hub.transport.Delivery;
import org.opensmur.core.hub.transport.HubConfig;
import org.opensmur.core.hub.transport.HubQueue;
import org.opensmur.core.hub.transport.Inbound;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.tablet.DeliveryState;
import org.opensmur.core.testing.FakeTransport;
import org.opensmur.hubsim.lrm.LrmSimulator;
import org.opensmur.hubsim.tablet.HeadlessTablet;
import org.opensmur.oru.LocalOru;

/**
 * The local Hub's parties (headless tablet, LRM simulator, the ORU's concentrator) take what official ANS software sends
 * (the SDK's acknowledgement helper, its builders, the test LRM) as the Hub forwards it.
 */
class OfficialPeersOnTheLocalHubTest {

    private static final String TABLET = "fr.health.test.smurtab";
    private static final String LRM = "fr.health.test.lrm";
    private static final String ORU = "fr.health.test.oru";

    private static Inbound.Disposition deliver(FakeTransport transport, HubCodec codec, byte[] body) {
        HubQueue queue = HubQueue.of(codec.decode(body).envelope().distributionKind());
        return transport.inbound().onDelivery(new Delivery(queue, body, "application/json", false));
    }

    private static HubConfig tabletConfig(ModelLine line) {
        Map<String, String> s = new HashMap<>();
        s.put("HUB_HOSTNAME", "127.0.0.1");
        s.put("HUB_PORT", "1");
        s.put("VHOST", line == ModelLine.CURRENT ? "15-smur_v1.7" : "15-smur_v1.6");
        s.put("CLIENT_ID", TABLET);
        s.put("LRM_CLIENT_ID", LRM);
        s.put("ORU_CLIENT_ID", ORU);
        s.put("PLAIN_AMQP", "true");
        return HubConfig.load(null, s).orElseThrow();
    }

    @ParameterizedTest(name = "model {0}")
    @ValueSource(strings = {"2.0", "3"})
    void theHeadlessTabletEngagesOnAnSdkBuiltRequestAndTakesEveryOfficialAcknowledgement(String lineName, @TempDir Path dir) {
        ModelLine line = ModelLine.named(lineName);
        HubCodec codec = HubCodec.of(line);
        FakeTransport transport = new FakeTransport();
        try (HeadlessTablet tablet = new HeadlessTablet(tabletConfig(line), transport, dir, org.opensmur.store.testing.TestKeys.secret("peers-secret"),
                Duration.ofHours(1), Clock.systemUTC())) {
            tablet.start();
            for (OfficialPeers.Shape report : OfficialPeers.reports(line)) {
                transport.published().clear();
                byte[] request = OfficialPeers.report(report, LRM, TABLET,
                        SharedCorpus.read(SharedCorpus.exampleFiles(line, MessageType.RS_ER).get(0)), DistributionKind.REPORT, Instant.now());
                assertEquals(Inbound.Disposition.STORED, deliver(transport, codec, request), report.name());
                // The reply to the request goes to the envelope's sender, whatever the header calls it.
                await().atMost(Duration.ofSeconds(10)).until(() -> transport.published().stream()
                        .map(p -> codec.decode(p.body()).envelope()).anyMatch(m -> m.type() == MessageType.RS_RI));
                HubMessage reply = transport.published().stream().map(p -> codec.decode(p.body()).envelope())
                        .filter(m -> m.type() == MessageType.RS_RI).findFirst().orElseThrow();
                assertEquals(LRM, reply.recipientID());
                await().atMost(Duration.ofSeconds(10)).until(() -> tablet.core().ledger().find(reply.distributionID()).state() == DeliveryState.SENT);

                for (OfficialPeers.Shape reference : OfficialPeers.references(line)) {
                    assertEquals(Inbound.Disposition.STORED,
                            deliver(transport, codec, OfficialPeers.acknowledgement(reference, reply, Instant.now())), reference.name());
                    assertEquals(DeliveryState.RECEIVED, tablet.core().ledger().find(reply.distributionID()).state(), reference.name());
                }
                assertTrue(transport.published().stream().map(p -> codec.decode(p.body()).envelope())
                        .noneMatch(m -> m.type() == MessageType.RS_ERROR), "no error report for what official software sent");
            }
        }
    }

    @ParameterizedTest(name = "model {0}")
    @ValueSource(strings = {"2.0", "3"})
    void theLrmSimulatorAndTheOruConcentratorTakeWhatOfficialSoftwareSends(String lineName, @TempDir Path dir) {
        ModelLine line = ModelLine.named(lineName);
        HubCodec codec = HubCodec.of(line);
        FakeTransport toLrm = new FakeTransport();
        FakeTransport toOru = new FakeTransport();
        try (LrmSimulator lrm = new LrmSimulator(toLrm, LRM, TABLET, line, Clock.systemUTC());
             LocalOru oru = LocalOru.start(toOru, ORU, dir.resolve("oru"), line, Clock.systemUTC())) {
            lrm.start();
            int delivered = 0;
            java.util.Set<Path> examples = new java.util.HashSet<>();
            for (OfficialPeers.Shape report : OfficialPeers.reports(line)) {
                for (var example : SharedCorpus.exampleFiles(line, MessageType.RS_RPIS)) {
                    byte[] record = OfficialPeers.report(report, TABLET, ORU, SharedCorpus.read(example), DistributionKind.REPORT, Instant.now());
                    if (!SharedCorpus.officialErrors(SharedCorpus.officialEnvelopeSchema(line), SharedCorpus.readBytes(record)).isEmpty()) {
                        continue; // an official example that breaks its own schema never reaches the ORU
                    }
                    assertEquals(Inbound.Disposition.STORED, deliver(toOru, codec, record), report.name() + " " + example.getFileName());
                    delivered++;
                    examples.add(example.getFileName());
                }
                byte[] status = OfficialPeers.report(report, TABLET, LRM,
                        SharedCorpus.read(SharedCorpus.exampleFiles(line, MessageType.RS_SR).get(0)), DistributionKind.REPORT, Instant.now());
                assertEquals(Inbound.Disposition.STORED, deliver(toLrm, codec, status), report.name());
            }
            // every RPIS kept as received; the same example from each shape is one record (the same patient)
            assertEquals(delivered, oru.store().query("SELECT COUNT(*) FROM delivery", r -> r.getInt(1)).get(0), "every RPIS kept");
            assertEquals(examples.size(), oru.records(), "one record per example (one patient each), whichever shapes carried it");
            // Acknowledgements the way official software writes them, about what the LRM sent.
            HubMessage sent = org.opensmur.core.outgoing.OutgoingMessages.of(LRM, Clock.systemUTC(), line)
                    .build(SharedCorpus.examplePayload(line, MessageType.RS_EDA, "Normand"), TABLET).orElseThrow();
            for (OfficialPeers.Shape reference : OfficialPeers.references(line)) {
                assertEquals(Inbound.Disposition.STORED, deliver(toLrm, codec, OfficialPeers.acknowledgement(reference, sent, Instant.now())),
                        reference.name());
            }
            for (FakeTransport transport : List.of(toLrm, toOru)) {
                assertTrue(transport.published().stream().map(p -> codec.decode(p.body()).envelope())
                        .allMatch(m -> m.type() == MessageType.RC_REF && !Boolean.TRUE.equals(
                                ((org.opensmur.core.reference.Reference) m.payload()).refused())), "only RC-REFs, none refused");
            }
        }
    }
}
