package org.opensmur.core.mission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.List;
import org.opensmur.core.nomenclature.Csv;
import org.junit.jupiter.api.Test;
import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.geo.GeoResourceCapacity;
import org.opensmur.core.geo.GeoResourceMobility;

/** The SMUR vehicles' table says what the Hub's official typeVecteur list says of each, and nothing of the rest. */
class SmurVehiclesTest {

    /** The official list's SMUR vehicle types and whether each carries a patient (its description column). */
    private static Map<String, Boolean> official() throws Exception {
        Map<String, Boolean> carries = new TreeMap<>();
        String text = Files.readString(SharedCorpus.root().resolve("nomenclatures/HubSante.typeVecteur.csv"), StandardCharsets.UTF_8);
        List<List<String>> rows = Csv.rows(text);
        int codeAt = rows.get(0).indexOf("code");
        int saysAt = rows.get(0).indexOf("description");
        for (List<String> row : rows.subList(1, rows.size())) {
            String code = row.get(codeAt);
            String says = row.size() > saysAt ? row.get(saysAt).strip() : "";
            if (code.startsWith("SMUR.")) {
                assertTrue(says.equals("Transporte") || says.equals("Ne transporte pas"), code + ": the list says " + says);
                carries.put(code, says.equals("Transporte"));
            }
        }
        return carries;
    }

    @Test
    void everySmurVehicleOfTheOfficialListIsKnownAndCarriesAPatientExactlyWhenTheListSaysSo() throws Exception {
        Map<String, Boolean> official = official();
        assertTrue(official.size() >= 10, "the official list's SMUR branch: " + official.keySet());
        Map<String, Boolean> ours = new TreeMap<>();
        SmurVehicles.known().forEach(code -> ours.put(code, SmurVehicles.carriesAPatient(code).orElseThrow()));
        assertEquals(official, ours);
    }

    @Test
    void aVehicleSaysItsMobilityAndCapacityOnlyWhereTheModelHasAWordForIt() throws Exception {
        for (String code : official().keySet()) {
            Optional<GeoResourceMobility> moves = SmurVehicles.mobility(code);
            if (code.contains("HELI")) {
                assertEquals(Optional.of(GeoResourceMobility.HELICOPTERE), moves, code);
            } else if (code.contains("NAVI")) {
                assertEquals(Optional.of(GeoResourceMobility.SHIP), moves, code);
            } else if (code.startsWith("SMUR.AV")) {
                assertEquals(Optional.empty(), moves, code + ": an aeroplane, no GEO-RES word for it");
            } else {
                assertEquals(Optional.of(GeoResourceMobility.VEHICULE), moves, code);
            }
        }
        assertEquals(Optional.of(GeoResourceCapacity.MEDICALE), SmurVehicles.capacity("SMUR.AR", MedicalLevel.MED));
        assertEquals(Optional.of(GeoResourceCapacity.PARAMEDICALE), SmurVehicles.capacity("SMUR.AR-PED", MedicalLevel.PARAMED));
        assertEquals(Optional.empty(), SmurVehicles.capacity("SMUR.VLM", MedicalLevel.MED), "a VLM carries no patient");
        assertEquals(Optional.empty(), SmurVehicles.capacity("SMUR.AR", null), "the level not said: none guessed");
        assertEquals(Optional.empty(), SmurVehicles.capacity("SP.VSAV", MedicalLevel.MED), "not a SMUR vehicle known here");
        assertEquals(Optional.empty(), SmurVehicles.carriesAPatient(null));
    }
}
