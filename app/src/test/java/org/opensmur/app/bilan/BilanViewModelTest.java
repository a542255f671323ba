package org.opensmur.app.bilan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.app.settings.TabletSettings;
import org.opensmur.app.ui.Labels;
import org.opensmur.app.testing.Tablets;
import org.opensmur.core.bilan.InterventionReport;
import org.opensmur.core.bilan.VitalSign;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.testing.MutableClock;
import org.opensmur.store.cases.CaseStore;
import org.opensmur.tablet.TabletCore;

/** Each field is checked where it is typed, nothing invalid leaves, and nothing typed is lost to a restart. */
class BilanViewModelTest {

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final CaseStore.CaseView view = new CaseStore.CaseView(Tablets.CASE,
            new HubCodec().mapper().createObjectNode(), java.util.List.of(), true);

    /** The mission's patient as the case names them. */
    private static final org.opensmur.app.patient.PatientsViewModel.Patient PATIENT = new org.opensmur.app.patient.PatientsViewModel.Patient(
            "fr.health.samu440.patient.DRFR154402413800236.1", 0, "NORMAND", "Alice", null, "F", "1982-02-14", "P42Y", null);

    private BilanViewModel open(TabletCore core, TabletSettings settings) {
        BilanViewModel model = new BilanViewModel(core, org.opensmur.app.ui.Background.direct(), settings, Labels.french(), clock);
        model.open(view, Tablets.LRM);
        model.choose(PATIENT);
        return model;
    }

    @Test
    void everyFieldSaysWhatIsWrongAndSendingWaitsForAllOfThem() {
        TabletSettings settings = Tablets.settings(dir);
        TabletCore core = Tablets.core(settings, clock);
        try {
            BilanViewModel model = open(core, settings);
            model.input("bilan.heartRate").valueProperty().set("400");
            model.input("bilan.bloodPressure").valueProperty().set("135-85");
            model.input("bilan.spo2").valueProperty().set("abc");
            model.input("bilan.diagnosis").valueProperty().set("infarctus");
            assertEquals("Attendu entre 20 et 250", model.input("bilan.heartRate").errorProperty().get());
            assertEquals("Format attendu : 120/80", model.input("bilan.bloodPressure").errorProperty().get());
            assertEquals("Un nombre est attendu", model.input("bilan.spo2").errorProperty().get());
            assertEquals("Code CIM-10 attendu (ex. I21)", model.input("bilan.diagnosis").errorProperty().get());
            assertFalse(model.validProperty().get());
            assertFalse(model.send());
            assertTrue(core.store().outbox().list(Tablets.CASE, 10).isEmpty(), "nothing invalid is queued");

            model.input("bilan.heartRate").valueProperty().set("96");
            model.input("bilan.bloodPressure").valueProperty().set("135/85");
            model.input("bilan.spo2").valueProperty().set("97");
            model.input("bilan.diagnosis").valueProperty().set("I21");
            assertTrue(model.validProperty().get());
            assertTrue(model.send());
            var queued = core.store().outbox().list(Tablets.CASE, 10);
            assertEquals(MessageType.RS_BPV, queued.get(0).type());
            InterventionReport report = (InterventionReport) new HubCodec().decode(core.store().outbox().body(queued.get(0).distributionId()))
                    .envelope().payload();
            assertEquals("I21", report.evaluation().mainDiagnosis());
            assertTrue(report.evaluation().parameter().stream().anyMatch(p -> p.type() == VitalSign.BLOOD_PRESSURE && p.value().equals("135/85")));
            assertTrue(core.store().drafts().load("bilan:" + Tablets.CASE).isEmpty(), "the draft goes once the outbox holds the bilan");
        } finally {
            core.close();
        }
    }

