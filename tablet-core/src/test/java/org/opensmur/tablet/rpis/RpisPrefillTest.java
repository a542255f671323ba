package org.opensmur.tablet.rpis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.mission.MedicalLevel;
import org.opensmur.core.mission.Sex;
import org.opensmur.core.rpis.Rpis;
import org.opensmur.core.rpis.RpisTeam;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.tablet.CaseView;

/** What the case, the taps and the bilan do not say stays empty and is named; nothing is made up for the ORU. */
class RpisPrefillTest {

    private static final RpisPrefill.Unit UNIT = new RpisPrefill.Unit("fr.health.samu440", "440000289", "440000271", "0");
    private static final OffsetDateTime T = OffsetDateTime.of(2026, 11, 30, 10, 0, 0, 0, ZoneOffset.ofHours(1));

    private static CaseView bareCase() {
        ObjectNode c = new HubCodec().mapper().createObjectNode();
        c.put("creation", T.minusMinutes(20).toString());
        c.putObject("location").putObject("city").put("name", "Bouaye").put("inseeCode", "44018");
        return new CaseView("fr.health.samu440.DRFR154402413800236", c, List.of(), true);
    }

    @Test
    void aCaseThatSaysLittleGivesARecordWithItsGapsNamedNotFilled() {
        Map<ResourceStatus, OffsetDateTime> times = new EnumMap<>(ResourceStatus.class);
        times.put(ResourceStatus.DEPART, T);
        Rpis draft = RpisPrefill.from(bareCase(), times, null, UNIT);
        assertNull(draft.regulation().whatsHappen(), "no default motive (it was C11.06.00 \"Malaise\")");
        assertNull(draft.regulation().healthMotive(), "no default medical motive (it was M01.00)");
        assertNull(draft.regulation().medicalLevel(), "no default level (it was MED)");
        assertNull(draft.patient().birthDate(), "no made-up birth date (it was 1900-01-01)");
        assertNull(draft.patient().sex());
        assertNull(draft.intervention().team(), "no team assumed (it was doctor, nurse and driver)");
        assertNull(draft.orientation().type(), "no outcome assumed (it was OK)");
        assertNull(draft.context().decisionDate(), "not the departure time: the case gives no decision time");
        assertEquals("fr.health.samu440.DRFR154402413800236.patient.1", draft.patient().patientId(), "an identifier of the SMUR's, matching PATID");
        assertEquals(List.of("context.decisionDate", "regulation.whatsHappen", "regulation.healthMotive", "regulation.medicalLevel",
                "patient.birthDate", "patient.sex", "intervention.team", "intervention.smurStatus.teamAvailable",
                "intervention.smurStatus.returnSmur", "intervention.mainDiagnosis", "orientation.type"), RpisPrefill.missing(draft));
    }

    @Test
    void theCrewsAnswersCompleteItAndWhatTheCaseSaidStays() {
        Map<ResourceStatus, OffsetDateTime> times = new EnumMap<>(ResourceStatus.class);
        times.put(ResourceStatus.DEPART, T);
        times.put(ResourceStatus.RETOUR, T.plusHours(1));
        Rpis draft = RpisPrefill.from(bareCase(), times, "T58", UNIT);
        Rpis record = RpisPrefill.complete(draft, new RpisPrefill.Answers(new org.opensmur.core.mission.WhatsHappen("C09.03.00", "Fuite de gaz"),
                new org.opensmur.core.mission.HealthMotive("M03.10", "Malaise avec perte de connaissance initiale"), MedicalLevel.MED,
                "2013-11-03", Sex.M, new RpisTeam(true, true, true), T.minusMinutes(3), null, null, "TEMP", "L01.01.01", new org.opensmur.core.rpis.RpisTimes(null, null, null, null, null, T.plusMinutes(75)),
                new org.opensmur.core.rpis.RpisDestination("FR", "ES", "142", "440000271")));
        assertEquals(List.of(), RpisPrefill.missing(record));
        assertEquals("44018", record.intervention().location().detailedAddress().inseeCode(), "the case's, kept");
        assertEquals("T58", record.intervention().mainDiagnosis(), "the bilan's, kept");
        assertEquals(T.minusMinutes(3), record.context().decisionDate());
        assertEquals("2013-11-03", record.patient().birthDate());
        assertEquals("L01.01.01", record.intervention().location().type(), "the kind of place, as the crew gives it");
        assertEquals(T.plusHours(1), record.intervention().smurStatus().teamAvailable(), "available again when RETOUR was tapped");
        assertEquals(T.plusMinutes(75), record.intervention().smurStatus().returnSmur(), "back at base: the crew's time, not RETOUR's");
        assertEquals("142", record.orientation().destination().healthcareType(), "where the patient was taken, as the crew says");
    }

    /** The crew's answers to everything required, with the place, home town and transport given. */
    private static RpisPrefill.Answers answers(String inseeCode, String placeCity, RpisPrefill.Town home, RpisPrefill.Transport transport) {
        return new RpisPrefill.Answers(new org.opensmur.core.mission.WhatsHappen("C09.03.00", "Fuite de gaz"),
                new org.opensmur.core.mission.HealthMotive("M03.10", "Malaise"), MedicalLevel.MED, "2013-11-03", Sex.M,
                new RpisTeam(true, true, false), T.minusMinutes(3), inseeCode, null, "TEMP", null,
                new org.opensmur.core.rpis.RpisTimes(null, null, null, null, null, T.plusMinutes(75)), null,
                placeCity, "440000289", "Urgences adultes", home, transport);
    }

