package org.opensmur.core.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensmur.core.hub.codec.Decoded;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.outgoing.Built;
import org.opensmur.core.outgoing.OutgoingMessages;

/** Every official example of the tablet's types decodes, validates and re-encodes to the same JSON. */
class OfficialExamplesTest {

    private static final HubCodec CODEC = new HubCodec();
    private static JsonSchema official;

    @BeforeAll
    static void loadSchema() {
        official = SharedCorpus.officialEnvelopeSchema();
    }

    static Stream<Arguments> examples() {
        List<Arguments> all = new ArrayList<>();
        for (MessageType type : MessageType.values()) {
            for (Path file : SharedCorpus.exampleFiles(type)) {
                all.add(Arguments.of(type, file.getFileName().toString(), file));
            }
        }
        return all.stream();
    }

    @Test
    void everyTypeHasOfficialExamples() {
        for (MessageType type : MessageType.values()) {
            assertFalse(SharedCorpus.exampleFiles(type).isEmpty(), "no official example for " + type);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("examples")
    void decodesValidatesAndRoundTrips(MessageType type, String name, Path file) throws Exception {
        JsonNode original = SharedCorpus.read(file);
        Decoded decoded = CODEC.decode(CODEC.mapper().writeValueAsBytes(original));

        assertEquals(List.of(), decoded.issues(), "issues in " + name);
        assertEquals(type, decoded.type());
        assertNotNull(decoded.message());
        ObjectNode reencoded = CODEC.toTree(decoded.message().payload());
        assertTrue(JsonTrees.sameJson(original, reencoded),
                () -> "round trip changed " + name + ":\n" + original + "\n" + reencoded);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("examples")
    void wrappedInAnEnvelopeItPassesTheOfficialSchemaAndOurs(MessageType type, String name, Path file) throws Exception {
        Decoded bare = CODEC.decode(CODEC.mapper().writeValueAsBytes(SharedCorpus.read(file)));
        OutgoingMessages out = OutgoingMessages.of("fr.health.samu440.smur.vlm1",
                Clock.fixed(Instant.parse("2025-05-26T11:21:04Z"), ZoneId.of("Europe/Paris")));
        Built built = out.build(bare.message().payload(), "fr.health.samu440");
        HubMessage message = built.message();

        assertEquals(List.of(), built.issues());
        JsonNode wire = CODEC.mapper().readTree(CODEC.encode(message));
        assertEquals(java.util.Set.of(), SharedCorpus.officialErrors(official, wire), "official schema on " + name);
        Decoded back = CODEC.decode(CODEC.encode(message));
        assertTrue(back.isValid(), () -> back.issues().toString());
        assertEquals(message, back.envelope());
    }
}
