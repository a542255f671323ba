package org.opensmur.oru.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.oru.Records;
import org.opensmur.oru.TestDatabases;
import org.opensmur.oru.consolidate.RecordKey;
import org.opensmur.oru.store.OruDatabase;
import picocli.CommandLine;

/**
 * {@code ./bin/oru import} of the official RS-RPIS examples, sent by the tablet, copied by the LRM and
 * corrected once, then {@code ./bin/oru export}: one row per patient with the latest values, on both
 * databases.
 */
class ImportExportTest {

    static final List<String> KINDS = TestDatabases.KINDS;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Run(int status, String out) {
    }

    private Run oru(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new OruCli());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int status = cli.execute(args);
        return new Run(status, out.toString());
    }

    @org.junit.jupiter.api.Test
    void userRemoveTakesAUserAwayAndSaysSoWhenThereIsNone() {
        String url = OruDatabase.embeddedUrl(dir.resolve("users"));
        try (org.opensmur.oru.Oru oru = new org.opensmur.oru.Oru(OruDatabase.open(url, null),
                org.opensmur.oru.quality.Nomenclatures.none(), new org.opensmur.oru.web.Users.Cost(256, 1, 1), java.time.Clock.systemUTC())) {
            oru.users().add("claire", "a long enough password".toCharArray(), org.opensmur.oru.web.Users.Role.VIEWER);
        }
        Run removed = oru("user", "remove", "--db", url, "claire");
        assertEquals(0, removed.status(), removed.out());
        assertTrue(removed.out().contains("user claire removed"), removed.out());
        Run again = oru("user", "remove", "--db", url, "claire");
        assertEquals(1, again.status(), "nobody left to remove: " + again.out());
        assertTrue(again.out().contains("no user claire"), again.out());
        try (org.opensmur.oru.Oru oru = new org.opensmur.oru.Oru(OruDatabase.open(url, null),
                org.opensmur.oru.quality.Nomenclatures.none(), new org.opensmur.oru.web.Users.Cost(256, 1, 1), java.time.Clock.systemUTC())) {
            assertTrue(oru.users().check("claire", "a long enough password".toCharArray()).isEmpty(), "can no longer log in");
            assertTrue(oru.audit().latest(5).stream().anyMatch(e -> e.action().equals("user removed") && e.detail().equals("claire")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("KINDS")
    void theOfficialExamplesImportedTwiceAndCorrectedExportOneRowPerPatientWithTheLatestValues(String kind) throws Exception {
        String url;
        String schema = null;
        if (kind.equals("sqlite")) {
            url = OruDatabase.embeddedUrl(dir.resolve("db"));
        } else {
            TestDatabases.close(TestDatabases.open(kind, dir)); // skips (or fails in CI) when PostgreSQL is not there
            schema = "oru_cli_" + Long.toHexString(System.nanoTime());
            url = TestDatabases.POSTGRES_URL + "&currentSchema=" + schema;
            try (var c = java.sql.DriverManager.getConnection(TestDatabases.POSTGRES_URL)) {
                c.createStatement().execute("CREATE SCHEMA " + schema);
            }
        }
        try {
            Records records = new Records(ModelLine.CURRENT);
            List<Path> files = new ArrayList<>();
            Set<RecordKey> patients = new HashSet<>();
            String correctedCase = null;
            String correctedTime = null;
            int n = 0;
            for (Path example : SharedCorpus.exampleFiles(ModelLine.CURRENT, MessageType.RS_RPIS)) {
                String name = example.getFileName().toString().replace("RS-RPIS_", "").replace(".json", "");
                ObjectNode rpis = records.example(name);
                patients.add(RecordKey.of(rpis).orElseThrow());
                files.add(write("tablet-" + n, records.bytes(Records.TABLET, rpis)));
                files.add(write("lrm-" + n, records.bytes(Records.LRM, rpis)));
                if (n == 0) {
                    ObjectNode corrected = rpis.deepCopy();
                    Records.shift(corrected, "/intervention/smurStatus/returnSmur", 9);
                    files.add(write("tablet-corrected-" + n, records.bytes(Records.TABLET, corrected)));
                    correctedCase = rpis.at("/patient/patientId").asText();
                    correctedTime = corrected.at("/intervention/smurStatus/returnSmur").asText();
                }
                n++;
            }
            List<String> args = new ArrayList<>(List.of("import", "--db", url));
            files.forEach(f -> args.add(f.toString()));
            Run imported = oru(args.toArray(String[]::new));
            assertEquals(0, imported.status(), imported.out());
            List<String> lines = imported.out().lines().toList();
            assertEquals(files.size(), lines.size(), "one line per file");
            assertEquals(patients.size(), lines.stream().filter(l -> l.contains(": stored")).count(), imported.out());
            assertEquals(n, lines.stream().filter(l -> l.contains(": duplicate")).count(), "each LRM copy");
            assertEquals(1, lines.stream().filter(l -> l.contains(": superseded")).count());

            Path out = dir.resolve("export.jsonl");
            Run exported = oru("export", "--db", url, "--from", "2000-01-01", "--to", "2100-01-01", "--format", "jsonl",
                    "--with-identities", "--out", out.toString());
            assertEquals(0, exported.status(), exported.out());
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(out));
            List<JsonNode> rows = Files.readAllLines(out).stream().map(l -> {
                try {
                    return JSON.readTree(l);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertEquals(patients.size(), rows.size(), "one row per patient");
            String caseId = correctedCase;
            JsonNode corrected = rows.stream().filter(r -> r.get("patient/patientId").asText().equals(caseId)).findFirst().orElseThrow();
            assertEquals(correctedTime, corrected.get("intervention/smurStatus/returnSmur").asText(), "the latest value");
            assertEquals(3, corrected.get("versions").asInt());

            Run csv = oru("export", "--db", url, "--from", "2000-01-01", "--to", "2100-01-01");
            assertEquals(0, csv.status(), csv.out());
            assertFalse(csv.out().contains("patient/patientId"), "no identity column without --with-identities");
        } finally {
            if (schema != null) {
                TestDatabases.drop(schema);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void theExportsDaysAreTheRegionsSoADecisionAtHalfPastMidnightInParisIsInFebruarysExport() throws Exception {
        String url = OruDatabase.embeddedUrl(dir.resolve("db"));
        Records records = new Records(ModelLine.CURRENT);
        ObjectNode rpis = records.example("AliceNormand", r -> ((ObjectNode) r.get("context")).put("decisionDate", "2026-02-01T00:30:00+01:00"));
        assertEquals(0, oru("import", "--db", url, write("tablet", records.bytes(Records.TABLET, rpis)).toString()).status());

        assertTrue(oru("export", "--db", url, "--from", "2026-02-01", "--to", "2026-03-01").out().contains("export: 1 record(s)"),
                "in February's export, as on the dashboard (Europe/Paris by default)");
        assertTrue(oru("export", "--db", url, "--from", "2026-01-01", "--to", "2026-02-01").out().contains("export: 0 record(s)"));
        assertTrue(oru("export", "--db", url, "--zone", "UTC", "--from", "2026-01-01", "--to", "2026-02-01").out()
                .contains("export: 1 record(s)"), "a region on UTC cuts its days at midnight UTC");
    }

    private Path write(String name, byte[] body) throws Exception {
        Path file = dir.resolve(name + ".json");
        Files.write(file, body);
        return file;
    }
}
