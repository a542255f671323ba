package org.opensmur.app.rpis;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.opensmur.app.settings.TabletSettings;
import org.opensmur.app.ui.Background;
import org.opensmur.app.ui.CodePickerModel;
import org.opensmur.core.nomenclature.NomenclatureFolder;
import org.opensmur.core.nomenclature.NomenclatureList;
import org.opensmur.app.ui.Labels;
import org.opensmur.core.mission.HealthMotive;
import org.opensmur.core.mission.MedicalLevel;
import org.opensmur.core.mission.OperatorRole;
import org.opensmur.core.mission.Sex;
import org.opensmur.core.shift.ShiftSetup;
import org.opensmur.core.mission.WhatsHappen;
import org.opensmur.core.time.TimeOfDay;
import org.opensmur.core.rpis.Rpis;
import org.opensmur.core.rpis.RpisIntervention;
import org.opensmur.core.rpis.RpisTeam;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.tablet.CaseView;
import org.opensmur.core.tablet.OutboxEntry;
import org.opensmur.tablet.rpis.RpisPrefill;
import org.opensmur.tablet.TabletCore;

/**
 * The RPIS record prefilled from the case, the status times and the bilan's diagnosis; what none of them
 * says is an empty field named as missing, which the crew fills in (nothing is made up). The record leaves
 * (RS-RPIS to the ORU, and to the LRM where configured) only once nothing required is missing.
 */
public final class RpisViewModel {

    /** The intervention's times, as the taps give them (HH:MM, editable when a status was not tapped). */
    private static final List<String> TIMES = List.of("departSmur", "arrivedSmur", "departLocation", "arrivedDestination",
            "teamAvailable", "returnSmur");

    /** How the crew states a value: a searchable picker, yes/no, a time or a date on the keypad; hidden ones follow another. */
    public enum Kind { PICK, CHOICE, TIME, DATE, TEXT, HIDDEN }

    /**
     * One value the crew may state; {@code choices}: the yes/no codes of a {@link Kind#CHOICE}; {@code picker}: the
     * picker of a {@link Kind#PICK}, its value the field's.
     */
    public record Field(String key, Kind kind, List<String> choices, StringProperty value, CodePickerModel picker) {
    }

    private final TabletCore core;
    private final TabletSettings settings;
    private final Labels labels;
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty missing = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final javafx.beans.property.BooleanProperty ready = new javafx.beans.property.SimpleBooleanProperty(false);
    private Rpis prefilled;
    private String sentId;

    private final Background background;
    private final NomenclatureFolder lists;
    /**
     * The crew's wall clock: times are shown and typed in the tablet's zone, whatever offset a tap or the SAMU's case
     * carries (a decision sent at +00:00, a tap before the spring night and a time typed after it).
     */
    private final java.time.ZoneId zone;

    public RpisViewModel(TabletCore core, Background background, TabletSettings settings, Labels labels) {
        this(core, background, settings, labels, new NomenclatureFolder(settings.nomenclatureFolder()));
    }

