package org.opensmur.core.shift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensmur.core.mission.MedicalLevel;
import org.opensmur.core.mission.OperatorRole;

class ShiftSetupTest {

    @Test
    void theCrewReadsAsTheEngagementReplyWantsItAndSurvivesTheStore() {
        ShiftSetup shift = new ShiftSetup("VLM2", "Equipe SMUR 2", MedicalLevel.MED, List.of(
                new ShiftSetup.CrewMember("Eric AZERTY", OperatorRole.MEDECIN),
                new ShiftSetup.CrewMember("Marie-Jo ANELI", OperatorRole.INFIRMIER),
                new ShiftSetup.CrewMember("Pierre LOUITUT", OperatorRole.AMBULANCIER)), "0762865426", "440000271", "440000289", "0");
        assertEquals("Eric AZERTY, Marie-Jo ANELI, Pierre LOUITUT", shift.crewLine());
        assertEquals("Eric AZERTY", shift.first(OperatorRole.MEDECIN).orElseThrow().name());
        assertTrue(shift.has(OperatorRole.INFIRMIER));
        assertEquals(shift, ShiftSetup.fromMap(shift.toMap()), "what the store keeps reads back the same");
    }

    @Test
    void theVehicleTypeAndTheRpisCopyToTheSamuSurviveTheStore() {
        ShiftSetup shift = new ShiftSetup("AR 1", null, null, List.of(), null, null, null, null, "SMUR.AR-PED", true);
        ShiftSetup read = ShiftSetup.fromMap(shift.toMap());
        assertEquals("SMUR.AR-PED", read.vehicleType());
        assertTrue(read.rpisToLrm(), "switched on in the shift set-up, on the device");
        assertEquals(false, ShiftSetup.fromMap(Map.of("vehicleName", "AR 1")).rpisToLrm(), "off unless the shift says so");
    }

    @Test
    void nothingEnteredIsNothingKnown() {
        ShiftSetup empty = ShiftSetup.fromMap(Map.of());
        assertEquals("", empty.crewLine());
        assertNull(empty.has(OperatorRole.MEDECIN), "no crew entered: whether a physician is on board is not known, not false");
        assertNull(empty.medicalLevel());
        assertEquals(Map.of(), empty.toMap());
    }
}