    @Test
    void implausiblePressuresAreRefusedCodesAreWrittenInCapitalsAndTheBlockIsSaidInWords() {
        TabletSettings settings = Tablets.settings(dir);
        TabletCore core = Tablets.core(settings, clock);
        try {
            BilanViewModel model = open(core, settings);
            assertEquals("Envoi impossible : Diagnostic principal manquant (champ marqué *)", model.blockedProperty().get());
            model.input("bilan.bloodPressure").valueProperty().set("300/80");
            assertEquals("Attendu : systolique 50–260, diastolique 20–160 (ex. 120/80)",
                    model.input("bilan.bloodPressure").errorProperty().get());
            model.input("bilan.bloodPressure").valueProperty().set("80/120");
            assertEquals("La systolique doit dépasser la diastolique d'au moins 10 (ex. 120/80)",
                    model.input("bilan.bloodPressure").errorProperty().get());
            model.input("bilan.diagnosis").valueProperty().set("i21.4");
            assertEquals("", model.input("bilan.diagnosis").errorProperty().get(), "a code typed in lower case is a code");
            assertEquals("Envoi impossible : corrigez Pression artérielle", model.blockedProperty().get());
            model.input("bilan.diagnosis").valueProperty().set("");
            assertEquals("Envoi impossible : Diagnostic principal manquant (champ marqué *) ; corrigez Pression artérielle",
                    model.blockedProperty().get(), "every reason at once");
            model.input("bilan.diagnosis").valueProperty().set("i21.4");
            assertFalse(model.send());

            model.input("bilan.bloodPressure").valueProperty().set("128/76");
            assertEquals("", model.blockedProperty().get());
            assertTrue(model.send());
            var queued = core.store().outbox().list(Tablets.CASE, 10);
            InterventionReport report = (InterventionReport) new HubCodec().decode(core.store().outbox().body(queued.get(0).distributionId()))
                    .envelope().payload();
            assertEquals("I21.4", report.evaluation().mainDiagnosis(), "sent as written in CIM-10");
        } finally {
            core.close();
        }
    }

    @Test
    void whatWasTypedSurvivesARestart() {
        TabletSettings settings = Tablets.settings(dir);
        TabletCore first = Tablets.core(settings, clock);
        BilanViewModel typing = open(first, settings);
        typing.input("bilan.heartRate").valueProperty().set("112");
        typing.input("bilan.history").valueProperty().set("HTA, diabète");
        first.close(); // the battery dies

        TabletCore again = Tablets.core(settings, clock);
        try {
            BilanViewModel restored = open(again, settings);
            assertEquals("112", restored.input("bilan.heartRate").valueProperty().get());
            assertEquals("HTA, diabète", restored.input("bilan.history").valueProperty().get());
        } finally {
            again.close();
        }
    }

    @Test
    void eachMeasurementKeepsItsTimeTheLastIsSentAndARestartKeepsThemAll() throws Exception {
        TabletSettings settings = Tablets.settings(dir);
        TabletCore core = Tablets.core(settings, clock);
        try {
            BilanViewModel model = open(core, settings);
            BilanViewModel.Input pressure = model.input("bilan.bloodPressure");
            java.time.LocalTime first = java.time.LocalTime.now(clock).withSecond(0).withNano(0);
            pressure.valueProperty().set("135/85");
            model.measured("bilan.bloodPressure");
            model.measured("bilan.bloodPressure"); // the same value left again: not a new measurement
            clock.advance(java.time.Duration.ofMinutes(12));
            java.time.LocalTime second = java.time.LocalTime.now(clock).withSecond(0).withNano(0);
            pressure.valueProperty().set("300/80");
            model.measured("bilan.bloodPressure"); // refused by its range: not a measurement
            pressure.valueProperty().set("120/75");
            model.measured("bilan.bloodPressure");
            assertEquals(java.util.List.of("135/85@" + first, "120/75@" + second), pressure.measurements());
            assertEquals(second + " · 135/85 (" + first + ")", pressure.takenProperty().get(), "the last time first, the earlier values after");
            assertTrue(model.input("bilan.heartRate").numeric() && !model.input("bilan.diagnosis").numeric(), "vitals take a numeric keypad");

            model.input("bilan.diagnosis").valueProperty().set("I21");
            BilanViewModel again = open(core, settings); // what a restart reads back
            assertEquals(pressure.measurements(), again.input("bilan.bloodPressure").measurements());
            assertTrue(again.send());
            var sent = new HubCodec().decode(core.store().outbox().body(core.store().outbox().list(Tablets.CASE, 10).get(0).distributionId()));
            var measures = ((InterventionReport) sent.envelope().payload()).evaluation().parameter();
            assertEquals("120/75", measures.stream().filter(m -> m.type() == VitalSign.BLOOD_PRESSURE).findFirst().orElseThrow().value(),
                    "the last measurement is the one sent");
        } finally {
            core.close();
        }
    }

