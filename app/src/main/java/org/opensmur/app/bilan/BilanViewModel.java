package org.opensmur.app.bilan;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.opensmur.app.settings.TabletSettings;
import org.opensmur.app.ui.Background;
import org.opensmur.app.ui.Labels;
import org.opensmur.core.bilan.Evaluation;
import org.opensmur.core.bilan.InterventionReport;
import org.opensmur.core.bilan.ReportPatient;
import org.opensmur.core.bilan.VitalMeasure;
import org.opensmur.core.bilan.VitalSign;
import org.opensmur.core.mission.Operator;
import org.opensmur.core.mission.OperatorRole;
import org.opensmur.core.mission.Sex;
import org.opensmur.store.cases.CaseStore;
import org.opensmur.store.db.StoreException;
import org.opensmur.store.outbox.OutboxEntry;
import org.opensmur.tablet.TabletCore;

/**
 * The physician's bilan: vitals with units and plausible ranges, history, treatments, procedures,
 * diagnosis, orientation. Each field says what is wrong with it next to it; sending (RS-BPV) is blocked
 * while any field is wrong.
 */
public final class BilanViewModel {

    /** One input with its unit and its own check; {@code error} is empty when the value is acceptable. */
    public static final class Input {
        private final String key;
        private final String unit;
        private final StringProperty value = new SimpleStringProperty("");
        private final StringProperty error = new SimpleStringProperty("");
        /** For a vital: the measurements taken, oldest first, each with its time ("120/80@18:05"); the last is sent. */
        private final javafx.collections.ObservableList<String> measurements = javafx.collections.FXCollections.observableArrayList();
        private final StringProperty taken = new SimpleStringProperty("");
        private boolean numeric;

        Input(String key, String unit, Function<String, String> check) {
            this.key = key;
            this.unit = unit;
            value.addListener((o, was, is) -> error.set(is == null || is.isBlank() ? "" : check.apply(is.strip())));
            measurements.addListener((javafx.collections.ListChangeListener<String>) c -> taken.set(describe()));
        }

        /** Whether the field takes a number (a numeric keypad on devices). */
        public boolean numeric() {
            return numeric;
        }

        /** When the values were measured, newest first, in words ("18:05 ; avant : 130/80 à 18:02"). */
        public ReadOnlyStringProperty takenProperty() {
            return taken;
        }

        public List<String> measurements() {
            return List.copyOf(measurements);
        }

        private String describe() {
            if (measurements.isEmpty()) {
                return "";
            }
            List<String> earlier = new ArrayList<>();
            for (int i = measurements.size() - 2; i >= 0 && earlier.size() < 3; i--) {
                String m = measurements.get(i);
                earlier.add(m.substring(0, m.lastIndexOf('@')) + " (" + m.substring(m.lastIndexOf('@') + 1) + ")");
            }
            String last = measurements.get(measurements.size() - 1);
            return last.substring(last.lastIndexOf('@') + 1) + (earlier.isEmpty() ? "" : " · " + String.join(", ", earlier));
        }

        public String key() {
            return key;
        }

        public String unit() {
            return unit;
        }

        public StringProperty valueProperty() {
            return value;
        }

        public ReadOnlyStringProperty errorProperty() {
            return error;
        }
    }

    private final TabletCore core;
    private final Background background;
    private final TabletSettings settings;
    private final Labels labels;
    private final Clock clock;
    private final Map<String, Input> inputs = new LinkedHashMap<>();
    private final Map<String, VitalSign> vitals = new LinkedHashMap<>();
    private final StringProperty delivery = new SimpleStringProperty("");
    private final BooleanBinding valid;
    private final javafx.beans.binding.StringBinding blocked;
    /** The fields a bilan cannot be sent without; a final bilan also needs the diagnosis ({@link #FINAL_REQUIRED}). */
    public static final java.util.Set<String> REQUIRED = java.util.Set.of("bilan.lastName", "bilan.firstName");
    public static final String FINAL_REQUIRED = "bilan.diagnosis";
    /** An intermediate bilan (sent during the intervention, the draft kept) or the final one (the diagnosis required). */
    private final javafx.beans.property.BooleanProperty finalReport = new javafx.beans.property.SimpleBooleanProperty(true);
    private String caseId;
    private String lrmId;
    private org.opensmur.app.patient.PatientsViewModel.Patient patient;
    private String sentId;
    private boolean restoring;
    /** The latest values not yet saved (null when every keystroke is saved or being saved). */
    private final java.util.concurrent.atomic.AtomicReference<Draft> unsaved = new java.util.concurrent.atomic.AtomicReference<>();

