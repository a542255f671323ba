package org.opensmur.core.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.hub.validation.ValidationIssue;
import org.opensmur.core.hub.validation.Validator;
import org.opensmur.core.outgoing.Built;
import org.opensmur.core.outgoing.OutgoingMessages;

/**
 * Every official example of the tablet's types, of both model lines, decodes, validates and re-encodes to
 * the same JSON under its own line; wrapped by our builders it passes that line's official schema; and an
 * example that the other line's official schema refuses is refused by ours under that line, at the place
 * the official schema names.
 */
class OfficialExamplesTest {

    private static final Map<ModelLine, JsonSchema> OFFICIAL = new java.util.HashMap<>();

    @BeforeAll
    static void loadSchemas() {
        for (ModelLine line : ModelLine.all()) {
            OFFICIAL.put(line, SharedCorpus.officialEnvelopeSchema(line));
        }
    }

    static Stream<Arguments> examples() {
        List<Arguments> all = new ArrayList<>();
        for (ModelLine line : ModelLine.all()) {
            for (MessageType type : MessageType.values()) {
                for (Path file : SharedCorpus.exampleFiles(line, type)) {
                    all.add(Arguments.of(line.name(), type, file.getFileName().toString(), file));
                }
            }
        }
        return all.stream();
    }

    @Test
    void everyTypeHasOfficialExamplesOnBothLines() {
        for (ModelLine line : ModelLine.all()) {
            for (MessageType type : MessageType.values()) {
                assertFalse(SharedCorpus.exampleFiles(line, type).isEmpty(), "no official " + line.name() + " example for " + type);
            }
        }
    }