    public RpisViewModel(TabletCore core, Background background, TabletSettings settings, Labels labels, NomenclatureFolder lists) {
        this.core = core;
        this.background = background;
        this.settings = settings;
        this.labels = labels;
        this.lists = lists;
        this.zone = core.clock().getZone();
        List<String> yesNo = List.of("true", "false");
        String model = labels.get("list.source.model");
        pick("whatsHappenCode", NomenclatureList.FAIT);
        field("whatsHappenLabel", Kind.HIDDEN, List.of(), null);
        pick("healthMotiveCode", NomenclatureList.MOTIF);
        field("healthMotiveLabel", Kind.HIDDEN, List.of(), null);
        field("medicalLevel", Kind.PICK, List.of(), CodePickerModel.fixed("medicalLevel",
                core.line().constants(MedicalLevel.class).stream().map(MedicalLevel::code).toList(),
                code -> labels.code("rpis.medicalLevel", code), model, background, labels));
        field("birthDate", Kind.DATE, List.of(), null);
        field("sex", Kind.PICK, List.of(), CodePickerModel.fixed("sex", Arrays.stream(Sex.values()).map(Sex::code).toList(),
                code -> labels.code("rpis.sex", code), model, background, labels));
        field("teamDoctor", Kind.CHOICE, yesNo, null);
        field("teamNurse", Kind.CHOICE, yesNo, null);
        field("teamDriver", Kind.CHOICE, yesNo, null);
        field("decisionTime", Kind.TIME, List.of(), null);
        pick("insee", NomenclatureList.COMMUNE);
        field("inseeCity", Kind.TEXT, List.of(), null); // the place's town name: the case's, the list's when picked, else typed
        pick("diagnosis", NomenclatureList.DIAGNOSTIC);
        pick("orientationType", NomenclatureList.DEVENIR);
        pick("locationType", NomenclatureList.LIEU);
        field("destinationCountry", Kind.PICK, List.of(), CodePickerModel.fixed("country",
                countries(labels), code -> new java.util.Locale("", code).getDisplayCountry(labels.locale()), model, background, labels));
        pick("destinationCategory", NomenclatureList.CATEGORIE_ETABLISSEMENT);
        pick("healthcareType", NomenclatureList.ACTIVITE);
        pick("destinationFiness", NomenclatureList.FINESS);
        for (String time : TIMES) {
            field(time, Kind.TIME, List.of(), null);
        }
        // Where the patient lives (the town from the list: its name goes with its code), the health facility the
        // intervention took place in (when it did), and how the patient was transported (decision: all three or none).
        pick("residenceInsee", NomenclatureList.COMMUNE);
        field("residenceCity", Kind.TEXT, List.of(), null); // its name: from the list when picked there, else typed
        pick("locationFiness", NomenclatureList.FINESS);
        field("locationService", Kind.TEXT, List.of(), null);
        pick("transportResourceType", NomenclatureList.TYPE_RESSOURCE);
        pick("transportVehicleType", NomenclatureList.TYPE_VECTEUR);
        field("transportMedicalLevel", Kind.PICK, List.of(), CodePickerModel.fixed("medicalLevel",
                core.line().constants(MedicalLevel.class).stream().map(MedicalLevel::code).toList(),
                code -> labels.code("rpis.medicalLevel", code), model, background, labels));
        // a motive picked from the list carries the list's label with its code
        fields.get("whatsHappenCode").picker().onChosen(code -> fields.get("whatsHappenCode").picker().entry(code)
                .ifPresent(e -> fields.get("whatsHappenLabel").value().set(e.label())));
        fields.get("healthMotiveCode").picker().onChosen(code -> fields.get("healthMotiveCode").picker().entry(code)
                .ifPresent(e -> fields.get("healthMotiveLabel").value().set(e.label())));
        // a code the case gave that the installed list lacks (or no list): shown with the case's label, not bare
        for (String coded : List.of("whatsHappen", "healthMotive")) {
            CodePickerModel picker = fields.get(coded + "Code").picker();
            StringProperty label = fields.get(coded + "Label").value();
            picker.wordsOutsideTheList(code -> label.get());
            label.addListener((o, was, is) -> picker.refresh());
        }
        // the town's INSEE code as the case gives it, with the town's name the case gives
        fields.get("insee").picker().wordsOutsideTheList(code -> prefilled != null
                && code.equals(prefilled.intervention().location().detailedAddress().inseeCode())
                ? prefilled.intervention().location().detailedAddress().city() : null);
        for (String[] town : new String[][] {{"residenceInsee", "residenceCity"}, {"insee", "inseeCity"}}) {
            // a town picked from the list brings its name; another code typed clears the name it had (never a stale one)
            fields.get(town[0]).picker().onChosen(code -> fields.get(town[1]).value().set(
                    fields.get(town[0]).picker().entry(code).map(org.opensmur.core.nomenclature.Nomenclature.Entry::label).orElse("")));
            fields.get(town[0]).value().addListener((o, was, is) -> {
                if (is == null || is.isBlank()) {
                    fields.get(town[1]).value().set("");
                }
            });
        }
        fields.values().forEach(f -> f.value().addListener((o, was, is) -> {
            refreshMissing();
            saveAnswers();
        }));
        refreshMissing();
    }

    /** The model's ISO 3166 codes, France first, then by their names in the screen's language. */
    private static List<String> countries(Labels labels) {
        java.text.Collator order = java.text.Collator.getInstance(labels.locale());
        return org.opensmur.core.hub.model.CodeList.COUNTRY.codes().stream()
                .sorted(java.util.Comparator.comparing((String c) -> !c.equals("FR"))
                        .thenComparing(c -> new java.util.Locale("", c).getDisplayCountry(labels.locale()), order)).toList();
    }

