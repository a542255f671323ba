package org.opensmur.app.bilan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.hub.validation.ModelLine;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.app.settings.TabletSettings;
import org.opensmur.app.ui.Labels;
import org.opensmur.app.testing.Tablets;
import org.opensmur.core.bilan.InterventionReport;
import org.opensmur.core.bilan.VitalSign;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.tablet.CaseView;
import org.opensmur.core.testing.MutableClock;
import org.opensmur.tablet.TabletCore;

/** Each field is checked where it is typed, nothing invalid leaves, and nothing typed is lost to a restart. */
class BilanViewModelTest {

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final CaseView view = new CaseView(Tablets.CASE,
            new HubCodec().mapper().createObjectNode(), java.util.List.of(), true);

    /** The mission's patient as the case names them. */
    private static final org.opensmur.app.patient.PatientsViewModel.Patient PATIENT = new org.opensmur.app.patient.PatientsViewModel.Patient(
            "fr.health.samu440.patient.DRFR154402413800236.1", 0, "NORMAND", "Alice", null, "F", "1982-02-14", "P42Y", null);

    private interface OnBilan {
        void run(BilanViewModel model, TabletCore core, TabletSettings settings) throws Exception;
    }

    /** The test tablet's bilan on the mission's patient, its store closed after {@code test}. */
    private void onBilan(OnBilan test) throws Exception {
        onBilan(Tablets.settings(dir), test);
    }

    /** The same on the tablet of {@code settings} (another model line). */
    private void onBilan(TabletSettings settings, OnBilan test) throws Exception {
        TabletCore core = Tablets.core(settings, clock);
        try {
            test.run(open(core, settings), core, settings);
        } finally {
            core.close();
        }
    }

    private BilanViewModel open(TabletCore core, TabletSettings settings) {
        BilanViewModel model = new BilanViewModel(core, org.opensmur.app.ui.Background.direct(), settings, Labels.french(), clock);
        model.open(view, Tablets.LRM);
        model.choose(PATIENT);
        return model;
    }

    @Test
    void everyFieldSaysWhatIsWrongAndSendingWaitsForAllOfThem() throws Exception {
        onBilan((model, core, settings) -> {
            model.input("bilan.heartRate").valueProperty().set("400");
            model.input("bilan.bloodPressure").valueProperty().set("135-85");
            model.input("bilan.spo2").valueProperty().set("abc");
            model.input("bilan.diagnosis").valueProperty().set("infarctus");
            assertEquals("Attendu entre 0 et 300 /min", model.input("bilan.heartRate").errorProperty().get());
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
        });
    }

