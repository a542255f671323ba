package org.opensmur.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.hub.codec.Decoded;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.message.MessageType;

class HubMsgTest {

    private static HubMsgRunner.Run run(String... args) {
        return HubMsgRunner.run(args);
    }

    @Test
    void validateAcceptsEveryOfficialExampleOfTheTabletsTypes() {
        List<String> args = new ArrayList<>(List.of("validate"));
        for (MessageType type : MessageType.values()) {
            SharedCorpus.exampleFiles(type).forEach(f -> args.add(f.toString()));
        }
        HubMsgRunner.Run run = run(args.toArray(String[]::new));
        assertEquals(0, run.exit(), run.out());
        assertEquals(args.size() - 1, run.out().lines().filter(l -> l.contains(": OK ")).count(), run.out());
    }

    @Test
    void validateRejectsEveryFailingSampleWithOneLinePerError() throws IOException {
        List<Path> failing;
        try (Stream<Path> files = Files.list(SharedCorpus.root().resolve("failing/EDXL-DE"))) {
            failing = files.filter(p -> !p.toString().endsWith(".errors")).sorted().toList();
        }
        for (Path file : failing) {
            HubMsgRunner.Run run = run("validate", file.toString());
            assertEquals(1, run.exit(), file + "\n" + run.out());
            assertTrue(run.out().lines().allMatch(l -> l.startsWith("$") && l.contains(": ")), run.out());
        }
    }

    @Test
    void unreadableFileExitsWithTwo(@TempDir Path dir) {
        HubMsgRunner.Run run = run("validate", dir.resolve("missing.json").toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("cannot read"), run.err());
    }

    @Test
    void wrapMakesAWholeMessageThatValidates(@TempDir Path dir) throws IOException {
        Path example = SharedCorpus.exampleFiles(MessageType.RS_BPV).get(0);
        HubMsgRunner.Run wrapped = run("wrap", example.toString(), "--from", "fr.health.samu440.smur.vlm4", "--to", "fr.health.samu440");
        assertEquals(0, wrapped.exit(), wrapped.out());

        Decoded decoded = new HubCodec().decode(wrapped.out().getBytes(StandardCharsets.UTF_8));
        assertTrue(decoded.isValid(), decoded.issues().toString());
        assertEquals("fr.health.samu440", decoded.envelope().recipientID());
        assertTrue(decoded.envelope().distributionID().startsWith("fr.health.samu440.smur.vlm4_"));

        Path whole = Files.writeString(dir.resolve("whole.json"), wrapped.out());
        HubMsgRunner.Run validated = run("validate", whole.toString());
        assertEquals("OK RS-BPV\n", validated.out());
    }

    @Test
    void wrapRefusesAnInvalidPayload(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"resourcesStatus\":{\"caseId\":\"x\"}}");
        HubMsgRunner.Run run = run("wrap", bad.toString(), "--from", "fr.health.a", "--to", "fr.health.b");
        assertEquals(1, run.exit());
        assertTrue(run.out().contains("$.resourcesStatus.resourceId: is missing"), run.out());
    }

    @Test
    void validateJudgesByTheLineOfTheVhostItIsGiven() {
        org.opensmur.core.hub.validation.ModelLine v2 = org.opensmur.core.hub.validation.ModelLine.V2;
        com.networknt.schema.JsonSchema official = SharedCorpus.officialEnvelopeSchema(v2);
        HubCodec codec = HubCodec.of(v2);
        int checked = 0;
        for (MessageType type : MessageType.values()) {
            for (Path file : SharedCorpus.exampleFiles(v2, type)) {
                HubMsgRunner.Run run = run("validate", "--vhost", "15-smur_v1.6", file.toString());
                // the official verdict: the example wrapped into a whole message by our 2.0 builders, when readable
                Decoded bare = codec.decode(read(file));
                boolean officiallyValid = bare.message() != null && official.validate(codec.toTree(
                        org.opensmur.core.outgoing.OutgoingMessages.of("fr.health.samu440.smur.vlm1", java.time.Clock.systemUTC(), v2)
                                .build(bare.message().payload(), "fr.health.samu440").message())).isEmpty();
                assertEquals(officiallyValid ? 0 : 1, run.exit(), file + ": " + run.out());
                checked++;
            }
        }
        assertTrue(checked > 30, "examples checked: " + checked);

        Path geoPos3 = SharedCorpus.exampleFiles(MessageType.GEO_POS).get(0);
        HubMsgRunner.Run underV2 = run("validate", "--vhost", "15-smur_v1.6", geoPos3.toString());
        assertEquals(1, underV2.exit(), underV2.out());
        assertTrue(underV2.out().contains("$.geoPositionsUpdate.position[0].coord: "), underV2.out());
        assertEquals(0, run("validate", "--line", "3", geoPos3.toString()).exit());

        HubMsgRunner.Run unknown = run("validate", "--vhost", "samu44-recette", geoPos3.toString());
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("--vhost: 'samu44-recette'") && unknown.err().contains("--line"), unknown.err());
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