    private void pick(String key, NomenclatureList list) {
        field(key, Kind.PICK, List.of(), CodePickerModel.installed(list, lists, background, labels));
    }

    private void field(String key, Kind kind, List<String> choices, CodePickerModel picker) {
        StringProperty value = new SimpleStringProperty("");
        if (picker != null) {
            picker.valueProperty().bindBidirectional(value);
        }
        fields.put(key, new Field(key, kind, choices, value, picker));
    }

    /** Reads the installed lists again (the RPIS screen shown: a list installed meanwhile is there). */
    public void reloadLists() {
        fields.values().stream().filter(f -> f.picker() != null).forEach(f -> f.picker().load());
    }

    /** What the bilan says of the patient, typed there once: the diagnosis, the birth date (ISO), the sex (a model code). */
    public record FromBilan(String diagnosis, String birthDate, String sex, List<String> associated, List<String> procedures) {
        public FromBilan(String diagnosis, String birthDate, String sex) {
            this(diagnosis, birthDate, sex, List.of(), List.of());
        }

        public FromBilan(String diagnosis, String birthDate, String sex, List<String> associated) {
            this(diagnosis, birthDate, sex, associated, List.of());
        }
    }

    public void prefill(CaseView view, Map<ResourceStatus, OffsetDateTime> times, String bilanDiagnosis) {
        prefill(view, times, new FromBilan(bilanDiagnosis, null, null));
    }

    /**
     * Prefills the record of {@code about} (the patient chosen when the prefill was asked): nothing when another patient
     * has been chosen since, whose record it is not.
     */
    public void prefill(CaseView view, Map<ResourceStatus, OffsetDateTime> times, FromBilan bilan,
            org.opensmur.app.patient.PatientsViewModel.Patient about) {
        if (java.util.Objects.equals(about, patient)) {
            prefill(view, times, bilan);
        }
    }

    /** A prefill was asked (the RPIS shown, a patient chosen): until it lands, the record does not hold it. */
    public void prefillAsked() {
        prefilledNow.set(false);
        prefillProblem = null;
        if (prefilled != null) { // said beside the send button, which waits for it
            missing.set(labels.get("rpis.preparing"));
        }
    }

    /**
     * The prefill asked for {@code about} could not be made: the open case could not be read from the store
     * ({@code storeError}; the status bar says what failed), or no mission is open any more. The send button keeps
     * waiting (what is on screen may be another patient's, or the case as it was), and the screen says so and how to
     * try again instead of "being updated" for ever.
     */
    public void prefillFailed(boolean storeError, org.opensmur.app.patient.PatientsViewModel.Patient about) {
        if (!java.util.Objects.equals(about, patient)) {
            return; // asked for a patient no longer on screen: the prefill asked since for this one says its own outcome
        }
        prefilledNow.set(false);
        prefillProblem = storeError ? "rpis.prefillFailed" : "rpis.noCase";
        missing.set(labels.get(prefillProblem));
    }

    /** Why the last prefill asked did not land (a label's key), or null while it is on its way or has landed. */
    private String prefillProblem;

    /**
     * Whether the record on screen holds its latest prefill (from the case, the taps and the bilan) for the patient on
     * screen: false from the moment one is asked until it lands.
     */
    public javafx.beans.property.ReadOnlyBooleanProperty prefilledProperty() {
        return prefilledNow.getReadOnlyProperty();
    }

    private final javafx.beans.property.ReadOnlyBooleanWrapper prefilledNow = new javafx.beans.property.ReadOnlyBooleanWrapper(false);

