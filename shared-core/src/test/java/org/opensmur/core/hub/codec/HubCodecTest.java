package org.opensmur.core.hub.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.hub.validation.ValidationIssue;
import org.opensmur.core.hub.validation.ValidationIssue.Kind;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.status.ResourcesStatus;

class HubCodecTest {

    private static final String STATUS = """
            {"resourcesStatus":{"caseId":"fr.health.samu440.DRFR154402414300123",
             "resourceId":"fr.health.samu440.resource.VLM4",
             "state":{"datetime":"2024-05-26T13:21:00+02:00","status":"RET-BASE","availability":true}}}""";

    private final HubCodec codec = new HubCodec();

    @Test
    void datesAreWrittenWithAnExplicitOffsetNeverZNeverFractions() {
        assertEquals("2024-05-26T11:21:00+00:00",
                HubDates.format(OffsetDateTime.of(2024, 5, 26, 11, 21, 0, 987_000_000, ZoneOffset.UTC)));
        assertEquals("2024-05-26T13:21:00+02:00",
                HubDates.format(OffsetDateTime.of(2024, 5, 26, 13, 21, 0, 0, ZoneOffset.ofHours(2))));
        assertEquals(OffsetDateTime.of(2024, 5, 26, 13, 21, 0, 500_000_000, ZoneOffset.UTC),
                HubDates.parse("2024-05-26 13:21:00.5z"));
    }

    @Test
    void codesTravelAsTheirHubCodes() throws Exception {
        Decoded decoded = codec.decode(STATUS.getBytes(StandardCharsets.UTF_8));
        ResourcesStatus status = (ResourcesStatus) decoded.message().payload();
        assertEquals(ResourceStatus.RET_BASE, status.state().status());
        assertEquals("Retour vers la base", status.state().status().label());
        assertEquals("RET-BASE", codec.toTree(status).at("/resourcesStatus/state/status").asText());
    }

    @Test
    void unknownFieldsAreReportedButKeptOnARoundTrip() throws Exception {
        ObjectNode tree = (ObjectNode) codec.mapper().readTree(STATUS);
        ((ObjectNode) tree.at("/resourcesStatus/state")).put("speedKmh", 80);
        Decoded decoded = codec.decode(codec.mapper().writeValueAsBytes(tree));

        assertFalse(decoded.isValid());
        assertTrue(decoded.isReadable(), "a newer partner's extra field must not make the message unreadable");
        assertEquals(List.of("$.resourcesStatus.state.speedKmh"), decoded.unknownFields());
        assertEquals(MessageType.RS_SR, decoded.type());
        JsonNode written = codec.mapper().readTree(codec.encode(decoded));
        assertEquals(80, written.at("/resourcesStatus/state/speedKmh").asInt());
        assertEquals(tree, written);
    }

    @Test
    void everyIssueIsReportedWithItsPathNotJustTheFirst() {
        String broken = STATUS.replace("\"RET-BASE\"", "\"PARTI\"").replace("fr.health.samu440.resource.VLM4", "VLM4")
                .replace("2024-05-26T13:21:00+02:00", "2024-05-26T13:21:00Z").replace("\"availability\":true", "\"availability\":\"yes\"");
        Decoded decoded = codec.decode(broken.getBytes(StandardCharsets.UTF_8));
        assertNull(decoded.message());
        assertEquals(List.of(
                        "$.resourcesStatus.resourceId PATTERN",
                        "$.resourcesStatus.state.datetime DATE_TIME",
                        "$.resourcesStatus.state.status CODE",
                        "$.resourcesStatus.state.availability TYPE"),
                decoded.issues().stream().map(i -> i.path() + " " + i.kind()).toList());
        ValidationIssue code = decoded.issues().get(2);
        assertEquals("status", code.field());
        assertTrue(code.reason().contains("'PARTI' is not a valid ResourceStatus"), code.reason());
    }

    @Test
    void severalUseCasesOrNoneAreRefusedByName() {
        Decoded two = codec.decode("{\"reference\":{\"distributionID\":\"x\"},\"resourcesStatus\":{}}".getBytes(StandardCharsets.UTF_8));
        assertEquals(Kind.USE_CASE, two.issues().get(0).kind());
        assertTrue(two.issues().get(0).reason().contains("reference, resourcesStatus"), two.issues().toString());
        Decoded none = codec.decode("{\"messageId\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        assertTrue(none.issues().stream().anyMatch(i -> i.kind() == Kind.USE_CASE && i.reason().startsWith("no use case")));
    }
}