    @Test
    void eachPatientHasHerOwnBilanWithTheIdentityTheCaseGivesAndNoNameMadeUp() {
        TabletSettings settings = Tablets.settings(dir);
        TabletCore core = Tablets.core(settings, clock);
        try {
            BilanViewModel model = open(core, settings);
            assertEquals("NORMAND", model.input("bilan.lastName").valueProperty().get(), "from the case");
            assertEquals("1982-02-14", model.input("bilan.birthDate").valueProperty().get());
            model.input("bilan.diagnosis").valueProperty().set("T58");
            model.input("bilan.height").valueProperty().set("164");
            var found = new org.opensmur.app.patient.PatientsViewModel.Patient("fr.health.samu440.DRFR154402413800236.patient.smur1", -1,
                    null, null, null, null, null, null, "enfant");
            model.choose(found);
            assertEquals("", model.input("bilan.lastName").valueProperty().get(), "found on scene: no name until the crew gives one");
            assertEquals("", model.input("bilan.diagnosis").valueProperty().get(), "her own bilan, not the other's");
            model.input("bilan.diagnosis").valueProperty().set("T58");
            assertFalse(model.validProperty().get());
            assertTrue(model.blockedProperty().get().contains("Nom, Prénom") || model.blockedProperty().get().contains("Prénom"),
                    model.blockedProperty().get());
            model.choose(PATIENT);
            assertEquals("164", model.input("bilan.height").valueProperty().get(), "the first patient's draft comes back");
            assertTrue(model.send());
            InterventionReport report = (InterventionReport) new HubCodec().decode(core.store().outbox().body(
                    core.store().outbox().list(Tablets.CASE, 10).get(0).distributionId())).envelope().payload();
            assertEquals(PATIENT.patientId(), report.patient().patientId());
            assertEquals("Alice", report.patient().firstName());
            assertEquals(java.math.BigInteger.valueOf(164), report.patient().height());
            assertEquals("42", report.patient().age());
        } finally {
            core.close();
        }
    }

    @Test
    void anIntermediateBilanLeavesWithoutADiagnosisAndTheFinalOneNeedsIt() {
        TabletSettings settings = Tablets.settings(dir);
        TabletCore core = Tablets.core(settings, clock);
        try {
            BilanViewModel model = open(core, settings);
            model.input("bilan.history").valueProperty().set("Crise d'asthme récurrente");
            assertFalse(model.validProperty().get(), "final by default: the diagnosis is required");
            model.finalReportProperty().set(false);
            assertTrue(model.validProperty().get(), "intermediate: it may leave without one");
            assertTrue(model.send());
            assertEquals("Crise d'asthme récurrente", model.input("bilan.history").valueProperty().get());
            BilanViewModel again = open(core, settings); // what a restart reads back
            assertEquals("Crise d'asthme récurrente", again.input("bilan.history").valueProperty().get(),
                    "an intermediate bilan keeps its draft: the final one goes on from it");
            again.input("bilan.diagnosis").valueProperty().set("J45");
            assertTrue(again.send());
            assertEquals(2, core.store().outbox().list(Tablets.CASE, 10).size());
            assertEquals("", open(core, settings).input("bilan.history").valueProperty().get(), "the final one closes the draft");
        } finally {
            core.close();
        }
    }