    private static Rpis draft() {
        Map<ResourceStatus, OffsetDateTime> times = new EnumMap<>(ResourceStatus.class);
        times.put(ResourceStatus.DEPART, T);
        times.put(ResourceStatus.RETOUR, T.plusHours(1));
        return RpisPrefill.from(bareCase(), times, "T58", UNIT);
    }

    @Test
    void theHomeTownIsItsCodeAndItsNameTogetherOneWithoutTheOtherIsNamedMissing() {
        Rpis both = RpisPrefill.complete(draft(), answers(null, null, new RpisPrefill.Town("44184", "Saint-Nazaire"), null));
        assertEquals(List.of(), RpisPrefill.missing(both));
        assertEquals(new org.opensmur.core.rpis.InseeAddress("44184", "Saint-Nazaire"), both.patient().residentialAddress());
        Rpis neither = RpisPrefill.complete(draft(), answers(null, null, new RpisPrefill.Town(null, " "), null));
        assertEquals(List.of(), RpisPrefill.missing(neither), "where the patient lives is not required");
        assertNull(neither.patient().residentialAddress());
        assertEquals(List.of("patient.residentialAddress"),
                RpisPrefill.missing(RpisPrefill.complete(draft(), answers(null, null, new RpisPrefill.Town("44184", null), null))),
                "a code without its name");
        assertEquals(List.of("patient.residentialAddress"),
                RpisPrefill.missing(RpisPrefill.complete(draft(), answers(null, null, new RpisPrefill.Town("", "Saint-Nazaire"), null))),
                "a name without its code");
    }

    @Test
    void theTransportIsItsResourceItsVehicleAndItsLevelAllThreeOrNone() {
        Rpis all = RpisPrefill.complete(draft(), answers(null, null, null, new RpisPrefill.Transport("SMUR", "SMUR.VLM", MedicalLevel.MED)));
        assertEquals(List.of(), RpisPrefill.missing(all));
        assertEquals(new org.opensmur.core.rpis.RpisDecision("SMUR", "SMUR.VLM", MedicalLevel.MED), all.orientation().decision());
        Rpis none = RpisPrefill.complete(draft(), answers(null, null, null, new RpisPrefill.Transport(" ", null, null)));
        assertEquals(List.of(), RpisPrefill.missing(none), "not transported by a resource the crew names: nothing asked");
        assertNull(none.orientation().decision());
        for (RpisPrefill.Transport half : List.of(new RpisPrefill.Transport("SMUR", "SMUR.VLM", null),
                new RpisPrefill.Transport("SIS", null, null), new RpisPrefill.Transport(null, null, MedicalLevel.PARAMED))) {
            assertEquals(List.of("orientation.decision"), RpisPrefill.missing(RpisPrefill.complete(draft(), answers(null, null, null, half))),
                    half + ": said half, named, never sent with a gap");
        }
        // both halves at once: named in the order the screen lists them
        assertEquals(List.of("orientation.decision", "patient.residentialAddress"), RpisPrefill.missing(RpisPrefill.complete(draft(),
                answers(null, null, new RpisPrefill.Town("44184", null), new RpisPrefill.Transport("SIS", null, null)))));
    }

    @Test
    void thePlacesTownNameGoesWithItsCodeNeverTheCasesNameOnAnotherTown() {
        Rpis kept = RpisPrefill.complete(draft(), answers(null, null, null, null));
        assertEquals(new org.opensmur.core.rpis.InseeAddress("44018", "Bouaye"), kept.intervention().location().detailedAddress(),
                "nothing said of the place: the case's town, its name with it");
        assertEquals("440000289", kept.intervention().location().finessGeo(), "the facility, as the crew gives it");
        assertEquals("Urgences adultes", kept.intervention().location().service());
        Rpis other = RpisPrefill.complete(draft(), answers("44109", null, null, null));
        assertEquals("44109", other.intervention().location().detailedAddress().inseeCode());
        assertNull(other.intervention().location().detailedAddress().city(), "not Bouaye's name on Nantes' code");
        assertEquals(List.of("intervention.location.detailedAddress.city"), RpisPrefill.missing(other));
        Rpis named = RpisPrefill.complete(draft(), answers("44109", "Nantes", null, null));
        assertEquals(new org.opensmur.core.rpis.InseeAddress("44109", "Nantes"), named.intervention().location().detailedAddress());
        assertEquals(List.of("intervention.location.detailedAddress.city"),
                RpisPrefill.missing(RpisPrefill.complete(draft(), answers("44018", null, null, null))),
                "the case's code with its name erased: the name is asked, not brought back");
        assertEquals(new org.opensmur.core.rpis.InseeAddress("44018", "Bouaye-Centre"), RpisPrefill.complete(draft(),
                answers(null, "Bouaye-Centre", null, null)).intervention().location().detailedAddress(), "a name stated for the case's code");
    }
}
