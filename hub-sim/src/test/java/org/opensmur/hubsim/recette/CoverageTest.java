package org.opensmur.hubsim.recette;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.hub.validation.ModelLine;

/**
 * Every property of the official schema of each type the tablet sends, on both lines, is either produced (and
 * the table says from where) or listed with the reason it is not; and the table names nothing the schemas lack.
 */
class CoverageTest {

    @Test
    void everyPropertyOfEverySentTypeIsProducedOrListedWithItsReasonOnBothLines() {
        for (ModelLine line : ModelLine.all()) {
            for (Coverage.TypeCoverage type : Coverage.of(SharedCorpus.root(line).resolve("schemas"), line.name())) {
                assertEquals(List.of(), type.undeclared(), type.type() + " on model " + line.name() + ": neither produced nor listed");
                assertTrue(type.properties().size() > 0, type.type() + " has properties");
            }
        }
    }

    @Test
    void theTableNamesOnlyPropertiesTheOfficialSchemasHave() {
        assertEquals(List.of(), Coverage.stale(ModelLine.all().stream().map(l -> SharedCorpus.root(l).resolve("schemas")).toList()));
    }

    @Test
    void theWalkFindsNestedItemsAndTheTypesThatDifferBetweenLines() {
        var current = Coverage.properties(SharedCorpus.root(ModelLine.CURRENT).resolve("schemas"), "RS-RI");
        var v2 = Coverage.properties(SharedCorpus.root(ModelLine.V2).resolve("schemas"), "RS-RI");
        assertTrue(current.contains("resource[].state[].status"), "an array of objects inside an array");
        assertTrue(current.contains("resource[].patientId") && !v2.contains("resource[].patientId"), "model 3 added the patient");
        assertTrue(Coverage.properties(SharedCorpus.root(ModelLine.V2).resolve("schemas"), "GEO-POS").contains("position[].coord[].lat"),
                "model 2.0's coordinates are a list");
    }
}