    private record Draft(String key, Map<String, String> values) {
    }

    public BilanViewModel(TabletCore core, Background background, TabletSettings settings, Labels labels, Clock clock) {
        this.core = core;
        this.background = background;
        this.settings = settings;
        this.labels = labels;
        this.clock = clock;
        // The one required field first: above the fold, where a physician sees it before sending.
        add(new Input("bilan.diagnosis", labels.get("bilan.diagnosis.unit"), v -> cim10(v).matches("[A-Z][0-9]{2}(\\.?[0-9A-Z]{1,4})?") ? "" : labels.get("bilan.error.cim10")));
        // Who the bilan is about, as the case names them (the crew completes or corrects; nothing is assumed).
        add(new Input("bilan.lastName", "", v -> ""));
        add(new Input("bilan.firstName", "", v -> ""));
        vital("bilan.heartRate", "/min", VitalSign.HEART_RATE, range(20, 250));
        vital("bilan.bloodPressure", "mmHg", VitalSign.BLOOD_PRESSURE, this::bloodPressure);
        vital("bilan.spo2", "%", VitalSign.OXYGEN_SATURATION, range(50, 100));
        vital("bilan.respiratoryRate", "/min", VitalSign.RESPIRATORY_RATE, range(4, 60));
        vital("bilan.temperature", "°C", VitalSign.TEMPERATURE, range(30, 43));
        vital("bilan.glucose", "g/L", VitalSign.BLOOD_GLUCOSE, range(0.2, 6));
        vital("bilan.glasgow", "", VitalSign.GLASGOW, range(3, 15));
        // The rest of who they are, below the vitals the physician types most.
        add(new Input("bilan.birthName", "", v -> ""));
        Input age = new Input("bilan.age", labels.get("bilan.years"), range(0, 130));
        age.numeric = true;
        add(age);
        add(new Input("bilan.birthDate", "", v -> v.matches("\\d{4}-\\d{2}-\\d{2}") ? "" : labels.get("bilan.error.date")));
        Input height = new Input("bilan.height", "cm", range(30, 250));
        height.numeric = true;
        add(height);
        Input weight = new Input("bilan.weight", "kg", range(1, 350));
        weight.numeric = true;
        add(weight);
        add(new Input("bilan.history", "", v -> ""));
        add(new Input("bilan.treatment", "", v -> ""));
        add(new Input("bilan.procedures", "", v -> ""));
        add(new Input("bilan.orientation", "", v -> ""));
        // Who writes it: the team's physician from the shift set-up, or whoever the crew names.
        add(new Input("bilan.redactor", "", v -> ""));
        valid = Bindings.createBooleanBinding(() -> inputs.values().stream().allMatch(i -> i.error.get().isEmpty())
                        && inputs.keySet().stream().filter(this::required).noneMatch(key -> input(key).value.get().isBlank()),
                java.util.stream.Stream.concat(java.util.stream.Stream.of(finalReport),
                        inputs.values().stream().flatMap(i -> java.util.stream.Stream.of(i.error, i.value))).toArray(javafx.beans.Observable[]::new));
        blocked = Bindings.createStringBinding(this::whyBlocked,
                java.util.stream.Stream.concat(java.util.stream.Stream.of(finalReport),
                        inputs.values().stream().flatMap(i -> java.util.stream.Stream.of(i.error, i.value))).toArray(javafx.beans.Observable[]::new));
        // Saved at every change (encrypted): a restart or a flat battery loses nothing typed.
        inputs.values().forEach(i -> i.value.addListener((o, was, is) -> saveDraft()));
    }

    /** One draft per patient of the mission. */
    private String draftKey() {
        return "bilan:" + caseId + ":" + (patient == null || patient.patientId() == null ? "patient" : patient.patientId());
    }

    private void saveDraft() {
        if (!restoring && caseId != null) {
            Map<String, String> values = new LinkedHashMap<>();
            inputs.forEach((key, input) -> {
                values.put(key, input.value.get());
                if (!input.measurements.isEmpty()) {
                    values.put(key + ".measurements", String.join("\n", input.measurements));
                }
            });
            // Saved in the background; keystrokes typed while a save is waiting join it (one commit for a
            // burst of typing, and always the latest values).
            if (unsaved.getAndSet(new Draft(draftKey(), values)) == null) {
                background.run(() -> {
                    Draft draft = unsaved.getAndSet(null);
                    core.drafts().save(draft.key(), draft.values());
                    return draft;
                }, saved -> { }, e -> delivery.set(e instanceof StoreException store ? labels.storageProblem(store)
                        : labels.get("storage.OTHER"))); // typed, not saved: the crew must know
            }
        }
    }

