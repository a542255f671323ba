package org.opensmur.app.rpis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.app.settings.TabletSettings;
import org.opensmur.app.ui.Labels;
import org.opensmur.app.testing.Tablets;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.tablet.CaseView;
import org.opensmur.core.tablet.OutboxEntry;
import org.opensmur.core.testing.MutableClock;
import org.opensmur.tablet.TabletCore;

/** The RPIS goes to the ORU, and to the LRM as a separate message when the region asks for it. */
class RpisViewModelTest {

    @TempDir
    Path dir;

    @Test
    void aCopyGoesToTheLrmOnlyWhenConfigured() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00+01:00"));
        TabletSettings usual = Tablets.settings(dir.resolve("usual"));
        TabletSettings other = Tablets.settings(dir.resolve("with-lrm"));
        TabletSettings withLrm = new TabletSettings(other.hub(), other.storeFolder(), other.storeKeys(), other.resourceId(),
                other.vehicleType(), other.vehicleName(), other.crewName(), other.unit(), null, true);
        var c = new HubCodec().mapper().createObjectNode();
        c.put("creation", "2026-11-23T09:50:00+01:00"); // an RS-EDA always has it
        c.putObject("location").putObject("city").put("inseeCode", "44109").put("name", "Nantes");
        CaseView view = new CaseView(Tablets.CASE, c, List.of(), true);
        Map<ResourceStatus, OffsetDateTime> times = new EnumMap<>(ResourceStatus.class);
        OffsetDateTime t = OffsetDateTime.of(2026, 11, 23, 10, 0, 0, 0, ZoneOffset.ofHours(1)); // the tablet's time (Paris)
        times.put(ResourceStatus.DEPART, t);
        times.put(ResourceStatus.RETOUR, t.plusHours(1));
        for (TabletSettings settings : List.of(usual, withLrm)) {
            TabletCore core = Tablets.core(settings, clock);
            try {
                RpisViewModel model = new RpisViewModel(core, org.opensmur.app.ui.Background.direct(), settings, Labels.french());
                model.prefill(view, times, "I21");
                // The case says little: what it lacks is named and nothing leaves until the crew states it.
                assertEquals("Manque : heure de la décision, motif de recours, motif médical, niveau de médicalisation, "
                        + "date de naissance, sexe, composition de l'équipe, heure de retour au SMUR, devenir du patient", model.missingProperty().get());
                org.junit.jupiter.api.Assertions.assertFalse(model.send());
                assertTrue(core.store().outbox().list(null, 100).isEmpty(), "nothing invented, nothing sent");
                model.field("whatsHappenCode").set("C09.03.00");
                model.field("whatsHappenLabel").set("Fuite de gaz");
                model.field("healthMotiveCode").set("M03.10");
                model.field("healthMotiveLabel").set("Malaise avec perte de connaissance initiale");
                model.field("medicalLevel").set("MED");
                model.field("birthDate").set("2013-11-03");
                model.field("sex").set("M");
                model.field("teamDoctor").set("true");
                model.field("teamNurse").set("true");
                model.field("teamDriver").set("false");
                model.field("decisionTime").set("09:57");
                model.field("orientationType").set("TEMP");
                model.field("returnSmur").set("11:20");
                assertEquals("", model.missingProperty().get());
                assertTrue(model.send(), model.messageProperty().get());
                List<String> recipients = core.store().outbox().list(null, 100).stream().map(OutboxEntry::recipient).sorted().toList();
                var sent = (org.opensmur.core.rpis.Rpis) new HubCodec().decode(core.store().outbox().body(
                        core.store().outbox().list(null, 100).get(0).distributionId())).envelope().payload();
                assertEquals(t.withHour(9).withMinute(57), sent.context().decisionDate(), "the time typed, on the day of the departure");
                assertEquals(Boolean.FALSE, sent.intervention().team().driver());
                assertEquals(t.withHour(11).withMinute(20), sent.intervention().smurStatus().returnSmur(), "back at base: typed, not made up");
                assertEquals(t.plusHours(1), sent.intervention().smurStatus().teamAvailable(), "the RETOUR tap, to the second");
                assertEquals(settings.rpisToLrm() ? List.of("fr.health.ors.pdl", Tablets.LRM) : List.of("fr.health.ors.pdl"), recipients);
            } finally {
                core.close();
            }
        }
    }

    /**
     * A night mission: decided at 23:05, departed at 23:10 (tapped), back at the SMUR at 01:30 (typed, the next day),
     * its departure corrected to 23:08; each time typed lands on the day it was lived.
     */
    @Test
    void aMissionOverMidnightHasItsTypedTimesOnTheDaysTheyWereLived() {
        OffsetDateTime depart = OffsetDateTime.parse("2026-12-06T23:10:00+01:00");
        var sent = sent("night", null, null, depart, "decisionTime", "23:05", "departSmur", "23:08", "returnSmur", "01:30");
        assertEquals(List.of(OffsetDateTime.parse("2026-12-06T23:05:00+01:00"), OffsetDateTime.parse("2026-12-06T23:08:00+01:00"),
                OffsetDateTime.parse("2026-12-07T01:30:00+01:00")), List.of(sent.context().decisionDate(),
                sent.intervention().smurStatus().departSmur(), sent.intervention().smurStatus().returnSmur()));
    }

    /**
     * A long day. Decided at 10:00:40, left at 22:30: the decision left as shown is the case's own, to the second, not
     * moved to the day after the departure. Left at 10:05, back at base at 23:50 (typed, thirteen hours later): that
     * evening, not the evening before.
     */
    @Test
    void aLongDaysDecisionStaysTheCasesAndItsReturnIsThatEvening() {
        String decided = "2026-12-06T10:00:40+01:00";
        var late = sent("late", decided, "10:00", OffsetDateTime.parse("2026-12-06T22:30:00+01:00"), "returnSmur", "23:55");
        assertEquals(OffsetDateTime.parse(decided), late.context().decisionDate());
        var early = sent("early", decided, "10:00", OffsetDateTime.parse("2026-12-06T10:05:00+01:00"), "returnSmur", "23:50");
        assertEquals(OffsetDateTime.parse("2026-12-06T23:50:00+01:00"), early.intervention().smurStatus().returnSmur());
        var corrected = sent("corrected", decided, "10:00", OffsetDateTime.parse("2026-12-06T22:30:00+01:00"), "decisionTime", "10:01",
                "returnSmur", "23:55");
        assertEquals(OffsetDateTime.parse("2026-12-06T10:01:00+01:00"), corrected.context().decisionDate(), "typed: before the departure");
    }

    /**
     * A night the clocks go forward (Paris, 28 March 2027, 02:00 CET is 03:00 CEST). The SAMU dated its decision at
     * +00:00: the crew sees it on the tablet's clock. Left at 01:50, back at base typed "03:30": forty minutes later, at
     * the hour the tablet showed, not an hour further at the departure's winter offset.
     */
    @Test
    void theSpringNightsTimesAreThoseOfTheTabletsClock() {
        var sent = sent("spring", "2027-03-28T00:40:00+00:00", "01:40", OffsetDateTime.parse("2027-03-28T01:50:00+01:00"),
                "returnSmur", "03:30", "decisionTime", "01:45");
        assertEquals(java.time.Duration.ofMinutes(40), java.time.Duration.between(sent.intervention().smurStatus().departSmur(),
                sent.intervention().smurStatus().returnSmur()));
        assertEquals(java.time.ZoneOffset.ofHours(2), sent.intervention().smurStatus().returnSmur().getOffset());
        assertEquals(java.time.Duration.ofMinutes(5), java.time.Duration.between(sent.context().decisionDate(),
                sent.intervention().smurStatus().departSmur()), "typed 01:45 on the tablet, five minutes before leaving");
    }

    /**
     * The RPIS sent for a case (decided at {@code decided}, shown on the tablet as {@code shown}; null: the case says
     * nothing), the SMUR tapped
     * its departure at {@code depart} and was available 20 minutes later; the crew answered what the record needs, and
     * {@code typed} (field, value, ...).
     */
    private org.opensmur.core.rpis.Rpis sent(String name, String decided, String shown, OffsetDateTime depart, String... typed) {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-07T01:58:00Z"));
        TabletSettings settings = Tablets.settings(dir.resolve(name));
        var c = new HubCodec().mapper().createObjectNode();
        c.put("creation", "2026-12-06T09:58:00+01:00");
        c.putObject("location").putObject("city").put("inseeCode", "44109").put("name", "Nantes");
        if (decided != null) {
            c.putArray("decision").addObject().put("creation", decided).put("decisionType", "INTER");
        }
        CaseView view = new CaseView(Tablets.CASE, c, List.of(), true);
        Map<ResourceStatus, OffsetDateTime> times = new EnumMap<>(ResourceStatus.class);
        times.put(ResourceStatus.DEPART, depart);
        times.put(ResourceStatus.RETOUR, depart.plusMinutes(20));
        TabletCore core = Tablets.core(settings, clock);
        try {
            RpisViewModel model = new RpisViewModel(core, org.opensmur.app.ui.Background.direct(), settings, Labels.french());
            model.prefill(view, times, "I21");
            if (decided != null) {
                assertEquals(shown, model.field("decisionTime").get(), "the case's decision, shown");
            }
            List<String> answers = new java.util.ArrayList<>(List.of("whatsHappenCode", "C09.03.00", "whatsHappenLabel", "Fuite de gaz",
                    "healthMotiveCode", "M03.10", "healthMotiveLabel", "Malaise", "medicalLevel", "MED", "birthDate", "2013-11-03",
                    "sex", "M", "teamDoctor", "true", "teamNurse", "true", "teamDriver", "false", "orientationType", "TEMP"));
            answers.addAll(List.of(typed));
            for (int i = 0; i < answers.size(); i += 2) {
                model.field(answers.get(i)).set(answers.get(i + 1));
            }
            assertTrue(model.send(), model.messageProperty().get());
            return (org.opensmur.core.rpis.Rpis) new HubCodec().decode(core.store().outbox().body(
                    core.store().outbox().list(null, 100).get(0).distributionId())).envelope().payload();
        } finally {
            core.close();
        }
    }

    @Test
    void theShiftSetUpSwitchesTheCopyToTheSamuOnADevice() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00+01:00"));
        TabletSettings settings = Tablets.settings(dir.resolve("device")); // no RPIS_TO_LRM: a device has no environment
        var c = new HubCodec().mapper().createObjectNode();
        c.put("creation", "2026-11-23T09:50:00+01:00");
        c.putObject("location").putObject("city").put("inseeCode", "44109").put("name", "Nantes");
        CaseView view = new CaseView(Tablets.CASE, c, List.of(), true);
        OffsetDateTime t = OffsetDateTime.of(2026, 11, 23, 10, 0, 0, 0, ZoneOffset.ofHours(1)); // the tablet's time (Paris)
        Map<ResourceStatus, OffsetDateTime> times = new EnumMap<>(ResourceStatus.class);
        times.put(ResourceStatus.DEPART, t);
        times.put(ResourceStatus.RETOUR, t.plusHours(1));
        TabletCore core = Tablets.core(settings, clock);
        try {
            RpisViewModel model = new RpisViewModel(core, org.opensmur.app.ui.Background.direct(), settings, Labels.french());
            model.shiftFrom(() -> new org.opensmur.core.shift.ShiftSetup("VLM 1", null, org.opensmur.core.mission.MedicalLevel.MED,
                    List.of(), null, null, null, null, "SMUR.VLM", true));
            model.prefill(view, times, "I21");
            for (String[] answer : new String[][] {{"whatsHappenCode", "C09.03.00"}, {"whatsHappenLabel", "Fuite de gaz"},
                    {"healthMotiveCode", "M03.10"}, {"healthMotiveLabel", "Malaise"}, {"birthDate", "2013-11-03"}, {"sex", "M"},
                    {"teamDoctor", "true"}, {"teamNurse", "true"}, {"teamDriver", "false"}, {"decisionTime", "09:57"},
                    {"orientationType", "TEMP"}, {"returnSmur", "11:20"}}) {
                model.field(answer[0]).set(answer[1]);
            }
            assertTrue(model.send(), model.messageProperty().get());
            assertEquals(List.of("fr.health.ors.pdl", Tablets.LRM),
                    core.store().outbox().list(null, 100).stream().map(OutboxEntry::recipient).sorted().toList(),
                    "the ORU's, and the SAMU's copy the shift set-up asks for");
        } finally {
            core.close();
        }
    }

    /**
     * What a crew knows beyond the required: the patient's home town (its name from the installed list), the
     * facility the intervention took place in, the acts of the bilan, and the transport (the SMUR's own when it
     * transported: its vehicle and care level from the shift); a transport half said is named, never sent.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("org.opensmur.core.hub.validation.ModelLine#all")
    void theHomeTownTheFacilityTheActsAndTheTransportReachTheRecordTheOfficialSchemaTakes(org.opensmur.core.hub.validation.ModelLine line)
            throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00+01:00"));
        TabletSettings settings = Tablets.settingsOn(line, dir.resolve("more-" + line.name()));
        java.nio.file.Path communes = dir.resolve("commune-" + line.name() + ".csv");
        java.nio.file.Files.writeString(communes, ",code,label_n1\n0,44109,Nantes\n1,44184,Saint-Nazaire\n");
        var lists = new org.opensmur.core.nomenclature.NomenclatureFolder(settings.nomenclatureFolder());
        assertTrue(lists.install(org.opensmur.core.nomenclature.NomenclatureList.COMMUNE, communes, "test")
                instanceof org.opensmur.core.nomenclature.NomenclatureFolder.Outcome.Installed);
        var c = new HubCodec().mapper().createObjectNode();
        c.put("creation", "2026-11-23T09:50:00+01:00");
        c.putObject("location").putObject("city").put("inseeCode", "44109").put("name", "Nantes");
        CaseView view = new CaseView(Tablets.CASE, c, List.of(), true);
        OffsetDateTime t = OffsetDateTime.of(2026, 11, 23, 10, 0, 0, 0, ZoneOffset.ofHours(1)); // the tablet's time (Paris)
        Map<ResourceStatus, OffsetDateTime> times = new EnumMap<>(ResourceStatus.class);
        times.put(ResourceStatus.DEPART, t);
        times.put(ResourceStatus.TRANSP, t.plusMinutes(30));
        times.put(ResourceStatus.RETOUR, t.plusHours(1));
        TabletCore core = Tablets.core(settings, clock);
        try {
            RpisViewModel model = new RpisViewModel(core, org.opensmur.app.ui.Background.direct(), settings, Labels.french());
            // a VLM carries no patient (the Hub's vehicle list): its crew rode in another vehicle, which the crew names
            model.shiftFrom(() -> new org.opensmur.core.shift.ShiftSetup("VLM 1", null, org.opensmur.core.mission.MedicalLevel.MED,
                    List.of(), null, null, null, null, "SMUR.VLM", false));
            model.prefill(view, times, new RpisViewModel.FromBilan("I46", "1961-05-02", "M", List.of(), List.of("Massage cardiaque externe", "Intubation")));
            assertEquals("", model.field("transportVehicleType").get(), "not the VLM: it carried no one");
            assertEquals("", model.field("transportResourceType").get());
            model.shiftFrom(() -> new org.opensmur.core.shift.ShiftSetup("AR 1", null, org.opensmur.core.mission.MedicalLevel.MED,
                    List.of(), null, null, null, null, "SMUR.AR", false));
            model.prefill(view, times, new RpisViewModel.FromBilan("I46", "1961-05-02", "M", List.of(), List.of("Massage cardiaque externe", "Intubation")));
            for (String[] answer : new String[][] {{"whatsHappenCode", "C09.03.00"}, {"whatsHappenLabel", "Fuite de gaz"},
                    {"healthMotiveCode", "M03.10"}, {"healthMotiveLabel", "Malaise"},
                    {"teamDoctor", "true"}, {"teamNurse", "true"}, {"teamDriver", "false"}, {"decisionTime", "09:57"},
                    {"orientationType", "TEMP"}, {"returnSmur", "11:20"}, {"residenceInsee", "44184"},
                    {"locationFiness", "440000289"}, {"locationService", "Urgences adultes"}}) {
                model.field(answer[0]).set(answer[1]);
            }
            assertEquals("SMUR", model.field("transportResourceType").get(), "transported by the SMUR: its own");
            assertEquals("SMUR.AR", model.field("transportVehicleType").get(), "the ambulance the shift rides");
            assertEquals("MED", model.field("transportMedicalLevel").get());
            model.field("residenceInsee").set("44000"); // a town the list does not name: its name is asked
            assertTrue(model.missingProperty().get().contains("commune de résidence"), model.missingProperty().get());
            model.field("residenceInsee").set("44184");
            model.field("transportMedicalLevel").set("");
            assertTrue(model.missingProperty().get().contains("transport du patient"), model.missingProperty().get());
            assertFalse(model.readyProperty().get(), "a transport half said is not sent");
            // cleared by the crew (not transported by the SMUR): the screen shown again does not bring it back
            for (String k : new String[] {"transportResourceType", "transportVehicleType", "transportMedicalLevel"}) {
                model.field(k).set("");
            }
            model.prefill(view, times, new RpisViewModel.FromBilan("I46", "1961-05-02", "M", List.of(), List.of("Massage cardiaque externe", "Intubation")));
            assertEquals("", model.field("transportResourceType").get(), "a transport the crew cleared stays cleared");
            // the place's town: another code typed with no list names the town's name missing, never keeps the case's
            model.field("insee").set("44000");
            assertEquals("Nantes", model.field("inseeCity").get(), "set by hand: the name stays until the crew changes it");
            model.field("inseeCity").set("");
            assertTrue(model.missingProperty().get().contains("commune du lieu"), model.missingProperty().get());
            model.field("insee").set("44109");
            model.field("inseeCity").set("Nantes");
            model.field("transportMedicalLevel").set("PARAMED");
            model.field("transportResourceType").set("SIS");
            model.field("transportVehicleType").set("SIS.VSAV");
            model.field("transportMedicalLevel").set("SECOURS");
            assertEquals("", model.missingProperty().get());
            assertTrue(model.send(), model.messageProperty().get());

            var queued = core.store().outbox().list(null, 10);
            var sent = new com.fasterxml.jackson.databind.ObjectMapper().readTree(core.store().outbox().body(queued.get(0).distributionId()));
            assertEquals(List.of(), org.opensmur.hubsim.dispatch.OfficialSchemas.load(
                    org.opensmur.core.conformance.SharedCorpus.root(line).resolve("schemas")).errors(sent), "the official schema of " + line);
            var rpis = sent.findValue("rpis");
            assertEquals("44184", rpis.path("patient").path("residentialAddress").path("inseeCode").asText());
            assertEquals("Saint-Nazaire", rpis.path("patient").path("residentialAddress").path("city").asText(), "the town's name from the list");
            assertEquals("440000289", rpis.path("intervention").path("location").path("finessGeo").asText());
            assertEquals("Urgences adultes", rpis.path("intervention").path("location").path("service").asText());
            assertEquals(List.of("Massage cardiaque externe", "Intubation"),
                    java.util.stream.StreamSupport.stream(rpis.path("intervention").path("procedure").spliterator(), false).map(n -> n.asText()).toList());
            assertEquals("SIS.VSAV", rpis.path("orientation").path("decision").path("vehicleType").asText(), "as the crew corrected it");
            assertEquals("SECOURS", rpis.path("orientation").path("decision").path("medicalLevel").asText());
        } finally {
            core.close();
        }
    }

    /**
     * The shift set-up changes during the mission (the physician leaves, a paramedic team goes on): the record's care
     * level and team follow it where the crew left them alone; what the crew answered on the record stays theirs.
     * Once the crew said the mission ended, the next shift's team is not this mission's: the record keeps its own.
     */
    @Test
    void aShiftChangedDuringTheMissionIsFollowedWhereTheCrewLeftTheRecordAloneNotOneChangedAfterIt() {
        CaseView view = new CaseView(Tablets.CASE, createdAt("2026-11-23T09:50:00+01:00"), List.of(), true);
        Map<ResourceStatus, OffsetDateTime> times = departedAt("2026-11-23T10:00:00+01:00");
        var alice = victim(1, "NORMAND", "F");
        RpisViewModel model = model("shift-changed", "2026-11-23T10:30:00+01:00");
        var doctor = new org.opensmur.core.shift.ShiftSetup.CrewMember("Dr A", org.opensmur.core.mission.OperatorRole.MEDECIN);
        var nurse = new org.opensmur.core.shift.ShiftSetup.CrewMember("B", org.opensmur.core.mission.OperatorRole.INFIRMIER);
        var driver = new org.opensmur.core.shift.ShiftSetup.CrewMember("C", org.opensmur.core.mission.OperatorRole.AMBULANCIER);
        var shift = new java.util.concurrent.atomic.AtomicReference<>(new org.opensmur.core.shift.ShiftSetup("VLM 1", null,
                org.opensmur.core.mission.MedicalLevel.MED, List.of(doctor, nurse, driver), null, null, null, null, "SMUR.VLM", false));
        model.shiftFrom(shift::get);
        model.choose(alice);
        model.prefill(view, times, new RpisViewModel.FromBilan("I21", null, null), alice);
        List<String> team = List.of("medicalLevel", "teamDoctor", "teamNurse", "teamDriver");
        assertEquals(List.of("MED", "true", "true", "true"), team.stream().map(k -> model.field(k).get()).toList());
        model.field("teamDriver").set("false"); // the crew's answer: the driver stayed with the vehicle

        shift.set(new org.opensmur.core.shift.ShiftSetup("VLM 1", null, org.opensmur.core.mission.MedicalLevel.PARAMED,
                List.of(nurse, driver), null, null, null, null, "SMUR.VLM", false));
        model.prefill(view, times, new RpisViewModel.FromBilan("I21", null, null), alice);
        assertEquals(List.of("PARAMED", "false", "true", "false"), team.stream().map(k -> model.field(k).get()).toList(),
                "the shift as it is now, and the crew's own answer");

        shift.set(new org.opensmur.core.shift.ShiftSetup("VLM 1", null, null, List.of(), null, null, null, null, "SMUR.VLM", false));
        model.prefill(view, times, new RpisViewModel.FromBilan("I21", null, null), alice);
        assertEquals(List.of("", "", "", "false"), team.stream().map(k -> model.field(k).get()).toList(),
                "a shift that no longer says who was on board: asked, not kept from the old one");
        assertTrue(model.missingProperty().get().contains("niveau de médicalisation"), model.missingProperty().get());

        shift.set(new org.opensmur.core.shift.ShiftSetup("VLM 1", null, org.opensmur.core.mission.MedicalLevel.MED,
                List.of(doctor, driver), null, null, null, null, "SMUR.VLM", false));
        model.prefill(view, times, new RpisViewModel.FromBilan("I21", null, null), alice);
        times.put(ResourceStatus.RETOUR, OffsetDateTime.parse("2026-11-23T11:10:00+01:00")); // the mission is over
        shift.set(new org.opensmur.core.shift.ShiftSetup("VLM 1", null, org.opensmur.core.mission.MedicalLevel.PARAMED,
                List.of(nurse), null, null, null, null, "SMUR.VLM", false)); // the night shift takes the tablet
        model.prefill(view, times, new RpisViewModel.FromBilan("I21", null, null), alice);
        assertEquals(List.of("MED", "true", "false", "false"), team.stream().map(k -> model.field(k).get()).toList(),
                "the mission's team, not the next shift's");
    }

    @Test
    void aPrefillAskedForAPatientNoLongerOnScreenIsNotTakenAsTheNextPatients() {
        CaseView view = new CaseView(Tablets.CASE, createdAt("2026-11-23T09:50:00+01:00"), List.of(), true);
        Map<ResourceStatus, OffsetDateTime> times = departedAt("2026-11-23T10:00:00+01:00");
        var first = victim(1, "A", null);
        var second = victim(2, "B", null);
        RpisViewModel model = model("two-victims", "2026-11-23T10:00:00+01:00");
        model.choose(first);
        model.prefill(view, times, new RpisViewModel.FromBilan("I21", null, null), first);
        assertEquals("I21", model.field("diagnosis").get());
        assertTrue(model.prefilledProperty().get());
        model.choose(second);
        assertFalse(model.prefilledProperty().get(), "the second victim's record is not prefilled yet");
        // the first victim's prefill, asked before the switch, arrives after it: not this record's
        model.prefill(view, times, new RpisViewModel.FromBilan("I21", null, null), first);
        assertEquals("", model.field("diagnosis").get(), "the first victim's diagnosis is not the second's");
        assertFalse(model.prefilledProperty().get());
        model.prefill(view, times, new RpisViewModel.FromBilan("T58", null, null), second);
        assertEquals("T58", model.field("diagnosis").get());
        assertTrue(model.prefilledProperty().get());
        model.prefillAsked(); // the RPIS shown again: another prefill on its way
        assertFalse(model.prefilledProperty().get(), "not until it lands");
        model.prefill(view, times, new RpisViewModel.FromBilan("T58", null, null), second);
        assertTrue(model.prefilledProperty().get());
    }

    /**
     * A prefill that cannot be made (the case unreadable from the store, or the mission closed meanwhile) is said where
     * the crew waits for it, not "being updated" for ever; the send button keeps waiting; the next visit tries again.
     */
    @Test
    void aPrefillThatCannotBeMadeIsSaidAndTheNextVisitTriesAgain() {
        CaseView view = new CaseView(Tablets.CASE, createdAt("2026-11-23T09:50:00+01:00"), List.of(), true);
        Map<ResourceStatus, OffsetDateTime> times = departedAt("2026-11-23T10:00:00+01:00");
        var alice = victim(1, "NORMAND", "F");
        var bob = victim(2, "B", null);
        RpisViewModel model = model("failed-prefill", "2026-11-23T10:00:00+01:00");
        model.choose(alice);
        model.prefill(view, times, new RpisViewModel.FromBilan("I21", null, null), alice);
        assertTrue(model.missingProperty().get().startsWith("Manque : "), model.missingProperty().get());
        model.prefillAsked();
        model.prefillFailed(true, alice);
        String failed = "Le RPIS n'a pas pu être mis à jour depuis la mission : rouvrez l'onglet RPIS pour réessayer";
        assertEquals(failed, model.missingProperty().get(), "said beside the send button");
        assertFalse(model.prefilledProperty().get(), "the send button keeps waiting");
        assertFalse(model.send());
        assertEquals(failed, model.messageProperty().get(), "a tap on Envoyer says why, not \"in a moment\"");
        assertEquals("I21", model.field("diagnosis").get(), "what was on screen stays");
        model.field("returnSmur").set("11:20");
        assertEquals(failed, model.missingProperty().get(), "still said once the crew types");

        model.prefillAsked(); // the crew opens the tab again
        assertEquals("Mise à jour du RPIS en cours : envoyez-le dans un instant", model.missingProperty().get());
        model.prefill(view, times, new RpisViewModel.FromBilan("I21", null, null), alice);
        assertTrue(model.prefilledProperty().get());
        assertTrue(model.missingProperty().get().startsWith("Manque : "), "back to what the record lacks: " + model.missingProperty().get());

        model.prefillAsked();
        model.prefillFailed(true, bob); // asked for a victim no longer on screen: not this record's outcome
        assertEquals("Mise à jour du RPIS en cours : envoyez-le dans un instant", model.missingProperty().get());
        model.prefillFailed(false, alice); // the mission closed meanwhile
        assertEquals("Aucune mission ouverte", model.missingProperty().get());
        assertFalse(model.send());
        assertEquals("Aucune mission ouverte", model.messageProperty().get());

        model.prefillAsked();
        model.prefillFailed(true, alice);
        model.choose(bob); // another victim, whose first prefill fails: said as such, not as "no mission"
        assertFalse(model.send());
        assertNotEquals(failed, model.messageProperty().get(), "Alice's failure is not Bob's");
        model.prefillAsked();
        model.prefillFailed(true, bob);
        assertEquals(failed, model.missingProperty().get());
        assertFalse(model.send());
        assertEquals(failed, model.messageProperty().get());
    }

    /**
     * Each visit of the screen prefills again, and a case update describes the same patient anew: what the crew typed
     * or corrected stays; what they left alone follows the latest prefill; another patient starts afresh.
     */
    @Test
    void whatTheCrewTypedOutlivesAPrefillAgainAndACaseUpdateOfTheSamePatient() {
        var c = createdAt("2026-11-23T09:50:00+01:00");
        CaseView view = new CaseView(Tablets.CASE, c, List.of(), true);
        Map<ResourceStatus, OffsetDateTime> times = departedAt("2026-11-23T10:00:00+01:00");
        var alice = victim(1, "NORMAND", "F");
        var aliceUpdated = new org.opensmur.app.patient.PatientsViewModel.Patient(Tablets.CASE + ".patient.1", 1, "NORMAND", "Alice", null, "F",
                "1982-02-14", "P44Y", null);
        var bob = victim(2, "B", null);
        RpisViewModel model = model("typed", "2026-11-23T10:30:00+01:00");
        model.choose(alice);
        model.prefill(view, times, new RpisViewModel.FromBilan("I21", null, null), alice);
        assertEquals(List.of("I21", "10:00"), List.of(model.field("diagnosis").get(), model.field("departSmur").get()));
        model.field("departSmur").set("09:58"); // the crew corrects the tap
        model.field("returnSmur").set("11:20"); // and says what no tap said
        model.choose(aliceUpdated); // the SAMU's update: her first name and birth date
        model.prefill(view, times, new RpisViewModel.FromBilan("I46", null, null), aliceUpdated); // the screen shown again
        assertEquals(List.of("09:58", "11:20", "I46"), List.of(model.field("departSmur").get(), model.field("returnSmur").get(),
                model.field("diagnosis").get()), "typed and corrected: kept; left alone: the bilan's new diagnosis");
        // the SAMU qualifies the case again; the crew had stated another motive's code: their code is not given the
        // case's new words; and a town name the crew typed without a code stays
        var first = c.deepCopy();
        first.putObject("qualification").putObject("whatsHappen").put("code", "C11.06.00").put("label", "Autre nature de fait");
        model.prefill(new CaseView(Tablets.CASE, first, List.of(), true), times, new RpisViewModel.FromBilan("I46", null, null), aliceUpdated);
        assertEquals(List.of("C11.06.00", "Autre nature de fait"), List.of(model.field("whatsHappenCode").get(), model.field("whatsHappenLabel").get()));
        model.field("whatsHappenCode").set("C09.03.00");
        model.field("inseeCity").set("Rezé");
        var qualified = c.deepCopy();
        qualified.putObject("qualification").putObject("whatsHappen").put("code", "C02.01.00").put("label", "Accident de la route");
        model.prefillAsked();
        assertFalse(model.send(), "not while a prefill is on its way");
        assertEquals("Mise à jour du RPIS en cours : envoyez-le dans un instant", model.messageProperty().get());
        model.prefill(new CaseView(Tablets.CASE, qualified, List.of(), true), times, new RpisViewModel.FromBilan("I46", null, null), aliceUpdated);
        assertEquals(List.of("C09.03.00", "Autre nature de fait", "Rezé"), List.of(model.field("whatsHappenCode").get(),
                model.field("whatsHappenLabel").get(), model.field("inseeCity").get()));
        // a tap undone (the departure corrected away): the time the crew left alone goes with it
        model.field("departSmur").set("10:00"); // back to the tap's
        Map<ResourceStatus, OffsetDateTime> undone = new EnumMap<>(ResourceStatus.class);
        model.prefill(view, undone, new RpisViewModel.FromBilan("I46", null, null), aliceUpdated);
        assertEquals(List.of("", "11:20"), List.of(model.field("departSmur").get(), model.field("returnSmur").get()),
                "the prefill's departure taken back; the crew's return kept");
        model.choose(bob);
        assertEquals(List.of("", ""), List.of(model.field("departSmur").get(), model.field("returnSmur").get()), "another patient");
    }

    /**
     * The app stops mid-record (a crash, a flat battery) and starts again: what the crew typed, corrected or emptied for
     * each patient is back when the record is shown again, a field they left alone follows the prefill as before, and
     * nothing of one patient goes to another, also when the case gives its victims no identifier.
     */
    @Test
    void whatTheCrewTypedIsBackAfterTheAppStartsAgainForThatPatientOnly() {
        CaseView view = new CaseView(Tablets.CASE, createdAt("2026-11-23T09:50:00+01:00"), List.of(), true);
        var alice = victim(1, "NORMAND", "F");
        var bob = victim(2, "B", null);
        var shift = new org.opensmur.core.shift.ShiftSetup("VLM 1", null, org.opensmur.core.mission.MedicalLevel.MED, List.of(),
                null, null, null, null, "SMUR.VLM", false);
        RpisViewModel before = model("restart", "2026-11-23T10:30:00+01:00");
        before.shiftFrom(() -> shift);
        before.choose(alice);
        before.prefill(view, departedAt("2026-11-23T10:00:00+01:00"), new RpisViewModel.FromBilan("I21", null, null), alice);
        assertEquals("MED", before.field("medicalLevel").get(), "offered by the shift set-up");
        before.field("departSmur").set("09:58"); // corrected
        before.field("returnSmur").set("11:20"); // said where no tap did
        before.field("inseeCity").set("Rezé");
        before.field("medicalLevel").set("PARAMED"); // the shift's care level corrected for this mission
        before.field("diagnosis").set(""); // the bilan's diagnosis emptied
        before.choose(bob);
        before.prefill(view, departedAt("2026-11-23T10:00:00+01:00"), new RpisViewModel.FromBilan("I21", null, null), bob);
        before.field("returnSmur").set("12:05");
        before.choose(alice); // back to her: what she had is read back too, not only after a restart
        before.prefill(view, departedAt("2026-11-23T10:00:00+01:00"), new RpisViewModel.FromBilan("I21", null, null), alice);
        assertEquals(List.of("09:58", "11:20", "Rezé", "PARAMED", ""), List.of(before.field("departSmur").get(),
                before.field("returnSmur").get(), before.field("inseeCity").get(), before.field("medicalLevel").get(),
                before.field("diagnosis").get()));

        TabletCore stopped = cores.remove(cores.size() - 1);
        stopped.close();
        RpisViewModel after = model("restart", "2026-11-23T10:40:00+01:00"); // the same tablet's store
        after.shiftFrom(() -> shift);
        after.choose(alice);
        Map<ResourceStatus, OffsetDateTime> later = departedAt("2026-11-23T10:00:00+01:00");
        later.put(ResourceStatus.ARRIVEE, OffsetDateTime.parse("2026-11-23T10:12:00+01:00"));
        after.prefill(view, later, new RpisViewModel.FromBilan("I21", null, null), alice);
        assertEquals(List.of("09:58", "11:20", "Rezé", "PARAMED", "", "10:12"), List.of(after.field("departSmur").get(),
                after.field("returnSmur").get(), after.field("inseeCity").get(), after.field("medicalLevel").get(),
                after.field("diagnosis").get(), after.field("arrivedSmur").get()), "typed: back; left alone: the latest prefill");
        after.choose(bob);
        after.prefill(view, later, new RpisViewModel.FromBilan("I46", null, null), bob);
        assertEquals(List.of("10:00", "12:05", "", "MED", "I46"), List.of(after.field("departSmur").get(),
                after.field("returnSmur").get(), after.field("inseeCity").get(), after.field("medicalLevel").get(),
                after.field("diagnosis").get()), "his own answers, none of hers");

        // Two victims the case gives no identifier: each record has its own (the SMUR's for that victim), so its own answers.
        var first = new org.opensmur.app.patient.PatientsViewModel.Patient(null, 1, "X", null, null, null, null, null, null);
        var second = new org.opensmur.app.patient.PatientsViewModel.Patient(null, 2, "Y", null, null, null, null, null, null);
        after.choose(first);
        after.prefill(view, later, new RpisViewModel.FromBilan("I46", null, null), first);
        after.field("returnSmur").set("13:30");
        after.choose(second);
        after.prefill(view, later, new RpisViewModel.FromBilan("I46", null, null), second);
        assertEquals("", after.field("returnSmur").get(), "the first victim's answer is not the second's");
        after.choose(first);
        after.prefill(view, later, new RpisViewModel.FromBilan("I46", null, null), first);
        assertEquals("13:30", after.field("returnSmur").get());
    }

    /** The tablets the tests opened, closed after each. */
    private final List<TabletCore> cores = new java.util.ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void closeTheTablets() {
        cores.forEach(TabletCore::close);
    }

    /** An RPIS screen's model on a tablet of its own ({@code name}: its folder), its clock at {@code now}. */
    private RpisViewModel model(String name, String now) {
        TabletSettings settings = Tablets.settings(dir.resolve(name));
        TabletCore core = Tablets.core(settings, new MutableClock(Instant.parse(now)));
        cores.add(core);
        return new RpisViewModel(core, org.opensmur.app.ui.Background.direct(), settings, Labels.french());
    }

    /** The case's victim {@code n}, as the patient list names them. */
    private static org.opensmur.app.patient.PatientsViewModel.Patient victim(int n, String lastName, String sex) {
        return new org.opensmur.app.patient.PatientsViewModel.Patient(Tablets.CASE + ".patient." + n, n, lastName, null, null, sex, null, null, null);
    }

    /** A case as an RS-EDA always says it at least: when it was created. */
    private static com.fasterxml.jackson.databind.node.ObjectNode createdAt(String creation) {
        var c = new HubCodec().mapper().createObjectNode();
        c.put("creation", creation);
        return c;
    }

    /** The status times of a crew that only left. */
    private static Map<ResourceStatus, OffsetDateTime> departedAt(String depart) {
        Map<ResourceStatus, OffsetDateTime> times = new EnumMap<>(ResourceStatus.class);
        times.put(ResourceStatus.DEPART, OffsetDateTime.parse(depart));
        return times;
    }
}