    /** The bare example in a fixed valid envelope, as the official schema validates a whole message. */
    private static ObjectNode enveloped(JsonNode example) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("distributionID", "fr.health.samu440_1").put("senderID", "fr.health.samu440")
                .put("dateTimeSent", "2025-05-26T13:21:04+02:00").put("dateTimeExpires", "2025-05-27T13:21:04+02:00")
                .put("distributionStatus", "Actual").put("distributionKind", "Report");
        root.putObject("descriptor").put("language", "fr-FR").putObject("explicitAddress")
                .put("explicitAddressScheme", "hubex").put("explicitAddressValue", "fr.health.samu440.smur.vlm1");
        ObjectNode message = root.putArray("content").addObject().putObject("jsonContent").putObject("embeddedJsonContent")
                .putObject("message");
        message.put("messageId", "fr.health.samu440_1").put("sentAt", "2025-05-26T13:21:04+02:00")
                .put("kind", "Report").put("status", "Actual");
        message.putObject("sender").put("name", "fr.health.samu440").put("URI", "hubex:fr.health.samu440");
        message.putArray("recipient").addObject().put("name", "fr.health.samu440.smur.vlm1").put("URI", "hubex:fr.health.samu440.smur.vlm1");
        message.setAll((ObjectNode) example.deepCopy());
        return root;
    }

    /** An official example its own line's schema refuses (it happens): ours must refuse it too, at the same place. */
    private static boolean refusedByItsOwnSchema(ModelLine line, JsonNode example, String name) {
        java.util.Set<String> theirs = new java.util.TreeSet<>();
        SharedCorpus.officialErrors(OFFICIAL.get(line), enveloped(example)).forEach(m -> theirs.add(m.getMessage()));
        if (theirs.isEmpty()) {
            return false;
        }
        List<ValidationIssue> ours = Validator.of(line).validate(enveloped(example)).issues();
        assertFalse(ours.isEmpty(), () -> name + " is refused by the official " + line.name() + " schema " + theirs + ", not by ours");
        for (ValidationIssue issue : ours) {
            assertTrue(theirs.stream().anyMatch(m -> m.startsWith(issue.path())), () -> name + ": we name " + issue.path()
                    + ", the official schema " + theirs);
        }
        System.out.println("official " + line.name() + " example refused by its own schema, and by ours: " + name + " "
                + ours.stream().map(ValidationIssue::path).toList());
        return true;
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("examples")
    void decodesValidatesAndRoundTrips(String lineName, MessageType type, String name, Path file) throws Exception {
        HubCodec codec = HubCodec.of(ModelLine.named(lineName));
        JsonNode original = SharedCorpus.read(file);
        if (refusedByItsOwnSchema(codec.line(), original, name)) {
            return;
        }
        Decoded decoded = codec.decode(codec.mapper().writeValueAsBytes(original));

        assertEquals(List.of(), decoded.issues(), "issues in " + name);
        assertEquals(type, decoded.type());
        assertNotNull(decoded.message());
        ObjectNode reencoded = codec.toWireTree(decoded.message().payload());
        assertTrue(JsonTrees.sameJson(original, reencoded),
                () -> "round trip changed " + name + ":\n" + original + "\n" + reencoded);
    }

    /** The official example wrapped by our builders of its line (skipped when its own line's schema refuses it). */
    private static Built wrapped(ModelLine line, Path file, String name) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(refusedByItsOwnSchema(line, SharedCorpus.read(file), name),
                "the official example is refused by its own line's schema (checked above)");
        HubCodec codec = HubCodec.of(line);
        Decoded bare = codec.decode(codec.mapper().writeValueAsBytes(SharedCorpus.read(file)));
        OutgoingMessages out = OutgoingMessages.of("fr.health.samu440.smur.vlm1",
                Clock.fixed(Instant.parse("2025-05-26T11:21:04Z"), ZoneId.of("Europe/Paris")), line);
        return out.build(bare.message().payload(), "fr.health.samu440");
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("examples")
    void wrappedInAnEnvelopeItPassesTheOfficialSchemaAndOurs(String lineName, MessageType type, String name, Path file) throws Exception {
        ModelLine line = ModelLine.named(lineName);
        HubCodec codec = HubCodec.of(line);
        Built built = wrapped(line, file, name);
        HubMessage message = built.message();

        assertEquals(List.of(), built.issues());
        JsonNode wire = codec.mapper().readTree(codec.encode(message));
        assertEquals(java.util.Set.of(), SharedCorpus.officialErrors(OFFICIAL.get(line), wire), "official schema on " + name);
        Decoded back = codec.decode(codec.encode(message));
        assertTrue(back.isValid(), () -> back.issues().toString());
        assertEquals(message, back.envelope());
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("examples")
    void underTheOtherLineItIsRefusedWhereTheOfficialSchemaRefusesIt(String lineName, MessageType type, String name, Path file)
            throws Exception {
        ModelLine own = ModelLine.named(lineName);
        ModelLine other = own == ModelLine.CURRENT ? ModelLine.V2 : ModelLine.CURRENT;
        HubCodec codec = HubCodec.of(own);
        JsonNode wire = codec.mapper().readTree(codec.encode(wrapped(own, file, name).message()));

        java.util.Set<String> theirs = new java.util.TreeSet<>();
        SharedCorpus.officialErrors(OFFICIAL.get(other), wire).forEach(m -> theirs.add(m.getMessage()));
        List<ValidationIssue> ours = Validator.of(other).validate(wire).issues();
        assertEquals(theirs.isEmpty(), ours.isEmpty(), () -> "official " + other.name() + ": " + theirs + "\nours: " + ours);
        for (ValidationIssue issue : ours) {
            // networknt names the place as "$.a.b[0].c: ..." (or the parent, for a missing property)
            String where = issue.kind() == ValidationIssue.Kind.REQUIRED
                    ? issue.path().substring(0, issue.path().lastIndexOf('.')) : issue.path();
            assertTrue(theirs.stream().anyMatch(m -> m.startsWith(where)),
                    () -> "we name " + issue.path() + "; the official " + other.name() + " schema names " + theirs);
        }
    }
}
