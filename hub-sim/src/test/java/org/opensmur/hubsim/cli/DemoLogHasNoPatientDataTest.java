package org.opensmur.hubsim.cli;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.core.testing.PooledRsaKeys;

/**
 * Health data is never in a log: a whole demo (both scenarios, the headless tablet on the real core, the
 * dispatcher, the LRM simulator, the ORU's concentrator, the embedded broker) runs in its own JVM with every logger at
 * DEBUG, and what it printed is searched for every patient value of the scenario files. Its temporary
 * folder (the ORU's RPIS records, the tablet's store) is gone when it ends. Its RSA key pairs come from a pool
 * the class makes once ({@link PooledRsaKeys}): generating them was most of a demo's CPU, and no log line is about them.
 */
@Tag("slow") // whole demos in their own JVM: run by ./bin/test and .ci/run, not by ./bin/test --quick
class DemoLogHasNoPatientDataTest {

    @TempDir
    Path dir;

    /** The RSA key pairs both demos take their certificates' keys from (five a demo: CA, broker, three parties). */
    private static Path keyPairs;

    @BeforeAll
    static void keyPairs(@TempDir Path keys) throws Exception {
        keyPairs = keys.resolve("rsa-key-pairs");
        PooledRsaKeys.write(keyPairs, 5);
    }

    /** Fields whose values are codes of the model, not about the patient. */
    private static final Set<String> CODE_FIELDS = Set.of("channel", "type", "precision", "status", "priority", "careLevel",
            "role", "decisionType", "resourceType", "code", "sex", "origin", "orientationType", "owner", "perimeter",
            "interventionType", "caseId", "senderCaseId", "patientId", "creation", "reception", "datetime");
    private static final Set<String> PATIENT_SUBTREES = Set.of("patient", "location", "initialAlert", "decision",
            "qualification", "freetext");

    @org.junit.jupiter.params.ParameterizedTest(name = "vhost {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"15-smur_local", "15-smur_v1.6"})
    void aWholeDemoAtDebugLevelPrintsNoPatientValueAndLeavesNothingInTheTemporaryFolder(String vhost) throws Exception {
        Set<String> values = new TreeSet<>();
        for (String file : List.of("primary/case.json", "primary/case.v2.json", "primary/engagement.json",
                "primary/orientation.json", "primary/orientation.v2.json")) {
            try (InputStream in = HubSimCli.class.getResourceAsStream("/scenarios/" + file)) {
                collect(new ObjectMapper().readTree(in), null, false, values);
            }
        }
        assertTrue(values.containsAll(Set.of("EXERCICE", "+33600000000", "12 rue de l'Exercice 44000 Nantes", "Douleur thoracique")),
                "the scan looks for the patient's values: " + values);

        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path log = dir.resolve("demo.log");
        Process demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", // a quick start: a short run, mostly waiting on its steps
                "-Dkeystore.pkcs12.macIterationCount=1", "-Dkeystore.pkcs12.keyPbeIterationCount=1", "-Dkeystore.pkcs12.certPbeIterationCount=1",
                "-Djava.io.tmpdir=" + tmp, "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug",
                "-D" + PooledRsaKeys.KEYS + "=" + keyPairs,
                "-cp", System.getProperty("java.class.path"), HubSimCliOnPooledKeys.class.getName(), // HubSimCli's main, keys pooled
                "--tls-dir", dir.resolve("tls").toString(),
                "demo", "--embedded-dir", dir.resolve("hub").toString(), "--vhost", vhost, "--rounds", "2", "--step-ms", "200",
                "--step-timeout", "60", "--ack-wait", "30") // about the log, not the pace: a loaded machine's slow step is no failure
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertTrue(demo.waitFor(4, TimeUnit.MINUTES), "the demo ended by itself");
        } finally {
            demo.destroyForcibly().waitFor(); // never left running (with its broker) into the next tests
        }
        String printed = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, demo.exitValue(), "both scenarios completed:\n" + tail(printed));
        assertTrue(printed.contains("DEBUG"), "the scan reads a log at DEBUG level");
        assertTrue(printed.lines().count() > 100, "a whole demo's log: " + printed.lines().count() + " lines");

        List<String> found = new ArrayList<>();
        for (String value : values) {
            // A value as a whole: an INSEE code 44109 inside a broker's hash code HC:441093852 is not the address.
            java.util.regex.Pattern whole = java.util.regex.Pattern.compile(
                    "(?<![\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(value) + "(?![\\p{L}\\p{N}])");
            printed.lines().filter(l -> whole.matcher(l).find()).findFirst().ifPresent(l -> found.add(value + " @ " + l));
        }
        assertEquals(List.of(), found, "patient values in the demo's log");
        assertTrue(PooledRsaKeys.publicKeys(keyPairs).contains(org.opensmur.signing.Pki.readCertificates(
                dir.resolve("hub").resolve("ca.pem")).get(0).getPublicKey()), "the demo took its keys from the pool");
        try (var left = Files.list(tmp)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("opensmur")).toList(),
                    "the demo removed its temporary folder");
        }
    }

    private static void collect(JsonNode node, String field, boolean patient, Set<String> values) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> collect(e.getValue(), e.getKey(),
                    patient || PATIENT_SUBTREES.contains(e.getKey()), values));
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, field, patient, values));
        } else if (patient && !CODE_FIELDS.contains(field) && !node.isBoolean()) {
            String value = node.asText();
            if (value.length() >= 4 && !value.contains("${")) {
                values.add(value);
            }
        }
    }

    /** What the demo itself said (its report, its errors), without the DEBUG lines of every library, then the log's end. */
    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        List<String> said = lines.stream().filter(l -> !l.matches("^\\[.*?\\] (DEBUG|TRACE) .*")).toList();
        return String.join("\n", said.subList(Math.max(0, said.size() - 80), said.size())) + "\n... the log's last lines:\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
    }
}
