package org.opensmur.core.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opensmur.core.cli.HubMsgRunner;
import org.opensmur.core.hub.client.HubClient;
import org.opensmur.core.hub.client.HubEvent;
import org.opensmur.core.hub.client.ReceivedStore;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.message.DistributionKind;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.hub.transport.Delivery;
import org.opensmur.core.hub.transport.HubQueue;
import org.opensmur.core.hub.transport.Inbound;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.reference.Reference;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.testing.FakeTransport;

/**
 * What official ANS software sends (its SDK's acknowledgement helper, its builders, its test LRM) is what
 * the Hub forwards: the receiving client and {@code hubmsg} accept it, and judge it by the envelope's
 * senderID, never by the RC-DE header's own fields; what the Hub itself refuses is still refused.
 */
class OfficialPeersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TABLET = "fr.health.test.smurtab";
    private static final String LRM = "fr.health.test.lrm";
    private static final Instant NOW = Instant.parse("2026-12-06T08:30:00Z");

    /** Every shape on every line it reaches, around a message the tablet sent or an official example. */
    static Stream<Arguments> shapes() {
        List<Arguments> all = new ArrayList<>();
        for (ModelLine line : ModelLine.all()) {
            OfficialPeers.references(line).forEach(shape -> all.add(Arguments.of(line.name(), shape.name())));
            OfficialPeers.reports(line).forEach(shape -> all.add(Arguments.of(line.name(), shape.name())));
        }
        return all.stream();
    }

    /** Each shape's bodies, made once for the four tests that read them (none writes into them). */
    private static final java.util.Map<String, List<byte[]>> BODIES = new java.util.concurrent.ConcurrentHashMap<>();

    /** The bodies of one shape: an RC-REF of a status the tablet sent, or the official case examples it wraps. */
    private static List<byte[]> bodies(ModelLine line, String shapeName) {
        return BODIES.computeIfAbsent(line.name() + " " + shapeName, key -> List.copyOf(made(line, shapeName)));
    }

    private static List<byte[]> made(ModelLine line, String shapeName) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        for (OfficialPeers.Shape shape : OfficialPeers.references(line)) {
            if (shape.name().equals(shapeName)) {
                HubMessage status = OutgoingMessages.of(TABLET, clock, line).statusChange("fr.health.samu440.DRFR154402414300123",
                        "fr.health.samu440.resource.VLM4", ResourceStatus.DEPART, NOW.atOffset(ZoneOffset.UTC), false, LRM).orElseThrow();
                return List.of(OfficialPeers.acknowledgement(shape, status, NOW));
            }
        }
        OfficialPeers.Shape shape = OfficialPeers.reports(line).stream().filter(s -> s.name().equals(shapeName)).findFirst().orElseThrow();
        List<byte[]> bodies = new ArrayList<>();
        for (MessageType type : List.of(MessageType.RS_EDA, MessageType.RS_EDA_MAJ, MessageType.RS_ER)) {
            for (Path example : SharedCorpus.exampleFiles(line, type)) {
                // One official 2.0 example breaks its own schema (README): the Hub would not forward it. That is
                // decided on the example alone, so a template of ours that breaks the schema still fails the tests.
                if (HubCodec.of(line).decodeTree(SharedCorpus.read(example)).isValid()) {
                    bodies.add(OfficialPeers.report(shape, LRM, TABLET, SharedCorpus.read(example), DistributionKind.REPORT, NOW));
                }
            }
        }
        assertFalse(bodies.isEmpty(), "no official example of the case types passes its own schema wrapped as " + shapeName);
        return bodies;
    }

    private static JsonNode readTree(byte[] body) {
        return SharedCorpus.readBytes(body);
    }

    /** The tablet's receiving client on {@code transport}, answering directly, its events in {@code events}. */
    private static void receivingTablet(ModelLine line, FakeTransport transport, List<HubEvent> events) {
        HubCodec codec = HubCodec.of(line);
        new HubClient(transport, codec, decoded -> ReceivedStore.Outcome.NEW,
                HubClient.direct(transport, codec, OutgoingMessages.of(TABLET, Clock.systemUTC(), line)), events::add, null, TABLET).start();
    }

    @ParameterizedTest(name = "model {0}, {1}")
    @MethodSource("shapes")
    void theOfficialSchemaAcceptsEveryShapeOfTheCorpus(String lineName, String shapeName) {
        ModelLine line = ModelLine.named(lineName);
        for (byte[] body : bodies(line, shapeName)) {
            assertEquals(List.of(), List.copyOf(SharedCorpus.officialErrors(SharedCorpus.officialEnvelopeSchema(line), readTree(body))),
                    "the corpus must hold what the Hub forwards");
        }
    }

    @ParameterizedTest(name = "model {0}, {1}")
    @MethodSource("shapes")
    void aReceivingClientAcceptsEveryShapeAndTrustsOnlyTheEnvelopesSender(String lineName, String shapeName) {
        ModelLine line = ModelLine.named(lineName);
        HubCodec codec = HubCodec.of(line);
        FakeTransport transport = new FakeTransport();
        List<HubEvent> events = new CopyOnWriteArrayList<>();
        receivingTablet(line, transport, events);
        for (byte[] body : bodies(line, shapeName)) {
            events.clear();
            transport.published().clear();
            HubMessage sent = codec.decode(body).envelope();
            Inbound.Disposition disposition = transport.inbound().onDelivery(
                    new Delivery(HubQueue.of(sent.distributionKind()), body, "application/json", false));

            assertEquals(Inbound.Disposition.STORED, disposition, shapeName + ": " + events);
            assertEquals(1, events.size(), events.toString());
            if (sent.payload() instanceof Reference reference) {
                HubEvent.ReferenceReceived received = assertInstanceOf(HubEvent.ReferenceReceived.class, events.get(0));
                assertEquals(reference.distributionID(), received.referencedDistributionId());
                assertEquals(LRM, received.from(), "who acknowledged is the envelope's senderID, whatever the header says");
                assertEquals(List.of(), transport.published(), "an acknowledgement is never acknowledged, nor refused");
            } else {
                assertInstanceOf(HubEvent.MessageReceived.class, events.get(0));
                assertEquals(1, transport.published().size(), "one RC-REF back, no error report");
                HubMessage answer = codec.decode(transport.published().get(0).body()).envelope();
                assertEquals(MessageType.RC_REF, answer.type());
                assertEquals(LRM, answer.recipientID());
            }
        }
    }

    @ParameterizedTest(name = "model {0}, {1}")
    @MethodSource("shapes")
    void hubmsgValidateAcceptsEveryShapeAndNotesTheConventionsItBreaks(String lineName, String shapeName, @TempDir Path dir)
            throws IOException {
        ModelLine line = ModelLine.named(lineName);
        List<String> args = new ArrayList<>(List.of("validate", "--line", lineName));
        int n = 0;
        for (byte[] body : bodies(line, shapeName)) {
            Path file = dir.resolve(shapeName + "-" + (n++) + ".json");
            Files.write(file, body);
            args.add(file.toString());
        }
        HubMsgRunner.Run run = HubMsgRunner.run(args.toArray(String[]::new));
        assertEquals(0, run.exit(), run.out());
        assertEquals(n, run.out().lines().filter(l -> l.startsWith("OK ") || l.contains(": OK ")).count(), run.out());
        if (shapeName.equals("sdk-reference")) {
            assertTrue(run.out().contains("note (not checked by the Hub): $.content[0].jsonContent.embeddedJsonContent"
                    + ".message.sender.name: must equal the senderID"), run.out());
        }
    }

    @ParameterizedTest(name = "model {0}")
    @ValueSource(strings = {"2.0", "3"})
    void whatTheHubRefusesBeforeRoutingIsStillRefused(String lineName) {
        ModelLine line = ModelLine.named(lineName);
        HubCodec codec = HubCodec.of(line);
        FakeTransport transport = new FakeTransport();
        List<HubEvent> events = new CopyOnWriteArrayList<>();
        receivingTablet(line, transport, events);
        OfficialPeers.Shape sdk = OfficialPeers.reports(line).get(0);
        JsonNode bare = SharedCorpus.read(SharedCorpus.exampleFiles(line, MessageType.RS_EDA).get(0));

        ObjectNode otherPrefix = (ObjectNode) readTree(OfficialPeers.report(sdk, LRM, TABLET, bare, DistributionKind.REPORT, NOW));
        otherPrefix.put("distributionID", "fr.health.test.other_1");
        ObjectNode elsewhere = (ObjectNode) readTree(OfficialPeers.report(sdk, LRM, "fr.health.test.oru", bare, DistributionKind.REPORT, NOW));
        for (ObjectNode refused : List.of(otherPrefix, elsewhere)) {
            events.clear();
            Inbound.Disposition disposition = transport.inbound().onDelivery(
                    new Delivery(HubQueue.MESSAGE, codec.mapper().valueToTree(refused).toString().getBytes(), "application/json", false));
            assertEquals(Inbound.Disposition.REJECTED, disposition);
            HubEvent.MessageRejected rejected = assertInstanceOf(HubEvent.MessageRejected.class, events.get(0));
            assertTrue(rejected.issues().get(0).path().equals("$.distributionID")
                    || rejected.issues().get(0).path().equals("$.descriptor.explicitAddress.explicitAddressValue"), rejected.toString());
        }
        assertEquals(List.of(), transport.published(), "nothing acknowledged of what did not come through the Hub");
    }

    /** Weight and height are JSON-schema integers without bounds: hubmsg agrees with the official schema on every value. */
    @ParameterizedTest(name = "weight {0}")
    @ValueSource(strings = {"40", "1000000000000", "1000000000000000000000000000000", "-3", "40.5", "\"40\"", "4e1", "40.0", "1e400"})
    void hubmsgAgreesWithTheOfficialSchemaOnTheBilansIntegers(String weight, @TempDir Path dir) throws IOException {
        for (ModelLine line : ModelLine.all()) {
            Path example = SharedCorpus.exampleFiles(line, MessageType.RS_BPV).stream()
                    .filter(f -> SharedCorpus.read(f).at("/interventionReport/patient").has("weight")).findFirst().orElseThrow();
            ObjectNode bare = (ObjectNode) SharedCorpus.read(example);
            ((ObjectNode) bare.at("/interventionReport/patient")).set("weight", JSON.readTree(weight));
            HubMessage wrapper = OutgoingMessages.of(TABLET, Clock.systemUTC(), line)
                    .statusChange("fr.health.samu440.DRFR154402414300123", "fr.health.samu440.resource.VLM4", ResourceStatus.DEPART,
                            NOW.atOffset(ZoneOffset.UTC), false, LRM).orElseThrow();
            ObjectNode whole = HubCodec.of(line).toTree(wrapper);
            ObjectNode message = (ObjectNode) whole.at("/content/0/jsonContent/embeddedJsonContent/message");
            message.remove("resourcesStatus");
            message.setAll(bare);
            boolean official = SharedCorpus.officialErrors(SharedCorpus.officialEnvelopeSchema(line), whole).isEmpty();
            Path file = dir.resolve("bpv-" + line.name() + ".json");
            Files.writeString(file, whole.toString());

            HubMsgRunner.Run run = HubMsgRunner.run("validate", "--line", line.name(), file.toString());
            assertEquals(official ? 0 : 1, run.exit(), "model " + line.name() + ", official schema says " + official + ": " + run.out());
            if (new BigInteger("1000000000000").toString().equals(weight)) {
                assertTrue(official, "the official schema accepts 10^12: the case this test is about");
                assertTrue(run.out().contains("patient.weight: valid, but beyond a 32-bit int"), run.out());
            }
        }
    }
}