    private void vital(String key, String unit, VitalSign sign, Function<String, String> check) {
        Input input = new Input(key, unit, check);
        input.numeric = true;
        add(input);
        vitals.put(key, sign);
    }

    /**
     * The crew has finished typing a vital (left the field or pressed enter): an acceptable value different
     * from the last one is a new measurement, taken now. Each is kept with its time; the last one is sent.
     */
    public void measured(String key) {
        Input input = input(key);
        String v = input.value.get() == null ? "" : input.value.get().strip();
        if (!vitals.containsKey(key) || v.isEmpty() || !input.error.get().isEmpty()) {
            return;
        }
        String last = input.measurements.isEmpty() ? null : input.measurements.get(input.measurements.size() - 1);
        if (last != null && last.substring(0, last.lastIndexOf('@')).equals(v)) {
            return;
        }
        input.measurements.add(v + "@" + java.time.LocalTime.now(clock).withNano(0).withSecond(0).toString());
        saveDraft();
    }

    private void add(Input input) {
        inputs.put(input.key, input);
    }

    /** A value in [min, max], or a span of two ("80-110", as a physician notes a rate that varied), each in it. */
    private Function<String, String> range(double min, double max) {
        return v -> {
            String[] ends = v.split("(?<=\\d)\\s*-\\s*(?=\\d)");
            if (ends.length > 2) {
                return labels.get("bilan.error.number");
            }
            try {
                double low = Double.parseDouble(ends[0].strip().replace(',', '.'));
                double high = Double.parseDouble(ends[ends.length - 1].strip().replace(',', '.'));
                return low >= min && high <= max && low <= high ? "" : labels.format("bilan.error.range", fmt(min), fmt(max));
            } catch (NumberFormatException e) {
                return labels.get("bilan.error.number");
            }
        };
    }

    private String bloodPressure(String v) {
        String[] parts = v.split("/");
        java.util.regex.Matcher span = java.util.regex.Pattern.compile("(\\d{2,3})(?:\\s*-\\s*(\\d{2,3}))?").matcher(v.strip());
        if (parts.length == 1 && span.matches()
                && (span.group(2) == null || Integer.parseInt(span.group(1)) <= Integer.parseInt(span.group(2)))) {
            // the systolic alone (taken by palpation), or a span of it ("80-110"), each end checked; a span
            // running downwards ("135-85") is a pressure written with a dash: its format is what is wrong
            return range(50, 260).apply(v.strip()).isEmpty() ? "" : labels.format("bilan.error.pressureRange", 50, 260, 20, 160);
        }
        if (parts.length != 2) {
            return labels.get("bilan.error.pressure");
        }
        // Systolic and diastolic each within what a living adult shows, and the first above the second.
        String sys = range(50, 260).apply(parts[0].strip());
        String dia = range(20, 160).apply(parts[1].strip());
        if (!sys.isEmpty() || !dia.isEmpty()) {
            return labels.format("bilan.error.pressureRange", 50, 260, 20, 160);
        }
        double systolic = Double.parseDouble(parts[0].strip().replace(',', '.'));
        double diastolic = Double.parseDouble(parts[1].strip().replace(',', '.'));
        return systolic - diastolic >= 10 ? "" : labels.get("bilan.error.pressureOrder");
    }

