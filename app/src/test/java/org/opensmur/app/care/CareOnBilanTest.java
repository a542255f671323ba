package org.opensmur.app.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensmur.app.bilan.BilanViewModel;
import org.opensmur.app.settings.TabletSettings;
import org.opensmur.app.testing.Tablets;
import org.opensmur.app.ui.Background;
import org.opensmur.app.ui.Labels;
import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.tablet.CaseView;
import org.opensmur.core.testing.MutableClock;
import org.opensmur.tablet.TabletCore;
import org.opensmur.tablet.care.CareCatalog;
import org.opensmur.tablet.care.CareGiven;

/**
 * A cardiac arrest on the bilan, on both model lines: each act one RS-BPV procedure, the drugs with their dose,
 * unit, route and time in its free text, what the official schemas accept; each time on the core's clock and
 * correctable (never to come); a wrong dose said; everything back after a restart.
 */
class CareOnBilanTest {

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T09:40:00Z"));
    private final CaseView view = new CaseView(Tablets.CASE, new HubCodec().mapper().createObjectNode(), List.of(), true);
    private static final org.opensmur.app.patient.PatientsViewModel.Patient PATIENT = new org.opensmur.app.patient.PatientsViewModel.Patient(
            "fr.health.samu440.patient.DRFR154402413800236.1", 0, "NORMAND", "Alice", null, "F", "1982-02-14", "P42Y", null);
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    static java.util.stream.Stream<ModelLine> lines() {
        return java.util.stream.Stream.of(ModelLine.CURRENT, ModelLine.V2);
    }

    private TabletSettings settingsOn(ModelLine line) {
        return Tablets.settingsOn(line, dir.resolve(line.name()));
    }

    private BilanViewModel open(TabletCore core, TabletSettings settings) {
        BilanViewModel model = new BilanViewModel(core, Background.direct(), settings, Labels.french(), clock);
        model.open(view, Tablets.LRM);
        model.choose(PATIENT);
        return model;
    }

    private static CareCatalog.Act act(CareViewModel care, String label) {
        return care.catalogProperty().get().acts().stream().filter(a -> a.label().equals(label)).findFirst().orElseThrow();
    }