    @Test
    void aRateThatVariedAndASystolicAloneAreWhatPhysiciansWriteAndAreAccepted() {
        TabletSettings settings = Tablets.settings(dir);
        TabletCore core = Tablets.core(settings, clock);
        try {
            BilanViewModel model = open(core, settings);
            var heart = model.input("bilan.heartRate");
            heart.valueProperty().set("80-110");
            assertEquals("", heart.errorProperty().get(), "a span, each end plausible");
            heart.valueProperty().set("110-80");
            assertEquals("Attendu entre 20 et 250", heart.errorProperty().get(), "a span runs upwards");
            heart.valueProperty().set("80-400");
            assertEquals("Attendu entre 20 et 250", heart.errorProperty().get());
            var pressure = model.input("bilan.bloodPressure");
            pressure.valueProperty().set("110");
            assertEquals("", pressure.errorProperty().get(), "the systolic alone, taken by palpation");
            pressure.valueProperty().set("300");
            assertTrue(pressure.errorProperty().get().startsWith("Attendu : systolique 50–260"), pressure.errorProperty().get());
            pressure.valueProperty().set("80-110");
            assertEquals("", pressure.errorProperty().get(), "a span of the systolic, as the README says");
            pressure.valueProperty().set("80-300");
            assertTrue(pressure.errorProperty().get().startsWith("Attendu : systolique 50–260"), "each end checked: "
                    + pressure.errorProperty().get());
        } finally {
            core.close();
        }
    }

    @Test
    void theEnglishScreenNamesTheDiagnosisCodeInEnglish() {
        TabletSettings settings = Tablets.settings(dir);
        TabletCore core = Tablets.core(settings, clock);
        try {
            BilanViewModel model = new BilanViewModel(core, org.opensmur.app.ui.Background.direct(), settings,
                    new Labels(java.util.Locale.ENGLISH), clock);
            assertTrue(model.inputs().stream().noneMatch(i -> i.unit().contains("CIM")),
                    model.inputs().stream().map(BilanViewModel.Input::unit).toList().toString());
        } finally {
            core.close();
        }
    }

    @Test
    void theBilansSentStayListedForThePatientAfterARestartAndTheRpisStartsFromTheLast() {
        TabletSettings settings = Tablets.settings(dir);
        TabletCore core = Tablets.core(settings, clock);
        try {
            BilanViewModel model = open(core, settings);
            model.finalReportProperty().set(false);
            assertTrue(model.send()); // an intermediate one, no diagnosis yet
            model.finalReportProperty().set(true);
            model.input("bilan.diagnosis").valueProperty().set("i21");
            assertTrue(model.send());
            assertEquals(2, model.sentProperty().size(), model.sentProperty().toString());
            assertTrue(model.sentProperty().get(0).contains("diagnostic non renseigné"), model.sentProperty().get(0));
            assertTrue(model.sentProperty().get(1).contains("diagnostic I21 · en attente"), model.sentProperty().get(1));
        } finally {
            core.close();
        }
        TabletCore again = Tablets.core(settings, clock); // the tablet restarted (kill -9 or not): the draft is gone
        try {
            BilanViewModel restarted = open(again, settings);
            assertEquals("", restarted.input("bilan.diagnosis").valueProperty().get(), "the final bilan closed the draft");
            assertEquals(2, restarted.sentProperty().size(), "what was sent is still shown");
            assertEquals("I21", restarted.diagnosisForRpis(), "the RPIS starts from the last bilan sent");
            restarted.input("bilan.diagnosis").valueProperty().set("J45");
            assertEquals("J45", restarted.diagnosisForRpis(), "what is typed now comes first");
        } finally {
            again.close();
        }
    }
}
