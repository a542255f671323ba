package org.opensmur.hubsim.recette;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.hub.validation.ModelLine;

/**
 * The variants are in the official format, each expected message valid against the official schema of its
 * line, different from the official example where the crew enters values, and the same for the same seed.
 */
class VariantsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path out;

    static List<ModelLine> lines() {
        return ModelLine.all();
    }

    private static Path cases() {
        return SharedCorpus.root().resolve("test-cases/15-SMUR.json");
    }

    @ParameterizedTest
    @MethodSource("lines")
    void everyExpectedMessageIsValidAgainstTheOfficialSchemaAndDiffersFromTheOfficialOne(ModelLine line) throws Exception {
        Path official = SharedCorpus.root(line);
        Variants.Written written = Variants.write(official, cases(), 3, 7, out);
        JsonNode file = JSON.readTree(written.cases().toFile());
        int sends = 0;
        int differing = 0;
        List<String> officialSendFiles = new ArrayList<>();
        JSON.readTree(cases().toFile()).get(0).path("testCases").get(0).path("steps")
                .forEach(s -> officialSendFiles.add(s.path("type").asText().equals("send") ? s.path("file").asText() : null));
        assertEquals(3, file.get(0).path("testCases").size(), "three variants of the one official case");
        for (JsonNode testCase : file.get(0).path("testCases")) {
            JsonNode steps = testCase.path("steps");
            for (int i = 0; i < steps.size(); i++) {
                JsonNode step = steps.get(i);
                if (!step.path("type").asText().equals("send")) {
                    continue;
                }
                sends++;
                String model = step.path("model").asText();
                JsonNode expected = JSON.readTree(out.resolve("examples").resolve(model).resolve(step.path("file").asText()).toFile());
                try (InputStream in = Files.newInputStream(official.resolve("schemas").resolve(model + ".schema.json"))) {
                    var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
                    assertEquals(java.util.Set.of(), schema.validate(expected.elements().next()), step.path("file").asText());
                }
                JsonNode original = JSON.readTree(official.resolve("examples").resolve(model).resolve(officialSendFiles.get(i)).toFile());
                if (!original.equals(expected)) {
                    differing++;
                }
            }
        }
        assertEquals(3 * 14, sends, "every send step of the case, in each variant");
        assertTrue(differing >= sends * 2 / 3, "most expected messages differ from the official ones: " + differing + "/" + sends);
        assertTrue(written.drawn() > 0);
    }

    @ParameterizedTest
    @MethodSource("lines")
    void theBilansSayEveryVitalOfTheLineInEveryWayTheClinicWritesItInTheOrderTheBilanSendsThem(ModelLine line) throws Exception {
        Path official = SharedCorpus.root(line);
        Variants.write(official, cases(), 10, 3, out);
        java.util.Set<String> lineTypes = new java.util.TreeSet<>();
        // the line's vital types, as its official schema lists them
        JSON.readTree(official.resolve("schemas/RS-BPV.schema.json").toFile()).findValues("enum").stream()
                .filter(e -> e.toString().contains("FREQUENCE_CARDIAQUE")).findFirst().orElseThrow().forEach(t -> lineTypes.add(t.asText()));
        java.util.Set<String> types = new java.util.TreeSet<>();
        List<String> values = new ArrayList<>();
        List<String> pressures = new ArrayList<>();
        boolean precision = false;
        try (var files = Files.list(out.resolve("examples").resolve("RS-BPV"))) {
            for (Path f : files.toList()) {
                JsonNode parameters = JSON.readTree(f.toFile()).elements().next().path("evaluation").path("parameter");
                List<Integer> order = new ArrayList<>();
                for (JsonNode p : parameters) {
                    types.add(p.path("type").asText());
                    values.add(p.path("value").asText());
                    if (p.path("type").asText().equals("PRESSION_ARTERIELLE")) {
                        pressures.add(p.path("value").asText());
                    }
                    precision |= p.has("precision");
                    order.add(org.opensmur.core.bilan.VitalSign.valueOf(java.util.Arrays.stream(org.opensmur.core.bilan.VitalSign.values())
                            .filter(v -> v.code().equals(p.path("type").asText())).findFirst().orElseThrow().name()).ordinal());
                }
                assertEquals(order.stream().sorted().toList(), order, f + ": one of each, in the bilan's order");
            }
        }
        assertEquals(lineTypes, types, "every vital type of the line");
        assertTrue(values.stream().anyMatch(v -> v.matches("\\d+-\\d+")), "a span: " + values);
        assertTrue(values.stream().anyMatch(v -> v.matches("\\d+(\\.\\d+)?\\s*(/mn|/min|bpm|%|°C|g/[lL]|/15|mmHg|c/min)")), "a unit typed after: " + values);
        assertTrue(values.contains("imprenable"), "the words: " + values);
        assertTrue(pressures.stream().anyMatch(v -> v.matches("\\d{2,3}/\\d{2,3}( mmHg)?")), "a systolic over a diastolic: " + pressures);
        assertEquals(line == ModelLine.CURRENT, precision, "a precision where the line has one (model 3; 2.0 has none)");
    }

    @ParameterizedTest
    @MethodSource("lines")
    void theSameSeedDrawsTheSameVariantsAndAnotherSeedOthers(ModelLine line) throws Exception {
        Path official = SharedCorpus.root(line);
        Variants.write(official, cases(), 1, 5, out.resolve("a"));
        Variants.write(official, cases(), 1, 5, out.resolve("b"));
        Variants.write(official, cases(), 1, 6, out.resolve("c"));
        Path ri = Path.of("examples", "RS-RI", "V1_RS-RI_FuiteDeGaz_AliceGregoireNORMAND.03.json");
        assertEquals(Files.readString(out.resolve("a").resolve(ri)), Files.readString(out.resolve("b").resolve(ri)));
        assertNotEquals(Files.readString(out.resolve("a").resolve(ri)), Files.readString(out.resolve("c").resolve(ri)));
    }
}
