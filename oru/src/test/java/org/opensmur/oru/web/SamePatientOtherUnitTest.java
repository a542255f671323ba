package org.opensmur.oru.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.oru.Oru;
import org.opensmur.oru.Records;
import org.opensmur.oru.TestDatabases;
import org.opensmur.oru.consolidate.Version;
import org.opensmur.oru.quality.Nomenclatures;
import org.opensmur.oru.store.OruDatabase;

/**
 * The same patient of the same case under two SMUR units (a correction of {@code ressourceStructure}, or a VLM and an
 * ambulance both caring for them): two records, neither merged nor dropped, both flagged for the ORU's staff to review,
 * each naming the other, and the export saying how many other units hold that patient.
 */
class SamePatientOtherUnitTest {

    static final List<String> KINDS = TestDatabases.KINDS;

    @TempDir
    Path dir;
    private OruDatabase database;
    private Oru oru;

    @AfterEach
    void close() {
        if (oru != null) {
            oru.close();
            database.schema().ifPresent(TestDatabases::drop);
        }
    }

    private long ingest(String distributionId, ObjectNode rpis) {
        return oru.store().ingest(new Version(distributionId, Records.TABLET, Instant.parse("2026-11-02T08:00:00Z"), rpis),
                "digest-" + distributionId, Instant.parse("2026-11-02T08:00:01Z")).recordId();
    }

    private long a;
    private long b;
    private long c;
    private String unitA;
    private String unitB;
    private String month;
    private String base;
    private HttpClient viewer;

    /** Records a (unit A) and b (unit B) of one patient of one case, c another patient of that case under unit A. */
    private void start(String kind) throws Exception {
        database = TestDatabases.open(kind, dir);
        oru = new Oru(database, Nomenclatures.none(), UsersTest.CHEAP, Clock.systemUTC());
        oru.users().add("lecteur", "viewer password for the test".toCharArray(), Users.Role.VIEWER);
        Records records = new Records(ModelLine.CURRENT);
        ObjectNode first = records.example("AliceNormand");
        String structure = first.at("/context/ressourceStructure").asText();
        ObjectNode second = records.example("AliceNormand",
                r -> ((ObjectNode) r.get("context")).put("ressourceStructure", structure.equals("ANTENNE") ? "GENERAL" : "ANTENNE"));
        ObjectNode unrelated = records.example("AliceNormand", r -> ((ObjectNode) r.get("patient")).put("patientId", "fr.health.samu440.P99"));
        a = ingest("fr.health.test.smurtab_1", first);
        b = ingest("fr.health.test.smurtab_2", second);
        c = ingest("fr.health.test.smurtab_3", unrelated);
        assertEquals(3, oru.store().count(), "neither merged nor dropped");
        unitA = oru.store().record(a).orElseThrow().summary().key().smurUnit();
        unitB = oru.store().record(b).orElseThrow().summary().key().smurUnit();
        assertFalse(unitA.equals(unitB));
        month = oru.store().record(a).orElseThrow().summary().month();
        base = "http://127.0.0.1:" + oru.serve("127.0.0.1", 0) + "/";
        viewer = Browsers.browser();
        assertEquals(200, Browsers.login(viewer, base, "lecteur", "viewer password for the test").statusCode());
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("KINDS")
    void bothRecordsAreListedForReviewWithTheOtherUnitAsTheReason(String kind) throws Exception {
        start(kind);

        String page = Browsers.get(viewer, base, "month/" + month).body();
        String toReview = page.substring(page.indexOf("<h2>Dossiers à revoir</h2>"), page.indexOf("<h2>Export</h2>"));
        assertTrue(row(toReview, a).contains("même patient, autre unité SMUR : " + Html.esc(unitB)), "the first names the second's unit: " + toReview);
        assertTrue(row(toReview, b).contains("même patient, autre unité SMUR : " + Html.esc(unitA)), "the second names the first's: " + toReview);
        assertFalse(toReview.contains("href=\"/record/" + c + "\""), "the other patient's record has nothing to review: " + toReview);
        assertTrue(page.contains(" · 2 dossiers à revoir</p>"), "the month's count of records to review has both: " + page);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("KINDS")
    void eachRecordsPageLinksTheOther(String kind) throws Exception {
        start(kind);
        String pageA = Browsers.get(viewer, base, "record/" + a).body();
        String pageB = Browsers.get(viewer, base, "record/" + b).body();
        String pageC = Browsers.get(viewer, base, "record/" + c).body();
        assertTrue(pageA.contains("href=\"/record/" + b + "\""), "the first record's page links the second: " + pageA);
        assertTrue(pageB.contains("href=\"/record/" + a + "\""), "the second record's page links the first: " + pageB);
        assertFalse(pageC.contains("id=\"same-patient\""), "nothing on an unrelated record's page");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("KINDS")
    void theExportSaysHowManyOtherUnitsHoldTheSamePatient(String kind) throws Exception {
        start(kind);
        String csvHeader = Browsers.get(viewer, base, "export?from=2000-01-01&to=2100-01-01&format=csv").body().lines().findFirst().orElseThrow();
        assertTrue(List.of(csvHeader.split(",")).contains("other_units"), "an other_units column: " + csvHeader);
        List<String> jsonl = Browsers.get(viewer, base, "export?from=2000-01-01&to=2100-01-01&format=jsonl").body().lines().toList();
        assertEquals(3, jsonl.size(), "one row per record");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<com.fasterxml.jackson.databind.JsonNode> rows = new java.util.ArrayList<>();
        for (String line : jsonl) {
            rows.add(json.readTree(line));
        }
        // in decision order, then as stored: a, b, c
        assertEquals(List.of(unitA, unitB, unitA), rows.stream().map(r -> r.get("smur_unit").asText()).toList());
        assertEquals(List.of("1", "1", "0"), rows.stream().map(r -> r.path("other_units").asText("missing")).toList(),
                "one other unit for each of the two, none for the other patient");
    }

    /** The row of the records table that links record {@code id}. */
    private static String row(String table, long id) {
        int at = table.indexOf("href=\"/record/" + id + "\"");
        assertTrue(at >= 0, "record " + id + " is listed: " + table);
        return table.substring(table.lastIndexOf("<tr>", at), table.indexOf("</tr>", at));
    }
}