    @Test
    void implausiblePressuresAreRefusedCodesAreWrittenInCapitalsAndTheBlockIsSaidInWords() throws Exception {
        onBilan((model, core, settings) -> {
            assertEquals("Envoi impossible : Diagnostic principal manquant (champ marqué *)", model.blockedProperty().get());
            model.input("bilan.bloodPressure").valueProperty().set("350/80");
            assertEquals("Attendu : systolique 0–300, diastolique 0–200 (ex. 120/80)",
                    model.input("bilan.bloodPressure").errorProperty().get());
            model.input("bilan.bloodPressure").valueProperty().set("80/120");
            assertEquals("La systolique doit dépasser la diastolique (ex. 120/80)",
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
        });
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
    void vitalsAreTimedSeriesTheLatestIsSentWithItsTimeAndTheEarlierOnesOutliveTheFinalBilan() throws Exception {
        TabletSettings settings = Tablets.settings(dir);
        TabletCore core = Tablets.core(settings, clock); // 10:00Z, 11:00 in Paris where the tablet is
        try {
            BilanViewModel model = open(core, settings);
            assertEquals("", model.seriesTime().valueProperty().get(), "nothing taken yet, no time made up");
            model.input("bilan.heartRate").valueProperty().set("0"); // cardiac arrest
            model.input("bilan.bloodPressure").valueProperty().set("imprenable");
            assertEquals("11:00", model.seriesTime().valueProperty().get(), "stamped when its first value is written");
            model.seriesTime().valueProperty().set("11:30");
            assertEquals("Heure à venir (il est 11:00)", model.seriesTime().errorProperty().get());
            assertFalse(model.validProperty().get());
            model.seriesTime().valueProperty().set("10:58"); // taken two minutes before it was written
            assertEquals("", model.seriesTime().errorProperty().get());

            clock.advance(java.time.Duration.ofMinutes(14)); // return of circulation
            model.input("bilan.spo2").valueProperty().set("101");
            assertEquals("Attendu entre 0 et 100 %", model.input("bilan.spo2").errorProperty().get(), "the bounds with their unit");
            assertFalse(model.newSeries(), "a wrong value is corrected before the series is closed");
            model.input("bilan.spo2").valueProperty().set("");
            assertTrue(model.newSeries());
            assertEquals(1, model.earlierSeries().size());
            assertEquals("0", model.earlierSeries().get(0).value("bilan.heartRate"));
            assertEquals("", model.input("bilan.heartRate").valueProperty().get(), "the new series starts empty");
            assertEquals("11:14", model.seriesTime().valueProperty().get(), "stamped when asked for");
            assertEquals("avant : 0/min (10:58)", model.input("bilan.heartRate").takenProperty().get(), "with its unit");
            assertTrue(model.describe(model.earlierSeries().get(0)).startsWith("10:58 · Fréquence cardiaque 0/min · Pression artérielle imprenable"),
                    model.describe(model.earlierSeries().get(0)));

            model.finalReportProperty().set(false);
            assertTrue(model.send(), "the new series still empty: the latest taken is sent");
            var first = lastSent(core);
            assertEquals("0", parameter(first, "FREQUENCE_CARDIAQUE").get("value").asText());
            assertTrue(first.findValue("evaluation").get("freetext").toString().contains("prises le 23/11/2026 10:58"),
                    first.findValue("evaluation").toString());

            model.input("bilan.heartRate").valueProperty().set("88");
            model.input("bilan.bloodPressure").valueProperty().set("95/60");
            var trends = model.trendsProperty();
            assertEquals(java.util.List.of("bilan.heartRate"), trends.stream().map(BilanViewModel.Trend::key).toList(),
                    "a trend once a vital has two plain readings (\"imprenable\" is not plotted)");
            assertEquals(java.util.List.of(0.0, 88.0), trends.get(0).readings().stream().map(BilanViewModel.Reading::value).toList());
            assertEquals(java.util.List.of(16L), java.util.List.of(java.time.Duration.between(trends.get(0).readings().get(0).taken(),
                    trends.get(0).readings().get(1).taken()).toMinutes()), "plotted at the times the series were taken");
            model.finalReportProperty().set(true);
            model.input("bilan.diagnosis").valueProperty().set("I46");
            assertTrue(model.send());
            var last = lastSent(core);
            assertEquals(java.util.List.of(), officialErrors(ModelLine.CURRENT, last), last.toString());
            assertEquals("88", parameter(last, "FREQUENCE_CARDIAQUE").get("value").asText(), "the latest series, not the first");
            assertTrue(last.findValue("evaluation").get("freetext").toString().contains("prises le 23/11/2026 11:14"),
                    last.findValue("evaluation").toString());

            BilanViewModel again = open(core, settings); // what a restart reads back, the final bilan gone
            assertEquals("", again.input("bilan.diagnosis").valueProperty().get(), "the final bilan closed its draft");
            assertEquals(1, again.earlierSeries().size(), "the earlier series are kept for the mission");
            assertEquals("imprenable", again.earlierSeries().get(0).value("bilan.bloodPressure"));
            assertEquals("88", again.input("bilan.heartRate").valueProperty().get(), "and the latest too");
            assertEquals("11:14", again.seriesTime().valueProperty().get());
        } finally {
            core.close();
        }
    }

    /** A series stamped in the morning and corrected in the evening to the evening's time: that evening, said against now. */
    @Test
    void aSeriesCorrectedHoursAfterItsStampIsPutNearNowNotNearTheStamp() throws Exception {
        String freetext = seriesSent(Instant.parse("2026-12-06T08:00:00Z"), "09:00", java.time.Duration.ofHours(13), model -> { }, "21:55");
        assertTrue(freetext.contains("prises le 06/12/2026 21:55"), freetext);
    }

    /** A night shift: a series written at 00:02 but taken at 23:58 is yesterday's, sent with its date, not refused as to come. */
    @Test
    void justAfterMidnightASeriesTakenBeforeItIsYesterdays() throws Exception {
        String freetext = seriesSent(Instant.parse("2026-12-06T23:02:00Z"), "00:02", java.time.Duration.ZERO, model -> {
            model.seriesTime().valueProperty().set("00:20");
            assertEquals("Heure à venir (il est 00:02)", model.seriesTime().errorProperty().get());
        }, "23:58");
        assertTrue(freetext.contains("prises le 06/12/2026 23:58"), freetext);
    }

    /** Early morning: at 05:00 a series taken at 16:00 is yesterday afternoon's, sent with its date, not refused as to come. */
    @Test
    void earlyInTheMorningASeriesOfYesterdayAfternoonIsYesterdays() throws Exception {
        String freetext = seriesSent(Instant.parse("2026-12-07T04:00:00Z"), "05:00", java.time.Duration.ZERO, model -> {
            model.seriesTime().valueProperty().set("06:00");
            assertEquals("Heure à venir (il est 05:00)", model.seriesTime().errorProperty().get());
        }, "16:00");
        assertTrue(freetext.contains("prises le 06/12/2026 16:00"), freetext);
    }

    /** A series stamped at 09:00 and restored at 22:00 (the tablet restarted): its time is its own, not one to come. */
    @Test
    void aSeriesRestoredHoursAfterItsStampKeepsItsTime() throws Exception {
        clock.advance(java.time.Duration.between(clock.instant(), Instant.parse("2026-12-06T08:00:00Z")));
        TabletSettings settings = Tablets.settings(dir);
        TabletCore core = Tablets.core(settings, clock);
        try {
            open(core, settings).input("bilan.heartRate").valueProperty().set("64");
            clock.advance(java.time.Duration.ofHours(13));
            BilanViewModel again = open(core, settings);
            assertEquals("09:00", again.seriesTime().valueProperty().get());
            assertEquals("", again.seriesTime().errorProperty().get());
            again.finalReportProperty().set(false);
            assertTrue(again.send(), "nothing blocks it");
            String freetext = lastSent(core).findValue("evaluation").toString();
            assertTrue(freetext.contains("prises le 06/12/2026 09:00"), freetext);
        } finally {
            core.close();
        }
    }

    /**
     * A series whose first value is written at {@code written} (stamped {@code stamped}, Paris time), its time typed
     * {@code typed} {@code later} (after {@code before} has looked at the model): the evaluation it is sent with.
     */
    private String seriesSent(Instant written, String stamped, java.time.Duration later,
                              java.util.function.Consumer<BilanViewModel> before, String typed) throws Exception {
        clock.advance(java.time.Duration.between(clock.instant(), written));
        TabletSettings settings = Tablets.settings(dir);
        TabletCore core = Tablets.core(settings, clock);
        try {
            BilanViewModel model = open(core, settings);
            model.input("bilan.heartRate").valueProperty().set("64");
            assertEquals(stamped, model.seriesTime().valueProperty().get());
            clock.advance(later);
            before.accept(model);
            model.seriesTime().valueProperty().set(typed);
            assertEquals("", model.seriesTime().errorProperty().get(), typed);
            model.finalReportProperty().set(false);
            assertTrue(model.send());
            return lastSent(core).findValue("evaluation").toString();
        } finally {
            core.close();
        }
    }

    @Test
    void eachPatientHasHerOwnBilanWithTheIdentityTheCaseGivesAndNoNameMadeUp() throws Exception {
        onBilan((model, core, settings) -> {
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
        });
    }

    @Test
    void whileTheChosenPatientsDraftIsReadTheBilanSaysItIsLoadingAndWhatListensThenReadsThatPatient() throws Exception {
        TabletSettings settings = Tablets.settings(dir);
        TabletCore core = Tablets.core(settings, clock);
        try {
            java.util.List<Runnable> reads = new java.util.ArrayList<>(); // the store's thread, run when the test says
            BilanViewModel model = new BilanViewModel(core, new org.opensmur.app.ui.Background(reads::add, Runnable::run), settings,
                    Labels.french(), clock);
            model.open(view, Tablets.LRM);
            model.choose(PATIENT);
            assertTrue(model.loadingProperty().get(), "the draft is being read");
            while (!reads.isEmpty()) {
                reads.remove(0).run();
            }
            assertFalse(model.loadingProperty().get());
            model.input("bilan.diagnosis").valueProperty().set("I21");
            var found = new org.opensmur.app.patient.PatientsViewModel.Patient("fr.health.samu440.DRFR154402413800236.patient.smur1", -1,
                    null, null, null, null, null, null, "enfant");
            java.util.List<String> readWhenLoaded = new java.util.ArrayList<>();
            model.loadingProperty().addListener((o, was, is) -> {
                if (!is) {
                    readWhenLoaded.add(model.diagnosisForRpis());
                }
            });
            model.choose(found);
            assertTrue(model.loadingProperty().get(), "the second victim's draft is being read");
            assertFalse(model.validProperty().get(), "nothing leaves meanwhile: the screen still shows the first victim's bilan");
            assertFalse(model.send());
            while (!reads.isEmpty()) {
                reads.remove(0).run();
            }
            assertEquals(java.util.List.of(""), readWhenLoaded, "the second victim's bilan, not the first one's diagnosis");
        } finally {
            core.close();
        }
    }

    @Test
    void anIntermediateBilanLeavesWithoutADiagnosisAndTheFinalOneNeedsIt() throws Exception {
        onBilan((model, core, settings) -> {
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
        });
    }

    @Test
    void aRateThatVariedAndASystolicAloneAreWhatPhysiciansWriteAndAreAccepted() throws Exception {
        onBilan((model, core, settings) -> {
            var heart = model.input("bilan.heartRate");
            heart.valueProperty().set("80-110");
            assertEquals("", heart.errorProperty().get(), "a span, each end plausible");
            heart.valueProperty().set("110-80");
            assertEquals("Attendu entre 0 et 300 /min", heart.errorProperty().get(), "a span runs upwards");
            heart.valueProperty().set("80-400");
            assertEquals("Attendu entre 0 et 300 /min", heart.errorProperty().get());
            var pressure = model.input("bilan.bloodPressure");
            pressure.valueProperty().set("110");
            assertEquals("", pressure.errorProperty().get(), "the systolic alone, taken by palpation");
            pressure.valueProperty().set("400");
            assertTrue(pressure.errorProperty().get().startsWith("Attendu : systolique 0–300"), pressure.errorProperty().get());
            pressure.valueProperty().set("80-110");
            assertEquals("", pressure.errorProperty().get(), "a span of the systolic, as the README says");
            pressure.valueProperty().set("80-400");
            assertTrue(pressure.errorProperty().get().startsWith("Attendu : systolique 0–300"), "each end checked: "
                    + pressure.errorProperty().get());
        });
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

    /** The tablet of the test on the vhost of {@code line}: model 2.0 on 15-smur_v1.6, model 3 on 15-smur_v1.7. */
    private TabletSettings settingsOn(ModelLine line) {
        return Tablets.settingsOn(line, dir.resolve(line.name()));
    }

    /** The vital types the official RS-BPV schema of {@code line} enumerates. */
    private static java.util.Set<String> officialVitalTypes(ModelLine line) throws Exception {
        var schema = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                SharedCorpus.root(line).resolve("schemas").resolve("RS-BPV.schema.json").toFile());
        java.util.Set<String> codes = new java.util.TreeSet<>();
        schema.at("/definitions/vital/properties/type/enum").forEach(c -> codes.add(c.asText()));
        assertFalse(codes.isEmpty(), "the schema names its vitals");
        return codes;
    }

    /** The last RS-BPV queued, whole as it leaves, and what the official schemas of {@code line} say of it. */
    private static com.fasterxml.jackson.databind.JsonNode lastSent(TabletCore core) throws Exception {
        var queued = core.store().outbox().list(Tablets.CASE, 10); // newest first
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(core.store().outbox().body(queued.get(0).distributionId()));
    }

    private static java.util.List<String> officialErrors(ModelLine line, com.fasterxml.jackson.databind.JsonNode message) {
        return org.opensmur.hubsim.dispatch.OfficialSchemas.load(SharedCorpus.root(line).resolve("schemas")).errors(message);
    }

    private static com.fasterxml.jackson.databind.JsonNode parameter(com.fasterxml.jackson.databind.JsonNode message, String type) {
        for (var p : message.findValue("evaluation").get("parameter")) {
            if (p.get("type").asText().equals(type)) {
                return p;
            }
        }
        throw new AssertionError("no " + type + " in " + message.findValue("evaluation"));
    }

    @ParameterizedTest
    @MethodSource("lines")
    void everyVitalOfTheLinesSchemaIsEnteredAsTheClinicWritesItAndTheOfficialSchemaAcceptsTheBilan(ModelLine line) throws Exception {
        onBilan(settingsOn(line), (model, core, settings) -> {
            java.util.Set<String> onScreen = new java.util.TreeSet<>();
            model.inputs().stream().filter(i -> i.sign() != null).forEach(i -> onScreen.add(i.sign().code()));
            assertEquals(officialVitalTypes(line), onScreen, "one field per parameter.type of the model line");
            assertTrue(model.input("bilan.heartRate").numeric() && !model.input("bilan.diagnosis").numeric(), "vitals take a numeric keypad");

            // As the official examples and the clinic write them: a span, a unit after the number, words.
            java.util.Map<String, String> typed = new java.util.LinkedHashMap<>();
            typed.put("bilan.heartRate", "110-120");
            typed.put("bilan.bloodPressure", "90/50");
            typed.put("bilan.spo2", "imprenable");
            typed.put("bilan.respiratoryRate", "12/mn");
            typed.put("bilan.temperature", "34,5");
            typed.put("bilan.glucose", "HI");
            typed.forEach((key, value) -> model.input(key).valueProperty().set(value));
            model.input("bilan.spo2").precisionProperty().set("sous O2 15 L/min");
            model.glasgowParts().get(0).valueProperty().set("2");
            model.glasgowParts().get(1).valueProperty().set("3");
            model.glasgowParts().get(2).valueProperty().set("5");
            model.input("bilan.diagnosis").valueProperty().set("T58");
            assertEquals("", model.blockedProperty().get());
            assertTrue(model.send());

            var message = lastSent(core);
            assertEquals(java.util.List.of(), officialErrors(line, message), message.toString());
            assertEquals("110-120", parameter(message, "FREQUENCE_CARDIAQUE").get("value").asText());
            assertEquals("12/mn", parameter(message, "FREQUENCE_RESPIRATOIRE").get("value").asText());
            assertEquals("imprenable", parameter(message, "SATURATION_OXYGENE").get("value").asText());
            assertEquals("34.5", parameter(message, "TEMPERATURE").get("value").asText());
            assertEquals("HI", parameter(message, "HEMOGLOCOTEST").get("value").asText());
            assertEquals("10", parameter(message, "GLASGOW").get("value").asText(), "E2 + V3 + M5");
            var freetext = message.findValue("evaluation").path("freetext").toString();
            if (line == ModelLine.CURRENT) {
                assertEquals("sous O2 15 L/min", parameter(message, "SATURATION_OXYGENE").get("precision").asText());
                assertEquals("E2 V3 M5", parameter(message, "GLASGOW").get("precision").asText());
            } else { // model 2.0 has no precision: said in the free text, not lost
                assertFalse(parameter(message, "SATURATION_OXYGENE").has("precision"));
                assertTrue(freetext.contains("Saturation en oxygène : sous O2 15 L/min"), freetext);
                assertTrue(freetext.contains("Score de Glasgow : E2 V3 M5"), freetext);
            }
        });
    }

    static java.util.stream.Stream<ModelLine> lines() {
        return java.util.stream.Stream.of(ModelLine.CURRENT, ModelLine.V2);
    }

    @Test
    void theReadingsOfAnArrestADeepHypothermiaOrAMeterPastItsScaleAreAcceptedTypingSlipsAreNot() throws Exception {
        onBilan((model, core, settings) -> {
            java.util.Map<String, java.util.List<String>> accepted = java.util.Map.of(
                    "bilan.heartRate", java.util.List.of("0", "35", "220/min", "Imprenable"),
                    "bilan.bloodPressure", java.util.List.of("0", "0/0", "45/30", "280/140 mmHg", "imprenable"),
                    "bilan.spo2", java.util.List.of("0", "42", "100 %", "imprenable"),
                    "bilan.respiratoryRate", java.util.List.of("0", "6", "12/mn", "70"),
                    "bilan.temperature", java.util.List.of("18", "28,4", "41.2 °C", "LO", "HI"),
                    "bilan.glucose", java.util.List.of("0.1", "6.5", "12 g/L", "HI", "lo"),
                    "bilan.glasgow", java.util.List.of("3", "15", "imprenable"));
            accepted.forEach((key, values) -> values.forEach(v -> {
                model.input(key).valueProperty().set(v);
                assertEquals("", model.input(key).errorProperty().get(), key + " " + v);
            }));
            java.util.Map<String, java.util.List<String>> refused = java.util.Map.of(
                    "bilan.heartRate", java.util.List.of("3000", "-5", "HI", "rapide"),
                    "bilan.bloodPressure", java.util.List.of("80/120", "400/80", "LO"),
                    "bilan.spo2", java.util.List.of("101", "960"),
                    "bilan.respiratoryRate", java.util.List.of("120"),
                    "bilan.temperature", java.util.List.of("4", "375"),
                    "bilan.glucose", java.util.List.of("65"),
                    "bilan.glasgow", java.util.List.of("2", "16", "HI"));
            refused.forEach((key, values) -> values.forEach(v -> {
                model.input(key).valueProperty().set(v);
                assertFalse(model.input(key).errorProperty().get().isEmpty(), key + " " + v + " is a typing slip");
            }));
        });
    }

    @Test
    void glasgowIsScoredAsEyesVerbalAndMotorAndItsTotalIsTheirSum() throws Exception {
        onBilan((model, core, settings) -> {
            var total = model.input("bilan.glasgow");
            var parts = model.glasgowParts();
            parts.get(0).valueProperty().set("1");
            assertEquals("Cotez E, V et M, ou le total seul", total.errorProperty().get(), "a part scored alone is not dropped unsaid");
            assertFalse(model.validProperty().get());
            parts.get(1).valueProperty().set("1");
            parts.get(2).valueProperty().set("4");
            assertEquals("6", total.valueProperty().get());
            assertEquals("", total.errorProperty().get());
            total.valueProperty().set("9");
            assertEquals("E + V + M = 6", total.errorProperty().get(), "a total that is not the sum is refused");
            parts.get(0).valueProperty().set("5");
            assertEquals("Attendu entre 1 et 4", parts.get(0).errorProperty().get(), "eyes score 1 to 4");
            assertTrue(model.blockedProperty().get().contains("Glasgow E"), model.blockedProperty().get());
            parts.get(0).valueProperty().set("4");
            assertEquals("9", total.valueProperty().get());
            parts.forEach(p -> p.valueProperty().set(""));
            total.valueProperty().set("12");
            assertEquals("", total.errorProperty().get(), "the total alone, when E, V and M were not scored");

            parts.get(0).valueProperty().set("3");
            parts.get(1).valueProperty().set("4");
            parts.get(2).valueProperty().set("6");
            model.input("bilan.diagnosis").valueProperty().set("S06");
            BilanViewModel again = open(core, settings); // what a restart reads back
            assertEquals("3", again.glasgowParts().get(0).valueProperty().get());
            assertEquals("13", again.input("bilan.glasgow").valueProperty().get());
            assertEquals("", again.input("bilan.glasgow").errorProperty().get(), "read back whole: its parts and their sum agree");
        });
    }

    @ParameterizedTest
    @MethodSource("lines")
    void anUnknownPatientIsOneTapWithSexAndEstimatedAgeAcceptedByTheHubAndCompletedLater(ModelLine line) throws Exception {
        onBilan(settingsOn(line), (model, core, settings) -> {
            model.choose(new org.opensmur.app.patient.PatientsViewModel.Patient( // found on scene: nothing known
                    "fr.health.samu440.DRFR154402414300123.patient.smur1", -1, null, null, null, null, null, null, "homme au sol"));
            model.finalReportProperty().set(false);
            assertFalse(model.validProperty().get(), "names required while the identity is said to be known");
            model.unknownProperty().set(true); // one tap
            model.sexProperty().set("M");
            model.input("bilan.age").valueProperty().set("60");
            model.input("bilan.heartRate").valueProperty().set("0");
            assertEquals("", model.blockedProperty().get());
            assertTrue(model.send());
            var sent = lastSent(core);
            assertEquals(java.util.List.of(), officialErrors(line, sent), sent.toString());
            var who = sent.findValue("patient");
            assertEquals("INCONNU", who.get("lastName").asText(), "the gap named, no name made up");
            assertEquals("INCONNU", who.get("firstName").asText());
            assertEquals("M", who.get("sex").asText());
            assertEquals("60", who.get("age").asText());
            assertTrue(sent.findValue("evaluation").get("freetext").toString().contains("Identité du patient inconnue ; âge estimé : 60 ans"),
                    sent.findValue("evaluation").toString());

            // Identity found (papers in a pocket): the names written, the next bilan about the same patient says it.
            model.input("bilan.lastName").valueProperty().set("MARTIN");
            model.input("bilan.firstName").valueProperty().set("Paul");
            assertFalse(model.unknownProperty().get(), "known now");
            model.input("bilan.diagnosis").valueProperty().set("I46");
            model.finalReportProperty().set(true);
            assertTrue(model.send());
            var completed = lastSent(core);
            assertEquals(java.util.List.of(), officialErrors(line, completed), completed.toString());
            assertEquals(who.get("patientId"), completed.findValue("patient").get("patientId"), "the same patient, completed");
            assertEquals("MARTIN", completed.findValue("patient").get("lastName").asText());
            assertFalse(completed.findValue("evaluation").path("freetext").toString().contains("inconnue"));
        });
    }

    /**
     * A victim of a many-victim event known by the SINUS number on their tag: the kind picked, the number typed, both
     * reach the RS-BPV; a number without its kind is not sent (it would mean nothing to the SAMU), it is said.
     */
    @Test
    void aPatientsSinusNumberGoesWithItsKindAndANumberAloneIsSaid() throws Exception {
        onBilan((model, core, settings) -> {
            model.input("bilan.diagnosis").valueProperty().set("T07");
            model.input("bilan.externalId").valueProperty().set("SINUS-44-000123");
            assertEquals("Choisir son type (SINUS, dossard...)", model.input("bilan.externalId").errorProperty().get());
            assertFalse(model.validProperty().get(), "a number alone is not sent");
            model.input("bilan.externalSource").valueProperty().set("SINUS");
            assertEquals("", model.input("bilan.externalId").errorProperty().get(), "judged again with its kind");
            assertTrue(model.send(), model.blockedProperty().get());
            var queued = core.store().outbox().list(Tablets.CASE, 10);
            InterventionReport report = (InterventionReport) new HubCodec().decode(core.store().outbox().body(queued.get(0).distributionId()))
                    .envelope().payload();
            assertEquals(List.of(new org.opensmur.core.mission.PatientExternalId(org.opensmur.core.mission.PatientIdSource.SINUS, "SINUS-44-000123")),
                    report.patient().externalId());
        });
    }

    /** The keypad's day, month and year that make no real past date are said, never dropped without a word. */
    @Test
    void aBirthDateThatIsNoRealPastDateIsSaid() throws Exception {
        onBilan((model, core, settings) -> {
            for (String wrong : new String[] {"1968-02-31", "2999-01-01", "68-04-12"}) {
                model.input("bilan.birthDate").valueProperty().set(wrong);
                assertEquals("Une date réelle et passée (jour, mois, année)", model.input("bilan.birthDate").errorProperty().get(), wrong);
                assertFalse(model.validProperty().get(), wrong + " holds the bilan back");
            }
            model.input("bilan.birthDate").valueProperty().set("1968-04-12");
            assertEquals("", model.input("bilan.birthDate").errorProperty().get());
        });
    }
}