    /** A CIM-10 code as typed ("i21", " I 21 ") in its written form ("I21"). */
    public static String cim10(String typed) {
        return typed == null ? "" : typed.replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT);
    }

    /** Why "send" is disabled, in words (empty when it is not): the missing required fields, then the wrong ones. */
    private String whyBlocked() {
        List<String> missing = inputs.values().stream().filter(i -> required(i.key) && i.value.get().isBlank())
                .map(i -> labels.get(i.key)).toList(); // in the screen's order
        List<String> wrong = inputs.values().stream().filter(i -> !i.error.get().isEmpty()).map(i -> labels.get(i.key)).toList();
        List<String> reasons = new ArrayList<>();
        if (!missing.isEmpty()) {
            reasons.add(labels.format("bilan.blocked.missing", String.join(", ", missing)));
        }
        if (!wrong.isEmpty()) {
            reasons.add(labels.format("bilan.blocked.wrong", String.join(", ", wrong)));
        }
        return reasons.isEmpty() ? "" : labels.get("bilan.blocked") + " " + String.join(" ; ", reasons);
    }

    /** Whether {@code key} must be filled before sending (the diagnosis for a final bilan only). */
    public boolean required(String key) {
        return REQUIRED.contains(key) || finalReport.get() && FINAL_REQUIRED.equals(key);
    }

    /** Final (the default) or intermediate. */
    public javafx.beans.property.BooleanProperty finalReportProperty() {
        return finalReport;
    }

    public javafx.beans.binding.StringBinding blockedProperty() {
        return blocked;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private java.util.function.Supplier<org.opensmur.core.shift.ShiftSetup> shift = () -> null;

    /** The shift set-up the bilan's redactor comes from. */
    public void shiftFrom(java.util.function.Supplier<org.opensmur.core.shift.ShiftSetup> source) {
        this.shift = source;
    }

    /** The bilan's case; the patient is chosen with {@link #choose} (the mission's first until the crew picks another). */
    public void open(CaseStore.CaseView view, String lrmId) {
        this.caseId = view == null ? null : view.caseId();
        this.lrmId = lrmId;
        load();
    }

    /** The patient the bilan is about now: their own draft comes back, their identity as the case gives it. */
    public void choose(org.opensmur.app.patient.PatientsViewModel.Patient chosen) {
        if (java.util.Objects.equals(chosen, patient)) {
            return;
        }
        this.patient = chosen;
        load();
    }

    /** The bilans already sent about the patient on screen, read-only, with their delivery ("10:12:03 · I21 · reçu par le SAMU"). */
    private final javafx.collections.ObservableList<String> sent = javafx.collections.FXCollections.observableArrayList();
    /** The main diagnosis of the last bilan sent about the patient on screen ("" when none gave one). */
    private String lastSentDiagnosis = "";

    /** The bilans sent about the patient on screen, oldest first, as the ledger has them (after a restart too). */
    public javafx.collections.ObservableList<String> sentProperty() {
        return sent;
    }

    /** The diagnosis the RPIS starts from: the one typed here, else the last bilan sent about this patient's. */
    public String diagnosisForRpis() {
        String typed = cim10(input("bilan.diagnosis").value.get());
        return typed.isEmpty() ? lastSentDiagnosis : typed;
    }

    private record Sent(List<String> lines, String lastDiagnosis) {
    }

    /** Reads again what was sent about the patient on screen (off the UI thread). */
    private void loadSent() {
        String opened = caseId;
        var about = patient;
        if (opened == null || about == null) {
            sent.clear();
            lastSentDiagnosis = "";
            return;
        }
        background.run(() -> {
            var records = new org.opensmur.store.outbox.SentRecords(core.store().outbox(), core.outgoing().codec());
            List<String> lines = new ArrayList<>();
            for (var one : records.bilans(opened, about.patientId())) {
                var evaluation = ((InterventionReport) one.payload()).evaluation();
                String diagnosis = evaluation == null || evaluation.mainDiagnosis() == null || evaluation.mainDiagnosis().isBlank()
                        ? labels.get("bilan.sent.noDiagnosis")
                        : evaluation.mainDiagnosis();
                lines.add(labels.format("bilan.sent.line", Labels.time(one.entry().enqueuedAt().atZone(clock.getZone())), diagnosis,
                        labels.delivery(one.entry().state())));
            }
            return new Sent(lines, records.lastDiagnosis(opened, about.patientId()).orElse(""));
        }, read -> {
            if (java.util.Objects.equals(opened, caseId) && java.util.Objects.equals(about, patient)) {
                sent.setAll(read.lines());
                lastSentDiagnosis = read.lastDiagnosis();
            }
        }, e -> delivery.set(e instanceof StoreException store ? labels.storageProblem(store) : labels.get("storage.OTHER")));
    }

    private void load() {
        delivery.set("");
        sentId = null;
        loadSent();
        String opened = caseId;
        var about = patient;
        String key = draftKey();
        background.run(() -> opened == null ? Map.<String, String>of() : core.drafts().load(key).orElse(Map.of()), draft -> {
            if (java.util.Objects.equals(opened, caseId) && java.util.Objects.equals(about, patient)) { // still on screen
                restoring = true;
                try {
                    inputs.forEach((k, input) -> {
                        input.value.set(draft.getOrDefault(k, draft.isEmpty() ? prefill(k, about) : ""));
                        String taken = draft.getOrDefault(k + ".measurements", "");
                        input.measurements.setAll(taken.isEmpty() ? List.of() : List.of(taken.split("\n")));
                    });
                } finally {
                    restoring = false;
                }
            }
        }, e -> delivery.set(e instanceof StoreException store ? labels.storageProblem(store) : labels.get("storage.OTHER")));
    }

    /**
     * What a new bilan starts with: the patient's identity as the case gives it, the redactor from the shift
     * set-up ("" for the rest, and for what they do not say).
     */
    private String prefill(String key, org.opensmur.app.patient.PatientsViewModel.Patient p) {
        if (key.equals("bilan.redactor")) {
            var on = shift.get();
            return on == null ? "" : on.first(OperatorRole.MEDECIN).map(m -> m.name()).orElse("");
        }
        if (p == null) {
            return "";
        }
        String value = switch (key) {
            case "bilan.age" -> p.age() != null && p.age().matches("P\\d+Y") ? p.age().substring(1, p.age().length() - 1) : null;
            case "bilan.lastName" -> p.lastName();
            case "bilan.firstName" -> p.firstName();
            case "bilan.birthName" -> p.birthName();
            case "bilan.birthDate" -> p.birthDate();
            default -> null;
        };
        return value == null ? "" : value;
    }

    /** Sends RS-BPV; false (nothing sent) while a field is wrong or no case is open. */
    public boolean send() {
        if (!valid.get() || caseId == null) {
            return false;
        }
        List<VitalMeasure> measures = new ArrayList<>();
        vitals.forEach((key, sign) -> {
            String v = input(key).value.get().strip();
            if (!v.isEmpty()) {
                measures.add(new VitalMeasure(sign, v.replace(',', '.'), null));
            }
        });
        List<String> procedures = Arrays.stream(input("bilan.procedures").value.get().split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        String orientation = input("bilan.orientation").value.get().strip();
        Evaluation evaluation = new Evaluation(procedures.isEmpty() ? null : procedures, cim10(input("bilan.diagnosis").value.get()), null,
                measures.isEmpty() ? null : measures, blankToNull(input("bilan.history").value.get()),
                blankToNull(input("bilan.treatment").value.get()), orientation.isEmpty() ? null : List.of(orientation));
        String sexCode = patient == null || patient.sex() == null ? "" : patient.sex();
        String caseNumber = caseId.substring(caseId.lastIndexOf('.') + 1);
        ReportPatient who = new ReportPatient(patient != null && patient.patientId() != null ? patient.patientId()
                : settings.unit().orgId() + "." + caseNumber + ".patient.1",
                blankToNull(input("bilan.birthName").value.get()), input("bilan.lastName").value.get().strip(),
                input("bilan.firstName").value.get().strip(), blankToNull(input("bilan.birthDate").value.get()),
                blankToNull(input("bilan.age").value.get()),
                Arrays.stream(Sex.values()).filter(s -> s.code().equals(sexCode)).findFirst().orElse(null), null,
                integer(input("bilan.height").value.get()), integer(input("bilan.weight").value.get()));
        String reportId = "BILAN-" + caseId.substring(caseId.lastIndexOf('.') + 1) + "-" + clock.millis();
        // The redactor is the team's physician as the shift set-up names them.
        String writer = input("bilan.redactor").value.get().strip();
        Operator redactor = new Operator(writer.isEmpty() ? null : writer, OperatorRole.MEDECIN);
        InterventionReport report = new InterventionReport(caseId, reportId, redactor,
                OffsetDateTime.now(clock), who, evaluation);
        var built = core.outgoing().bilan(report, lrmId);
        if (!built.isValid()) {
            delivery.set(labels.format("bilan.invalid", built.issues().stream().map(i -> i.path().substring(i.path().lastIndexOf('.') + 1)).toList()));
            return false;
        }
        String key = draftKey();
        boolean last = finalReport.get();
        background.run(() -> {
            OutboxEntry entry = core.send(built);
            if (last) {
                core.drafts().remove(key); // the outbox holds it now
            } // an intermediate bilan: the physician goes on from it towards the final one
            return entry;
        }, entry -> {
            sentId = entry.distributionId();
            onDelivery(entry);
        }, e -> delivery.set(e instanceof StoreException store ? labels.storageProblem(store) // the draft stays: nothing is lost
                : labels.get("storage.OTHER")));
        return true;
    }

    private static java.math.BigInteger integer(String typed) {
        try {
            return typed == null || typed.isBlank() ? null
                    : java.math.BigInteger.valueOf(Math.round(Double.parseDouble(typed.strip().replace(',', '.'))));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public void onDelivery(OutboxEntry entry) {
        if (entry.distributionId().equals(sentId)) {
            delivery.set(labels.format("bilan.delivery", labels.delivery(entry.state())));
        }
        if (entry.type() == org.opensmur.core.hub.message.MessageType.RS_BPV) {
            loadSent(); // its state in the list of what was sent
        }
    }

    public List<Input> inputs() {
        return List.copyOf(inputs.values());
    }

    public Input input(String key) {
        return inputs.get(key);
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public ReadOnlyStringProperty deliveryProperty() {
        return delivery;
    }
}
