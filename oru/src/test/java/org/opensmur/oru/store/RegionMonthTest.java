package org.opensmur.oru.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
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

/**
 * A decision belongs to the month of the region's clock (Europe/Paris by default), whatever offset its sender
 * wrote it with: in the month view and in that month's export alike.
 */
class RegionMonthTest {

    static final List<String> KINDS = TestDatabases.KINDS;

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

    private void receive(String patient, String decision) {
        ObjectNode rpis = records.example("AliceNormand", r -> {
            ((ObjectNode) r.get("context")).put("decisionDate", decision);
            ((ObjectNode) r.get("patient")).put("patientId", patient);
        });
        store.ingest(new Version(Records.TABLET + "_" + patient, Records.TABLET, Instant.parse("2026-02-01T08:00:00Z"), rpis),
                "digest-" + patient, Instant.parse("2026-02-01T08:00:01Z"));
    }

    private int exported(String from, String to) {
        return Export.write(store, store.startOf(LocalDate.parse(from)), store.startOf(LocalDate.parse(to)), Export.Format.JSONL, false,
                new StringWriter());
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("KINDS")
    void aDecisionAtHalfPastMidnightInParisIsInFebruaryOnTheDashboardAndInFebruarysExport(String kind) {
        database = TestDatabases.open(kind, dir);
        store = new OruStore(database, new Quality(Nomenclatures.none()));
        receive("P1", "2026-02-01T00:30:00+01:00");
        receive("P2", "2026-01-31T23:30:00+00:00"); // the same instant, written in UTC by its sender

        assertEquals(List.of(new Views.Month("2026-02", 2)), store.months(), "both in February, the region's month");
        assertEquals(2, store.records("2026-02", null, false, 10).size());
        assertEquals(2, exported("2026-02-01", "2026-03-01"), "February's export has them");
        assertEquals(0, exported("2026-01-01", "2026-02-01"), "January's has not");
    }
}
