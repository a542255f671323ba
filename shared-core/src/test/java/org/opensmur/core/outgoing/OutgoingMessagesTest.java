package org.opensmur.core.outgoing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opensmur.core.document.DocumentType;
import org.opensmur.core.geo.Coordinates;
import org.opensmur.core.geo.Position;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.message.DistributionKind;
import org.opensmur.core.hub.message.DistributionStatus;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.mission.MedicalLevel;
import org.opensmur.core.mission.ResourceInfo;
import org.opensmur.core.mission.Team;
import org.opensmur.core.reference.Reference;
import org.opensmur.core.reference.ReferenceStep;
import org.opensmur.core.status.ResourceStatus;

class OutgoingMessagesTest {

    private static final String TABLET = "fr.health.samu440.smur.vlm4";
    private static final String LRM = "fr.health.samu440";
    private static final String CASE = "fr.health.samu440.DRFR154402414300123";
    private static final String VLM4 = "fr.health.samu440.resource.VLM4";
    /** 13:21:04.750 in Paris, summer time. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-26T11:21:04.750Z"), ZoneId.of("Europe/Paris"));

    private final HubCodec codec = new HubCodec();
    private final AtomicInteger ids = new AtomicInteger();
    private final OutgoingMessages out = new OutgoingMessages(TABLET, CLOCK, () -> "id" + ids.incrementAndGet(),
            Expiry.defaults(), DistributionStatus.ACTUAL, codec);

    @Test
    void statusChangeIsACompleteHubMessage() throws Exception {
        OffsetDateTime tap = OffsetDateTime.parse("2025-05-26T13:10:00+02:00");
        HubMessage message = out.statusChange(CASE, VLM4, ResourceStatus.DEPART, tap, null, LRM).orElseThrow();
        JsonNode wire = codec.mapper().readTree(codec.encode(message));

        assertEquals(TABLET + "_id1", wire.get("distributionID").asText());
        assertEquals(TABLET, wire.get("senderID").asText());
        assertEquals("2025-05-26T13:21:04+02:00", wire.get("dateTimeSent").asText());
        assertEquals("2025-05-27T13:21:04+02:00", wire.get("dateTimeExpires").asText());
        assertEquals("Report", wire.get("distributionKind").asText());
        assertEquals("hubex", wire.at("/descriptor/explicitAddress/explicitAddressScheme").asText());
        assertEquals(LRM, wire.at("/descriptor/explicitAddress/explicitAddressValue").asText());
        assertFalse(wire.get("descriptor").has("keyword"));
        assertEquals(1, wire.get("content").size());
        JsonNode msg = wire.at("/content/0/jsonContent/embeddedJsonContent/message");
        assertEquals(wire.get("distributionID"), msg.get("messageId"));
        assertEquals("hubex:" + TABLET, msg.at("/sender/URI").asText());
        assertEquals(LRM, msg.at("/recipient/0/name").asText());
        assertEquals("2025-05-26T13:10:00+02:00", msg.at("/resourcesStatus/state/datetime").asText(),
                "the status keeps the tap time, not the send time");
        assertFalse(msg.at("/resourcesStatus/state").has("availability"), "nulls are not written");
    }

    @Test
    void aMessageTheHubWouldRefuseCannotBeBuilt() {
        Built built = out.statusChange("samu 440", "VLM4", ResourceStatus.ARRIVEE,
                OffsetDateTime.now(CLOCK), true, LRM);
        assertFalse(built.isValid());
        assertEquals(List.of("caseId", "resourceId"), built.issues().stream().map(i -> i.field()).toList());
        Built.InvalidMessageException thrown = assertThrows(Built.InvalidMessageException.class, built::orElseThrow);
        assertEquals(2, thrown.issues().size());
    }

    @Test
    void clientIdOutsideTheHubAlphabetIsRefused() {
        OutgoingMessages bad = OutgoingMessages.of("fr.health.samu 440", CLOCK);
        Built built = bad.statusChange(CASE, VLM4, ResourceStatus.DEPART, OffsetDateTime.now(CLOCK), null, LRM);
        assertTrue(built.issues().stream().anyMatch(i -> i.path().equals("$.distributionID")), built.issues().toString());
    }

    @Test
    void positionsExpireSoonerThanStatuses() {
        Position fix = new Position(VLM4, OffsetDateTime.now(CLOCK), new Coordinates(47.2184, -1.5536, null),
                42.0, 90.0, null, true, null, null, null, null);
        HubMessage positions = out.positions(List.of(fix), LRM).orElseThrow();
        assertEquals(Duration.ofMinutes(5), Duration.between(positions.dateTimeSent(), positions.dateTimeExpires()));
    }

    @Test
    void engagementReplyAndDocumentLinkAreValid() {
        ResourceInfo vlm = new ResourceInfo(OffsetDateTime.now(CLOCK), VLM4, null, null, LRM, null, null, "SMUR.VLM",
                "VLM 4", null, new Team(MedicalLevel.MED, "Équipe 1"), null, null, null);
        assertTrue(out.engagementReply(CASE, vlm, LRM).isValid());
        assertTrue(out.documentLink(CASE, null, DocumentType.ECG, "https://docs.example/ecg/1", LRM).isValid());
    }

    @Test
    void referenceGoesBackToTheSenderAsAnAck() {
        HubMessage received = OutgoingMessages.of(LRM, CLOCK).statusChange(CASE, VLM4, ResourceStatus.DEPART,
                OffsetDateTime.now(CLOCK), null, TABLET).orElseThrow();
        HubMessage ack = out.reference(received, ReferenceStep.RECU).orElseThrow();

        assertEquals(DistributionKind.ACK, ack.distributionKind());
        assertEquals(DistributionKind.ACK, ack.header().kind());
        assertEquals(LRM, ack.recipientID());
        assertEquals(TABLET, ack.header().sender().name(), "sender is the tablet, not the original sender");
        assertEquals(new Reference(received.distributionID(), null, null, ReferenceStep.RECU), ack.payload());
        assertNotEquals(received.distributionID(), ack.distributionID());
        assertThrows(IllegalArgumentException.class, () -> out.reference(ack, ReferenceStep.RECU), "acks are never acked");
    }

    @Test
    void builtMessagesDecodeBackToTheSameMessage() {
        HubMessage message = out.statusChange(CASE, VLM4, ResourceStatus.PEC, OffsetDateTime.now(CLOCK), false, LRM).orElseThrow();
        var decoded = codec.decode(new String(codec.encode(message), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
        assertTrue(decoded.isValid(), decoded.issues().toString());
        assertEquals(message, decoded.envelope());
        assertEquals(MessageType.RS_SR, decoded.type());
    }
}