    public void prefill(CaseView view, Map<ResourceStatus, OffsetDateTime> times, FromBilan bilan) {
        prefillProblem = null; // this one lands
        String bilanDiagnosis = bilan.diagnosis();
        reloadLists(); // a list installed since the screen was made is used (read in the background, once changed)
        ShiftSetup on = shift.get();
        RpisPrefill.Unit unit = settings.unit();
        if (on != null) { // the unit as the shift set-up names it, the settings' where it is silent
            unit = new RpisPrefill.Unit(unit.orgId(), or(on.finessGeo(), unit.finessGeo()), or(on.finessLegal(), unit.finessJuridical()),
                    or(on.structure(), unit.smurCode()));
        }
        prefilled = RpisPrefill.from(view, times, bilanDiagnosis, unit, patient == null ? 0 : patient.fromCase(),
                patient == null ? null : patient.patientId());
        if (bilan.associated() != null && !bilan.associated().isEmpty()) {
            // the bilan's associated diagnoses: RS-RPIS has one text for them on both lines
            RpisIntervention i = prefilled.intervention();
            prefilled = new Rpis(prefilled.context(), prefilled.regulation(), prefilled.patient(), new RpisIntervention(i.location(),
                    i.team(), i.smurStatus(), i.procedure(), i.mainDiagnosis(), String.join(", ", bilan.associated())), prefilled.orientation());
        }
        if (bilan.procedures() != null && !bilan.procedures().isEmpty()) {
            // the acts of the bilan (one entry each: the SMUR's code, else its words), for this patient
            RpisIntervention i = prefilled.intervention();
            prefilled = new Rpis(prefilled.context(), prefilled.regulation(), prefilled.patient(), new RpisIntervention(i.location(),
                    i.team(), i.smurStatus(), List.copyOf(bilan.procedures()), i.mainDiagnosis(), i.associatedDiagnosis()), prefilled.orientation());
        }
        String transportFor = view.caseId() + "/" + prefilled.patient().patientId();
        if (on != null && times.containsKey(ResourceStatus.TRANSP) && on.vehicleType() != null && on.medicalLevel() != null
                && org.opensmur.core.mission.SmurVehicles.carriesAPatient(on.vehicleType()).orElse(false)
                && !transportFor.equals(transportOffered)) { // once per patient: a transport the crew cleared stays cleared
            transportOffered = transportFor;
            // the crew transported the patient: the SMUR, its vehicle and care level, unless the crew says otherwise
            // (only when the shift says both: a transport half said would hold the record back; and only in a vehicle
            // that carries a patient, as the Hub's list says: a VLM's crew rode in another one, which the crew names)
            setIfEmpty("transportResourceType", "SMUR");
            setIfEmpty("transportVehicleType", on.vehicleType());
            setIfEmpty("transportMedicalLevel", on.medicalLevel() == null ? null : on.medicalLevel().code());
        }
        if (on != null) {
            // The care level and who was on board, from the shift set-up: while the mission goes on, a field the crew
            // left alone follows a shift changed since (a nurse joined); once the crew said it ended (RETOUR, REN-BASE,
            // ANNULE), what was offered stays: the next shift's team was not on this mission. What the crew answered
            // here is theirs either way.
            boolean over = times.keySet().stream().anyMatch(org.opensmur.core.rules.StatusFlow::endsMission);
            java.util.function.BiConsumer<String, String> offer = over ? this::setIfEmpty : this::set;
            offer.accept("medicalLevel", on.medicalLevel() == null ? null : on.medicalLevel().code());
            offer.accept("teamDoctor", on.has(OperatorRole.MEDECIN) == null ? null : on.has(OperatorRole.MEDECIN).toString());
            offer.accept("teamNurse", on.has(OperatorRole.INFIRMIER) == null ? null : on.has(OperatorRole.INFIRMIER).toString());
            offer.accept("teamDriver", on.has(OperatorRole.AMBULANCIER) == null ? null : on.has(OperatorRole.AMBULANCIER).toString());
        }
        var r = prefilled.regulation();
        setPair("whatsHappenCode", r.whatsHappen() == null ? null : r.whatsHappen().code(),
                "whatsHappenLabel", r.whatsHappen() == null ? null : r.whatsHappen().label());
        setPair("healthMotiveCode", r.healthMotive() == null ? null : r.healthMotive().code(),
                "healthMotiveLabel", r.healthMotive() == null ? null : r.healthMotive().label());
        // typed once, in the bilan (itself prefilled from the case): not asked again here
        set("birthDate", bilan.birthDate() != null && !bilan.birthDate().isBlank() ? bilan.birthDate() : prefilled.patient().birthDate());
        set("sex", bilan.sex() != null && !bilan.sex().isBlank() ? bilan.sex()
                : prefilled.patient().sex() == null ? null : prefilled.patient().sex().code());
        set("decisionTime", hoursOf(prefilled.context().decisionDate()));
        setPair("insee", prefilled.intervention().location().detailedAddress().inseeCode(),
                "inseeCity", prefilled.intervention().location().detailedAddress().city());
        fields.get("insee").picker().refresh();
        set("diagnosis", prefilled.intervention().mainDiagnosis());
        set("locationType", prefilled.intervention().location().type());
        var taps = prefilled.intervention().smurStatus();
        set("departSmur", hoursOf(taps.departSmur()));
        set("arrivedSmur", hoursOf(taps.arrivedSmur()));
        set("departLocation", hoursOf(taps.departLocation()));
        set("arrivedDestination", hoursOf(taps.arrivedDestination()));
        set("teamAvailable", hoursOf(taps.teamAvailable()));
        set("returnSmur", hoursOf(taps.returnSmur()));
        RpisIntervention i = prefilled.intervention();
        summary.set(labels.format("rpis.summary", r.whatsHappen() == null ? labels.get("rpis.unknownMotive") : r.whatsHappen().label(),
                time(i.smurStatus().departSmur()), time(i.smurStatus().arrivedSmur()), time(i.smurStatus().teamAvailable())));
        message.set("");
        prefilledNow.set(true);
        refreshMissing();
        // the record's own patient id: the case's, else the SMUR's for this victim of the case (never shared by two)
        String key = "rpis:" + view.caseId() + ":" + prefilled.patient().patientId();
        if (!key.equals(answersKey) && !key.equals(readingKey)) {
            answersKey = null; // another record than the one saved so far (a next mission without patients): read it first
            readingKey = key;
            readAnswersBack(key, patient);
        }
    }