    private static CareCatalog.Drug drug(CareViewModel care, String name) {
        return care.catalogProperty().get().drugs().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    private String now() {
        return HOURS.format(clock.instant().atZone(clock.getZone()));
    }

    @ParameterizedTest
    @MethodSource("lines")
    void aCardiacArrestSendsOneProcedurePerActItsDrugsInWordsAndTheLatestSeriesAndComesBackAfterARestart(ModelLine line) throws Exception {
        TabletSettings settings = settingsOn(line);
        List<String> adrenalineTimes = new ArrayList<>();
        TabletCore core = Tablets.core(settings, clock);
        try {
            BilanViewModel bilan = open(core, settings);
            CareViewModel care = bilan.care();
            bilan.input("bilan.heartRate").valueProperty().set("0"); // the arrest
            bilan.input("bilan.spo2").valueProperty().set(BilanViewModel.NOT_MEASURABLE);
            assertTrue(care.act(act(care, "Massage cardiaque externe")));
            for (int i = 0; i < 3; i++) {
                clock.advance(Duration.ofMinutes(4));
                care.startDrug(drug(care, "Adrénaline"));
                assertEquals(List.of("1", "mg", "IV", now()), List.of(care.doseProperty().get(), care.unitProperty().get(),
                        care.routeProperty().get(), care.timeProperty().get()), "preset to the list's first, stamped now");
                assertTrue(care.giveDrug());
                adrenalineTimes.add(now());
                if (i == 0) {
                    clock.advance(Duration.ofMinutes(1));
                    assertTrue(care.act(act(care, "Intubation")));
                }
            }
            // a dose is figures, a time not to come
            care.startDrug(drug(care, "Amiodarone"));
            care.doseProperty().set("trois cents");
            assertFalse(care.giveDrug());
            assertEquals("Une dose en chiffres, plus que 0", care.drugErrorProperty().get());
            care.doseProperty().set("300");
            care.timeProperty().set(HOURS.format(clock.instant().plusSeconds(600).atZone(clock.getZone())));
            assertFalse(care.giveDrug());
            assertEquals("Heure à venir (il est " + now() + ")", care.drugErrorProperty().get());
            care.cancelDrug();
            // the return of circulation: a new series
            clock.advance(Duration.ofMinutes(3));
            assertTrue(bilan.newSeries());
            bilan.input("bilan.heartRate").valueProperty().set("112");
            bilan.input("bilan.bloodPressure").valueProperty().set("95/60");
            bilan.input("bilan.diagnosis").valueProperty().set("I46");
            assertTrue(bilan.send(), bilan.blockedProperty().get());

            JsonNode sent = lastSent(core);
            assertEquals(List.of(), officialErrors(line, sent), "the official schemas of " + line + " accept it");
            JsonNode evaluation = sent.findValue("evaluation");
            List<String> procedures = new ArrayList<>();
            evaluation.path("procedure").forEach(p -> procedures.add(p.asText()));
            assertEquals(List.of("Massage cardiaque externe", "Intubation"), procedures, "one entry per act, in order, labels (no code in the default list)");
            List<String> freetext = new ArrayList<>();
            evaluation.path("freetext").forEach(p -> freetext.add(p.asText()));
            for (String at : adrenalineTimes) {
                assertTrue(freetext.contains("Adrénaline 1 mg IV " + at), at + " in " + freetext);
            }
            assertEquals("112", parameter(evaluation, "FREQUENCE_CARDIAQUE"), "the latest series, not the arrest's");
        } finally {
            core.close();
        }
        TabletCore again = Tablets.core(settings, clock); // the tablet restarted
        try {
            CareViewModel care = open(again, settings).care();
            assertEquals(List.of("ACT Massage cardiaque externe", "DRUG Adrénaline 1 mg IV", "ACT Intubation", "DRUG Adrénaline 1 mg IV",
                    "DRUG Adrénaline 1 mg IV"), care.given().stream().map(g -> g.kind() + " " + g.what()).toList(),
                    "the acts and drugs are the mission's: kept after the final bilan and a restart");
            // corrected: the first adrenaline was in fact given a minute earlier; a time to come is refused
            CareGiven first = care.given().get(1);
            String earlier = HOURS.format(first.at().minusMinutes(1));
            assertTrue(care.retime(first, earlier));
            assertEquals(earlier, CareViewModel.hours(care.given().get(1)));
            assertFalse(care.retime(care.given().get(1), HOURS.format(clock.instant().plusSeconds(3600).atZone(clock.getZone()))));
            assertFalse(care.messageProperty().get().isEmpty(), "a time to come is said");
            care.remove(care.given().get(0));
            assertEquals(4, care.given().size());
        } finally {
            again.close();
        }
        TabletCore third = Tablets.core(settings, clock);
        try {
            assertEquals(4, open(third, settings).care().given().size(), "the correction and the removal were saved");
        } finally {
            third.close();
        }
    }

    /** A night shift: at 00:02 a drug given at 23:58 is four minutes ago, and listed before one given at 00:01. */
    @org.junit.jupiter.api.Test
    void justAfterMidnightATimeBeforeItIsYesterdaysAndNotToCome() throws Exception {
        MutableClock night = new MutableClock(Instant.parse("2026-12-06T23:02:00Z")); // 00:02 in Paris, 7 December
        TabletSettings settings = Tablets.settings(dir);
        TabletCore core = Tablets.core(settings, night);
        try {
            BilanViewModel bilan = new BilanViewModel(core, Background.direct(), settings, Labels.french(), night);
            bilan.open(view, Tablets.LRM);
            bilan.choose(PATIENT);
            CareViewModel care = bilan.care();
            care.startDrug(drug(care, "Adrénaline"));
            care.timeProperty().set("23:58");
            assertTrue(care.giveDrug(), care.drugErrorProperty().get());
            care.startDrug(drug(care, "Adrénaline"));
            care.timeProperty().set("00:01");
            assertTrue(care.giveDrug(), care.drugErrorProperty().get());
            care.startDrug(drug(care, "Adrénaline"));
            care.timeProperty().set("00:30");
            assertFalse(care.giveDrug());
            assertEquals("Heure à venir (il est 00:02)", care.drugErrorProperty().get());
            care.cancelDrug();
            assertEquals(List.of(java.time.OffsetDateTime.parse("2026-12-06T23:58+01:00"), java.time.OffsetDateTime.parse("2026-12-07T00:01+01:00")),
                    care.given().stream().map(CareGiven::at).toList(), "yesterday's, then today's, in time order");
            assertTrue(care.retime(care.given().get(1), "23:59"), care.messageProperty().get());
            assertEquals(java.time.OffsetDateTime.parse("2026-12-06T23:59+01:00"), care.given().get(1).at(), "corrected back over midnight");
            assertTrue(care.retime(care.given().get(0), "00:00"), care.messageProperty().get());
            assertEquals(java.time.OffsetDateTime.parse("2026-12-07T00:00+01:00"), care.given().get(1).at(), "and forward over it");
        } finally {
            core.close();
        }
    }

    /** Early morning: at 05:00 a drug given at 16:00 is yesterday afternoon's, not one to come; 06:00 is to come. */
    @org.junit.jupiter.api.Test
    void earlyInTheMorningYesterdayAfternoonsDrugIsYesterdaysNotToCome() throws Exception {
        MutableClock early = new MutableClock(Instant.parse("2026-12-07T04:00:00Z")); // 05:00 in Paris
        TabletSettings settings = Tablets.settings(dir);
        TabletCore core = Tablets.core(settings, early);
        try {
            BilanViewModel bilan = new BilanViewModel(core, Background.direct(), settings, Labels.french(), early);
            bilan.open(view, Tablets.LRM);
            bilan.choose(PATIENT);
            CareViewModel care = bilan.care();
            care.startDrug(drug(care, "Adrénaline"));
            care.timeProperty().set("16:00");
            assertTrue(care.giveDrug(), care.drugErrorProperty().get());
            care.startDrug(drug(care, "Adrénaline"));
            care.timeProperty().set("06:00");
            assertFalse(care.giveDrug());
            assertEquals("Heure à venir (il est 05:00)", care.drugErrorProperty().get());
            care.cancelDrug();
            assertEquals(List.of(java.time.OffsetDateTime.parse("2026-12-06T16:00+01:00")), care.given().stream().map(CareGiven::at).toList());
        } finally {
            core.close();
        }
    }

    @org.junit.jupiter.api.Test
    void theActsADraftOfTheEarlierVersionKeptAsOneTextAreOfferedBackAndNotDropped() throws Exception {
        TabletSettings settings = Tablets.settings(dir);
        TabletCore core = Tablets.core(settings, clock);
        try {
            String key = "bilan:" + Tablets.CASE + ":" + PATIENT.patientId();
            core.drafts().save(key, java.util.Map.of("bilan.diagnosis", "I46", "bilan.procedures", "Intubation\nVVP"));
            BilanViewModel bilan = open(core, settings);
            assertEquals("Intubation ; VVP", bilan.care().otherActProperty().get(), "offered as an act to add");
            bilan.input("bilan.history").valueProperty().set("HTA"); // the draft saved again
            assertEquals("Intubation\nVVP", core.drafts().load(key).orElseThrow().get("bilan.procedures"), "and kept in the draft");
        } finally {
            core.close();
        }
    }

    private static JsonNode lastSent(TabletCore core) throws Exception {
        var queued = core.store().outbox().list(Tablets.CASE, 10); // newest first
        return new ObjectMapper().readTree(core.store().outbox().body(queued.get(0).distributionId()));
    }

    private static List<String> officialErrors(ModelLine line, JsonNode message) {
        return org.opensmur.hubsim.dispatch.OfficialSchemas.load(SharedCorpus.root(line).resolve("schemas")).errors(message);
    }

    private static String parameter(JsonNode evaluation, String type) {
        for (JsonNode p : evaluation.path("parameter")) {
            if (p.path("type").asText().equals(type)) {
                return p.path("value").asText();
            }
        }
        return null;
    }

    /**
     * An act not on the tiles is picked from the SMUR's ACTES_SMUR list, found by a word of its label: the RS-BPV
     * carries its code; a code the list does not have is refused; with no list, the act in words.
     */
    @ParameterizedTest
    @MethodSource("lines")
    void anOtherActIsPickedFromTheInstalledActsListAndSentByItsCode(ModelLine line) throws Exception {
        TabletSettings settings = settingsOn(line);
        java.nio.file.Path file = dir.resolve("actes-" + line.name() + ".csv");
        java.nio.file.Files.writeString(file, ",code,label_n1\n0,ACT-EXS-01,Exsufflation à l'aiguille\n1,ACT-PTC-02,Pose de drain thoracique\n");
        TabletCore core = Tablets.core(settings, clock);
        try {
            BilanViewModel withoutList = open(core, settings);
            var typed = withoutList.care().actsPicker();
            typed.queryProperty().set("Exsufflation");
            assertTrue(typed.submit(), "no list: the act in words");
            assertEquals("Acte · Exsufflation", withoutList.care().lines().get(0).said(), "kept in words");
        } finally {
            core.close();
        }
        var installed = new org.opensmur.core.nomenclature.NomenclatureFolder(settings.nomenclatureFolder())
                .install(org.opensmur.core.nomenclature.NomenclatureList.ACTES, file, "SAMU 44 (test)");
        assertTrue(installed instanceof org.opensmur.core.nomenclature.NomenclatureFolder.Outcome.Installed, installed.toString());
        core = Tablets.core(settings, clock);
        try {
            BilanViewModel bilan = open(core, settings);
            var picker = bilan.care().actsPicker();
            picker.load();
            picker.queryProperty().set("ACT-ZZZ-99");
            assertFalse(picker.submit(), "a code the list does not have");
            assertTrue(picker.messageProperty().get().contains("ACT-ZZZ-99"), picker.messageProperty().get());
            picker.queryProperty().set("aiguille");
            assertTrue(picker.submit(), picker.messageProperty().get());
            bilan.input("bilan.diagnosis").valueProperty().set("J93");
            assertTrue(bilan.send(), bilan.blockedProperty().get());
            JsonNode sent = lastSent(core);
            assertEquals(List.of(), officialErrors(line, sent));
            List<String> procedures = new ArrayList<>();
            sent.findValue("evaluation").path("procedure").forEach(p -> procedures.add(p.asText()));
            assertTrue(procedures.contains("ACT-EXS-01"), "the act by its code: " + procedures);
        } finally {
            core.close();
        }
    }
}
