package org.opensmur.oru.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.oru.Records;
import org.opensmur.oru.TestDatabases;
import org.opensmur.oru.consolidate.Version;
import org.opensmur.oru.quality.Nomenclatures;
import org.opensmur.oru.quality.Quality;

/** The export as the observatory opens it: a CSV a spreadsheet reads without running anything a sender wrote. */
class ExportTest {

    static final List<String> KINDS = TestDatabases.KINDS;
    private static final Instant FROM = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2100-01-01T00:00:00Z");

    @TempDir
    Path dir;
    private OruDatabase database;
    private OruStore store;
    private final Records records = new Records(ModelLine.CURRENT);

    @AfterEach
    void close() {
        if (database != null) {
            TestDatabases.close(database);
        }
    }

    private void open(String kind) {
        database = TestDatabases.open(kind, dir);
        store = new OruStore(database, new Quality(Nomenclatures.none()));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("KINDS")
    void aFormulaInAFreeTextFieldIsExportedAsTextAndDatesAndNumbersStayAsTheyAre(String kind) {
        open(kind);
        String formula = "=HYPERLINK(\"http://example.org/x\",\"voir\")";
        ObjectNode rpis = records.example("AliceNormand", r -> {
            ((ObjectNode) r.get("intervention")).put("mainDiagnosis", formula);
            ((ObjectNode) r.get("intervention")).put("associatedDiagnosis", "@SUM(1+1)");
            ((ObjectNode) r.get("context")).put("senderCaseId", "-2+3");
        });
        store.ingest(new Version("fr.health.test.smurtab_1", Records.TABLET, Instant.parse("2026-11-02T08:00:00Z"), rpis),
                "digest-1", Instant.parse("2026-11-02T08:00:01Z"));

        StringWriter csv = new StringWriter();
        assertEquals(1, Export.write(store, FROM, TO, Export.Format.CSV, false, csv));
        List<String> lines = csv.toString().lines().toList();
        List<String> header = cells(lines.get(0));
        List<String> row = cells(lines.get(1));
        assertEquals("'" + formula, row.get(header.indexOf("intervention/mainDiagnosis")), "a quote first: shown as text, never run");
        assertEquals("'@SUM(1+1)", row.get(header.indexOf("intervention/associatedDiagnosis")));
        assertEquals("'-2+3", row.get(header.indexOf("case_id")));
        assertEquals(rpis.at("/context/decisionDate").asText(), row.get(header.indexOf("context/decisionDate")), "a date as it was");
        assertEquals("1", row.get(header.indexOf("versions")), "a number as it was");

        StringWriter jsonl = new StringWriter();
        Export.write(store, FROM, TO, Export.Format.JSONL, false, jsonl);
        assertEquals(true, jsonl.toString().contains("\"intervention/mainDiagnosis\":\"=HYPERLINK"),
                "JSON lines are data, not a spreadsheet: the value as received");
    }

    @org.junit.jupiter.api.Test
    void onPostgresqlAnExportReadsItsRowsThroughACursorNotAllAtOnce() throws Exception {
        open("postgresql");
        int count = OruStore.EXPORT_FETCH_SIZE * 2 + 10;
        for (int i = 0; i < count; i++) {
            String n = Integer.toString(i);
            ObjectNode rpis = records.example("AliceNormand", r -> {
                ((ObjectNode) r.get("context")).put("senderCaseId", "DRFR15440" + n);
                ((ObjectNode) r.get("patient")).put("patientId", "fr.health.samu440.P" + n);
            });
            store.ingest(new Version("fr.health.test.smurtab_" + n, Records.TABLET, Instant.parse("2026-11-02T08:00:00Z"), rpis),
                    "digest-" + n, Instant.parse("2026-11-02T08:00:01Z"));
        }
        // While the first row is handed over, the export's query is still open on the server (a cursor in its
        // transaction, the rest to be fetched): the driver has not read the whole result into memory.
        List<String> statesAtFirstRow = new ArrayList<>();
        int[] rows = {0};
        store.eachRecord(FROM, TO, row -> {
            if (rows[0]++ == 0) {
                try (var c = java.sql.DriverManager.getConnection(TestDatabases.POSTGRES_URL);
                        var s = c.prepareStatement("SELECT state FROM pg_stat_activity WHERE datname = current_database()"
                                + " AND pid <> pg_backend_pid() AND query LIKE '%decision_at >= $1 AND decision_at < $2%'")) {
                    try (var r = s.executeQuery()) {
                        while (r.next()) {
                            statesAtFirstRow.add(r.getString(1));
                        }
                    }
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        assertEquals(count, rows[0], "every row, once");
        org.junit.jupiter.api.Assertions.assertTrue(statesAtFirstRow.contains("idle in transaction"),
                "the export's cursor open while its rows are read: " + statesAtFirstRow);
    }

    /**
     * A browser downloading slowly holds the export open: meanwhile a record still arrives and is stored at once,
     * on either database (on SQLite an export in a transaction would hold the write lock until the download ends).
     */
    @ParameterizedTest(name = "{0}")
    @FieldSource("KINDS")
    void aRecordArrivingWhileAnExportIsReadIsStoredWithoutWaitingForIt(String kind) {
        open(kind);
        store.ingest(new Version("fr.health.test.smurtab_1", Records.TABLET, Instant.parse("2026-11-02T08:00:00Z"),
                records.example("AliceNormand")), "digest-1", Instant.parse("2026-11-02T08:00:01Z"));
        ObjectNode other = records.example("AliceNormand", r -> ((ObjectNode) r.get("patient")).put("patientId", "fr.health.samu440.P2"));
        long[] storedIn = {-1};
        store.eachRecord(FROM, TO, row -> {
            long start = System.nanoTime();
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () ->
                    store.ingest(new Version("fr.health.test.smurtab_2", Records.TABLET, Instant.parse("2026-11-02T08:05:00Z"), other),
                            "digest-2", Instant.parse("2026-11-02T08:05:01Z")));
            storedIn[0] = (System.nanoTime() - start) / 1_000_000;
        });
        org.junit.jupiter.api.Assertions.assertTrue(storedIn[0] >= 0 && storedIn[0] < 5_000, "stored in " + storedIn[0] + " ms");
        assertEquals(2, store.count());
    }

    /** The cells of one RFC 4180 line. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