    /** The key whose answers are being read back. */
    private String readingKey;

    /**
     * The drafts key of the answers on screen ("rpis:case:patient": the mission's retention erases the drafts that name
     * its case), set once they have been read back: until then nothing is saved, so an empty screen never overwrites them.
     */
    private String answersKey;
    /** Answers waiting to be saved: keystrokes typed meanwhile join them (one commit, always the latest). */
    private final java.util.concurrent.atomic.AtomicReference<Map.Entry<String, Map<String, String>>> unsavedAnswers =
            new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * What the crew typed for {@code about} in this case, put back where the screen still shows the prefill's (or
     * nothing): after the app started again, or when the crew comes back to this patient.
     */
    private void readAnswersBack(String key, org.opensmur.app.patient.PatientsViewModel.Patient about) {
        background.run(() -> core.drafts().load(key).orElse(Map.of()), answers -> {
            if (!key.equals(readingKey) || !java.util.Objects.equals(about, patient)) {
                return; // another record shown meanwhile: its own answers are read for it
            }
            readingKey = null;
            answers.forEach((field, value) -> {
                if (fields.containsKey(field) && follows(field)) { // what the crew typed while they were read stays
                    fields.get(field).value().set(value);
                }
            });
            answersKey = key;
            savedAnswers = Map.entry(key, answers);
            saveAnswers(); // and what was typed while they were read
        }, e -> {
            readingKey = null;
            message.set(labels.problem(e)); // not read back: nothing saved over them either
        });
    }

    /** Saves what the crew typed or corrected (not what the prefill put) for the patient on screen, in the background. */
    private void saveAnswers() {
        if (answersKey == null) {
            return;
        }
        Map<String, String> answers = new LinkedHashMap<>();
        fields.forEach((key, field) -> {
            String value = field.value().get() == null ? "" : field.value().get();
            String offered = prefilledValues.get(key);
            // typed or corrected; or emptied where the prefill or the shift offered something (a transport cleared)
            if (!value.isBlank() ? !value.equals(offered) : offered != null && !offered.isBlank()) {
                answers.put(key, value);
            }
        });
        var now = Map.entry(answersKey, answers);
        if (now.equals(savedAnswers)) {
            return; // a prefill again, a field set to what it showed: nothing of the crew's changed
        }
        if (unsavedAnswers.getAndSet(now) == null) {
            background.run(() -> {
                var waiting = unsavedAnswers.getAndSet(null);
                core.drafts().save(waiting.getKey(), waiting.getValue());
                return waiting;
            }, saved -> savedAnswers = saved, e -> message.set(labels.problem(e))); // typed, not saved: the crew must know
        }
    }

    /** The answers last saved (or read back), by key: the same again is not written again. */
    private Map.Entry<String, Map<String, String>> savedAnswers;

    private java.util.function.Supplier<ShiftSetup> shift = () -> null;
    private org.opensmur.app.patient.PatientsViewModel.Patient patient;
    /** The case and patient the shift's transport was offered for (once: what the crew clears stays cleared). */
    private String transportOffered;

    /** The patient the record is about: what was typed for another patient is not carried over. */
    public void choose(org.opensmur.app.patient.PatientsViewModel.Patient chosen) {
        // the same patient (their identifier names the case: never another mission's), as a case update now describes
        // them: what the crew typed stays
        if (chosen != null && patient != null && chosen.patientId() != null && chosen.patientId().equals(patient.patientId())) {
            patient = chosen;
            return;
        }
        if (!java.util.Objects.equals(chosen, patient)) {
            patient = chosen;
            answersKey = null; // the last patient's are saved; the next one's are read back with their record
            readingKey = null;
            prefilledValues.clear();
            fields.values().forEach(f -> f.value().set(""));
            prefilled = null;
            prefilledNow.set(false);
            prefillProblem = null; // the previous patient's
            sentId = null;
            message.set("");
            loadSent();
        }
    }

    /** The RPIS records already sent about the patient on screen, read-only, with their delivery. */
    private final javafx.collections.ObservableList<String> sent = javafx.collections.FXCollections.observableArrayList();

    public javafx.collections.ObservableList<String> sentProperty() {
        return sent;
    }

    /** Reads again what was sent about the patient on screen (off the UI thread), after a restart too. */
    private void loadSent() {
        var about = patient;
        if (about == null || about.patientId() == null) {
            sent.clear();
            return;
        }
        background.run(() -> core.sent().rpis(about.patientId())
                .stream().map(one -> labels.format("rpis.sent.line", org.opensmur.app.ui.Labels.time(
                        one.entry().enqueuedAt().atZone(java.time.ZoneId.systemDefault())), labels.delivery(one.entry().state()))).toList(),
                lines -> {
                    if (java.util.Objects.equals(about, patient)) {
                        sent.setAll(lines);
                    }
                }, e -> message.set(labels.get("storage.OTHER")));
    }

    /** The shift set-up the unit, the care level and the team come from. */
    public void shiftFrom(java.util.function.Supplier<ShiftSetup> source) {
        this.shift = source;
    }

    /** A value of the shift set-up where the field is empty: offered, not the crew's (a correction of it is). */
    private void setIfEmpty(String key, String value) {
        if (value != null && fields.get(key).value().get().isBlank()) {
            put(key, value);
        }
    }

    private static String or(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }

    /**
     * A value of the prefill: shown in a field that is empty or still shows the previous prefill's value, so that a case
     * update or the taps refresh what the crew left alone (a value the prefill no longer has is taken back: a tap undone);
     * a field the crew typed or corrected keeps what they said (each visit of the screen prefills again).
     */
    private void set(String key, String value) {
        if (follows(key)) {
            put(key, value);
        }
    }

    /**
     * A code and its words, as one: both follow the prefill while both do (never the crew's code with the case's words,
     * nor a town name the crew typed wiped by the case's code).
     */
    private void setPair(String codeKey, String code, String wordsKey, String words) {
        if (follows(codeKey) && follows(wordsKey)) {
            put(codeKey, code);
            put(wordsKey, words);
        } else { // the crew's pair stays; what the prefill says is remembered for the next time
            remember(codeKey, code);
            remember(wordsKey, words);
        }
    }

    /** Whether {@code key} shows nothing or what the last prefill put there. */
    private boolean follows(String key) {
        String shown = fields.get(key).value().get();
        return shown == null || shown.isBlank() || shown.equals(prefilledValues.get(key));
    }

    private void put(String key, String value) {
        remember(key, value);
        fields.get(key).value().set(value == null ? "" : value);
    }

    private void remember(String key, String value) {
        if (value == null) {
            prefilledValues.remove(key);
        } else {
            prefilledValues.put(key, value);
        }
    }

    /** What the last prefill put in each field (for the patient on screen). */
    private final Map<String, String> prefilledValues = new java.util.HashMap<>();

    private static String time(OffsetDateTime t) {
        return t == null ? "—" : Labels.time(t);
    }

    private void refreshMissing() {
        List<String> names = prefilled == null ? List.of()
                : RpisPrefill.missing(stated()).stream().map(path -> labels.get("rpis.missing." + path)).toList();
        ready.set(prefilled != null && names.isEmpty());
        if (!prefilledNow.get() && prefillProblem != null) { // why the send button waits, whatever the crew types meanwhile
            missing.set(labels.get(prefillProblem));
        } else if (prefilled == null) {
            missing.set(labels.get("rpis.noCase"));
        } else if (!prefilledNow.get()) { // a prefill on its way (asked once the screen is shown or a case changed)
            missing.set(labels.get("rpis.preparing"));
        } else {
            missing.set(names.isEmpty() ? "" : labels.format("rpis.missing", String.join(", ", names)));
        }
    }

    /** Whether the record can leave: a mission open and nothing required missing (the send button's state). */
    public javafx.beans.property.ReadOnlyBooleanProperty readyProperty() {
        return ready;
    }

    /** Sends the record to the ORU (and the LRM when configured); false while something is missing or wrong. */
    public boolean send() {
        if (!prefilledNow.get() && prefillProblem != null) { // first: a first prefill that failed leaves no record either
            message.set(labels.get(prefillProblem));
            return false;
        }
        if (prefilled == null || settings.oruId() == null) {
            message.set(labels.get(prefilled == null ? "rpis.noCase" : "rpis.noOru"));
            return false;
        }
        if (!prefilledNow.get()) { // the case or the taps changed: what leaves is the record as they now say it
            message.set(labels.get("rpis.preparing"));
            return false;
        }
        Rpis record = stated();
        List<String> lacking = RpisPrefill.missing(record);
        if (!lacking.isEmpty()) {
            message.set(labels.format("rpis.invalid", String.join(", ", lacking.stream().map(p -> labels.get("rpis.missing." + p)).toList())));
            return false;
        }
        var toOru = core.outgoing().rpis(record, settings.oruId());
        if (!toOru.isValid()) {
            message.set(labels.format("rpis.invalid", toOru.issues().stream().map(i -> i.path()).toList()));
            return false;
        }
        // its own copy, its own id, for the LRM where the region wants one
        ShiftSetup setUp = shift.get(); // the shift set-up says it (switched on a device); the desktop's setting still does
        boolean copyToLrm = settings.rpisToLrm() || (setUp != null && setUp.rpisToLrm());
        var toLrm = copyToLrm && settings.lrmId() != null ? core.outgoing().rpis(record, settings.lrmId()) : null;
        background.run(() -> {
            OutboxEntry entry = core.send(toOru);
            if (toLrm != null) {
                core.send(toLrm);
            }
            return entry;
        }, entry -> {
            sentId = entry.distributionId();
            onDelivery(entry);
        }, e -> message.set(labels.problem(e)));
        return true;
    }

    /**
     * The prefill with what the crew stated in place of what it lacked (the core's rules: what goes together, what
     * is missing); the screen only says which field is which answer.
     */
    private Rpis stated() {
        String whatCode = value("whatsHappenCode");
        String whatLabel = value("whatsHappenLabel");
        String motiveCode = value("healthMotiveCode");
        String motiveLabel = value("healthMotiveLabel");
        String sex = value("sex");
        Boolean doctor = yes(value("teamDoctor"));
        Boolean nurse = yes(value("teamNurse"));
        Boolean driver = yes(value("teamDriver"));
        // the place's town as the screen says it; its code erased, the record keeps the case's code (as the core
        // does for any answer left empty), and the name, erased with it, is asked
        String place = or(value("insee"), prefilled.intervention().location().detailedAddress().inseeCode());
        // a home town from the list without a name typed: the list's name for it
        String home = value("residenceInsee");
        String homeCity = or(value("residenceCity"), home == null ? null : fields.get("residenceInsee").picker().entry(home)
                .map(org.opensmur.core.nomenclature.Nomenclature.Entry::label).orElse(null));
        return RpisPrefill.complete(prefilled, new RpisPrefill.Answers(
                whatCode == null || whatLabel == null ? null : new WhatsHappen(whatCode, whatLabel),
                motiveCode == null || motiveLabel == null ? null : new HealthMotive(motiveCode, motiveLabel),
                level(value("medicalLevel")),
                value("birthDate"),
                sex == null ? null : Arrays.stream(Sex.values()).filter(s -> s.code().equals(sex)).findFirst().orElse(null),
                doctor == null || nurse == null || driver == null ? null : new RpisTeam(doctor, nurse, driver),
                decisionDate(), place, value("diagnosis"), value("orientationType"), value("locationType"),
                new org.opensmur.core.rpis.RpisTimes(typedTime("departSmur", prefilled.intervention().smurStatus().departSmur()),
                        typedTime("arrivedSmur", prefilled.intervention().smurStatus().arrivedSmur()),
                        typedTime("departLocation", prefilled.intervention().smurStatus().departLocation()),
                        typedTime("arrivedDestination", prefilled.intervention().smurStatus().arrivedDestination()),
                        typedTime("teamAvailable", prefilled.intervention().smurStatus().teamAvailable()),
                        typedTime("returnSmur", prefilled.intervention().smurStatus().returnSmur())),
                destination(), value("inseeCity"), value("locationFiness"), value("locationService"),
                new RpisPrefill.Town(home, homeCity),
                new RpisPrefill.Transport(value("transportResourceType"), value("transportVehicleType"), level(value("transportMedicalLevel")))));
    }

    private static MedicalLevel level(String code) {
        return code == null ? null : Arrays.stream(MedicalLevel.values()).filter(m -> m.code().equals(code)).findFirst().orElse(null);
    }

    /**
     * A time the crew typed in place of the tap's ({@code null}: the tap's stays, to the second): the nearest to the
     * tap it corrects; without a tap, the first at or after the departure (a return at 01:30 after a departure at 23:10
     * is the next day's), or after the decision for the departure itself.
     */
    private OffsetDateTime typedTime(String key, OffsetDateTime tapped) {
        String typed = value(key);
        if (typed == null || tapped != null && typed.equals(hoursOf(tapped))) {
            return null;
        }
        LocalTime at = time(typed);
        if (at == null) {
            return null;
        }
        if (tapped != null) {
            return TimeOfDay.nearest(at, tapped, zone);
        }
        OffsetDateTime depart = prefilled.intervention().smurStatus().departSmur();
        OffsetDateTime after = depart != null ? depart : prefilled.context().decisionDate();
        return after == null ? null : TimeOfDay.atOrAfter(at, after, zone);
    }

    /** "HH:mm" of a time, as the screen shows it: on the tablet's clock (null: none). */
    private String hoursOf(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(zone).toLocalTime().withSecond(0).withNano(0).toString();
    }

    /** "HH:mm" as a time of day (put on its day in the tablet's zone, the one the screen shows it in); null when not one. */
    private static LocalTime time(String typed) {
        try {
            return LocalTime.parse(typed);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** Where the patient was taken, when the crew says it (a value left out is named by the record's check). */
    private org.opensmur.core.rpis.RpisDestination destination() {
        String country = value("destinationCountry");
        String category = value("destinationCategory");
        String care = value("healthcareType");
        String finess = value("destinationFiness");
        return country == null && category == null && care == null && finess == null ? null
                : new org.opensmur.core.rpis.RpisDestination(country, category, care, finess);
    }

    /**
     * The decision time: the case's own as it came, to the second, while the crew leaves it as shown; typed, the last
     * at or before the departure (the decision comes first), else the nearest to the case's; null when not typed or not
     * a time.
     */
    private OffsetDateTime decisionDate() {
        String typed = value("decisionTime");
        OffsetDateTime known = prefilled.context().decisionDate();
        if (typed == null || known != null && typed.equals(hoursOf(known))) {
            return typed == null ? null : known;
        }
        LocalTime at = time(typed);
        OffsetDateTime depart = prefilled.intervention().smurStatus().departSmur();
        return at == null ? null : depart != null ? TimeOfDay.atOrBefore(at, depart, zone)
                : known != null ? TimeOfDay.nearest(at, known, zone) : null;
    }

    private static Boolean yes(String value) {
        return value == null ? null : Boolean.valueOf(value);
    }

    private String value(String key) {
        String v = fields.get(key).value().get();
        return v == null || v.isBlank() ? null : v.strip();
    }

    public void onDelivery(OutboxEntry entry) {
        if (entry.distributionId().equals(sentId)) {
            message.set(labels.format("rpis.delivery", labels.delivery(entry.state())));
        }
        if (entry.type() == org.opensmur.core.hub.message.MessageType.RS_RPIS) {
            loadSent();
        }
    }

    public List<Field> fields() {
        return new ArrayList<>(fields.values());
    }

    public StringProperty diagnosisProperty() {
        return fields.get("diagnosis").value();
    }

    public StringProperty inseeCodeProperty() {
        return fields.get("insee").value();
    }

    public StringProperty field(String key) {
        return fields.get(key).value();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    /** What the record still lacks, in words ("Manque : date de naissance, …"); empty when complete. */
    public ReadOnlyStringProperty missingProperty() {
        return missing;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
