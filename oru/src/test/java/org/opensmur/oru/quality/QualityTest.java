package org.opensmur.oru.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.oru.Records;

/** The completeness and quality rules, on official examples changed the way real records go wrong. */
class QualityTest {

    private static final String TIMES = "/intervention/smurStatus/";
    private final Records records = new Records(ModelLine.CURRENT);

    private static Nomenclatures official() {
        return Nomenclatures.in(SharedCorpus.root().resolve("nomenclatures"));
    }

    @Test
    void aMissingTimeLowersCompletenessByOneExpectedFieldAndIsNamed() {
        Quality quality = new Quality(Nomenclatures.none());
        ObjectNode whole = records.example("AliceNormand");
        ObjectNode lacking = records.example("AliceNormand", r -> ((ObjectNode) r.at("/intervention/smurStatus")).remove("arrivedSmur"));
        Quality.Assessment before = quality.assess(whole);
        Quality.Assessment after = quality.assess(lacking);
        assertEquals(List.of(TIMES + "arrivedSmur"), after.missing().stream().filter(p -> !before.missing().contains(p)).toList());
        int expected = Quality.EXPECTED.size() + Quality.EXPECTED_WHEN_TRANSPORTED.size();
        assertEquals(before.completeness() - 1.0 / expected, after.completeness(), 1e-9);
        assertNull(after.delayOnScene(), "no delay on scene without the arrival");
    }

    @Test
    void departureAfterArrivalIsDoubtfulAndNamesBothFields() {
        ObjectNode record = records.example("AliceNormand");
        Records.shift(record, TIMES + "departSmur", 60 * 3); // three hours late: after the arrival on scene
        Quality.Assessment a = new Quality(Nomenclatures.none()).assess(record);
        assertTrue(a.doubtful().contains(TIMES + "arrivedSmur: before " + TIMES + "departSmur"), a.doubtful().toString());
        assertNull(a.delayOnScene(), "a negative delay is not a delay");
        assertTrue(new Quality(Nomenclatures.none()).assess(records.example("AliceNormand")).doubtful().isEmpty(),
                "the official example itself is in order");
    }

    @Test
    void delaysAreTheDifferencesOfTheRecordsTimes() {
        ObjectNode record = records.example("AliceNormand");
        Records.shift(record, TIMES + "arrivedSmur", 5);
        Quality.Assessment shifted = new Quality(Nomenclatures.none()).assess(record);
        Quality.Assessment original = new Quality(Nomenclatures.none()).assess(records.example("AliceNormand"));
        assertEquals(original.delayOnScene() + 300, shifted.delayOnScene());
        assertEquals(original.delayAvailable() - 300, shifted.delayAvailable());
        assertEquals(original.delayDeparture(), shifted.delayDeparture());
    }

    @Test
    void aCodeOutsideItsNomenclatureIsDoubtfulOnlyWhenTheListsAreRead() {
        Nomenclatures lists = official();
        Set<String> facts = lists.codes("fait").orElseThrow();
        ObjectNode record = records.example("AliceNormand");
        String code = record.at("/regulation/whatsHappen/code").asText();
        assertTrue(facts.contains(code), "the example's code is in the official list");
        String unknown = "C99.99.99";
        assertFalse(facts.contains(unknown));
        ((ObjectNode) record.at("/regulation/whatsHappen")).put("code", unknown);
        assertTrue(new Quality(lists).assess(record).doubtful().contains("/regulation/whatsHappen/code: not in the nomenclature fait"));
        assertTrue(new Quality(Nomenclatures.none()).assess(record).doubtful().isEmpty(), "not checked without the lists");
    }

    @Test
    void theNomenclatureReaderTakesQuotedCellsWithCommasAndLineBreaks() {
        List<List<String>> rows = org.opensmur.core.nomenclature.Csv.rows(",code,label\n0,A1,\"one, \"\"two\"\"\nthree\"\r\n1,B2,x\n");
        assertEquals(List.of("", "code", "label"), rows.get(0));
        assertEquals(List.of("0", "A1", "one, \"two\"\nthree"), rows.get(1));
        assertEquals(List.of("1", "B2", "x"), rows.get(2));
        Path folder = SharedCorpus.root().resolve("nomenclatures");
        assertTrue(Nomenclatures.in(folder).codes("sexe").orElseThrow().containsAll(Set.of("M", "F")));
    }
}
