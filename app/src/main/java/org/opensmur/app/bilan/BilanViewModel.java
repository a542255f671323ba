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
import org.opensmur.core.tablet.CaseView;
import org.opensmur.core.tablet.OutboxEntry;
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
        /** For a vital: its values in the earlier series, newest first, with their times ("avant : 0 (10:02)"). */
        private final StringProperty taken = new SimpleStringProperty("");
        /** For a vital: what the value is measured with or under (the O2 flow, the arm, the position...). */
        private final StringProperty precision = new SimpleStringProperty("");
        private VitalSign sign;
        private boolean numeric;

        Input(String key, String unit, Function<String, String> check) {
            this.key = key;
            this.unit = unit;
            value.addListener((o, was, is) -> error.set(is == null || is.isBlank() ? "" : check.apply(is.strip())));
        }

        /** The vital this field is a value of (null for the other fields). */
        public VitalSign sign() {
            return sign;
        }

        /** For a vital: the precision sent with it ("O2 3 L/min", "bras gauche"). */
        public StringProperty precisionProperty() {
            return precision;
        }

        /** Whether the field takes a number (a numeric keypad on devices). */
        public boolean numeric() {
            return numeric;
        }

        /** For a vital: its values in the earlier series, newest first, with their times. */
        public ReadOnlyStringProperty takenProperty() {
            return taken;
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
    /** Glasgow as the clinic scores it: eyes 1–4, verbal 1–5, motor 1–6; the total is their sum. */
    private final List<Input> glasgow = new ArrayList<>();
    private final VitalRules rules;
    private final org.opensmur.app.ui.CodePickerModel diagnosisPicker;
    private final org.opensmur.app.ui.CodePickerModel associatedPicker;
    /** The associated diagnoses, codes in the order picked (RS-BPV evaluation.associatedDiagnosis). */
    private final javafx.collections.ObservableList<String> associated = javafx.collections.FXCollections.observableArrayList();
    private final StringProperty delivery = new SimpleStringProperty("");
    private final BooleanBinding valid;
    private final javafx.beans.binding.StringBinding blocked;
    /** The fields a bilan cannot be sent without; a final bilan also needs the diagnosis ({@link #FINAL_REQUIRED}). */
    public static final java.util.Set<String> REQUIRED = java.util.Set.of("bilan.lastName", "bilan.firstName");
    public static final String FINAL_REQUIRED = "bilan.diagnosis";
    /** An intermediate bilan (sent during the intervention, the draft kept) or the final one (the diagnosis required). */
    private final javafx.beans.property.BooleanProperty finalReport = new javafx.beans.property.SimpleBooleanProperty(true);
    /** The patient's identity is not known (yet): the names may stay empty, they are sent as {@link #UNKNOWN}. */
    private final javafx.beans.property.BooleanProperty unknown = new javafx.beans.property.SimpleBooleanProperty(false);
    /** The patient's sex as a code of the model (M, F, O, UN; "" when nobody said): the case's, or the crew's. */
    private final StringProperty sex = new SimpleStringProperty("");
    /** What the Hub's required names carry for a patient whose identity is not known: the gap named, nothing made up. */
    public static final String UNKNOWN = "INCONNU";
    private String caseId;
    private String lrmId;
    /** The acts done and drugs given to the patient on screen (kept with the mission, whatever bilan leaves). */
    private final org.opensmur.app.care.CareViewModel care;
    /** The acts a draft of an earlier version kept as one text ("" when none): offered in "autre acte", kept in the draft. */
    private String legacyActs = "";
    private org.opensmur.app.patient.PatientsViewModel.Patient patient;
    private String sentId;
    private boolean restoring;
    /** The latest values not yet saved (null when every keystroke is saved or being saved). */
    private final java.util.concurrent.atomic.AtomicReference<Draft> unsaved = new java.util.concurrent.atomic.AtomicReference<>();

    /** The bilan's fields, and the patient's vitals series (kept for the mission, whatever bilan leaves). */
    private record Draft(String key, Map<String, String> values, String vitalsKey, Map<String, String> vitals) {
    }

    /** The series taken before the one on screen, oldest first. */
    private final javafx.collections.ObservableList<VitalSeries> earlier = javafx.collections.FXCollections.observableArrayList();
    /** When the series on screen was taken ("10:02", editable); stamped by "new series" or its first value. */
    private Input seriesTime;
    /** The date and time of the series on screen (null until it is stamped). */
    private java.time.LocalDateTime seriesTaken;
    private static final java.time.format.DateTimeFormatter HOURS = java.time.format.DateTimeFormatter.ofPattern("HH:mm");

    public BilanViewModel(TabletCore core, Background background, TabletSettings settings, Labels labels, Clock clock) {
        this.core = core;
        this.background = background;
        this.settings = settings;
        this.labels = labels;
        this.clock = clock;
        this.care = new org.opensmur.app.care.CareViewModel(new org.opensmur.tablet.care.CareLog(core.drafts()), background, labels, clock);
        care.catalogFrom(settings.storeFolder());
        // The one required field first: above the fold, where a physician sees it before sending.
        add(new Input("bilan.diagnosis", labels.get("bilan.diagnosis.unit"), v -> cim10(v).matches("[A-Z][0-9]{2}(\\.?[0-9A-Z]{1,4})?") ? "" : labels.get("bilan.error.cim10")));
        // Main and associated diagnoses picked from the SFMU-FEDORU list the SAMU installed (free CIM-10 text without it).
        org.opensmur.core.nomenclature.NomenclatureFolder lists = new org.opensmur.core.nomenclature.NomenclatureFolder(settings.nomenclatureFolder());
        diagnosisPicker = org.opensmur.app.ui.CodePickerModel.installed(org.opensmur.core.nomenclature.NomenclatureList.DIAGNOSTIC, lists, background, labels);
        diagnosisPicker.valueProperty().bindBidirectional(input("bilan.diagnosis").value);
        associatedPicker = org.opensmur.app.ui.CodePickerModel.installed(org.opensmur.core.nomenclature.NomenclatureList.DIAGNOSTIC, lists, background, labels);
        associatedPicker.addingTo(associated);
        care.actsFrom(org.opensmur.app.ui.CodePickerModel.installed(org.opensmur.core.nomenclature.NomenclatureList.ACTES, lists, background, labels));
        associated.addListener((javafx.collections.ListChangeListener<String>) c -> saveDraft());
        // Who the bilan is about, as the case names them (the crew completes or corrects; nothing is assumed).
        add(new Input("bilan.lastName", "", v -> ""));
        add(new Input("bilan.firstName", "", v -> ""));
        // Every vital the model line has (its parameter.type codes), each with what the clinic writes, in
        // series taken at a known time.
        rules = new VitalRules(labels);
        seriesTime = new Input("bilan.seriesTime", "", this::seriesTimeError);
        for (VitalSign sign : core.line().constants(VitalSign.class)) {
            vital(sign);
        }
        // The rest of who they are, below the vitals the physician types most.
        add(new Input("bilan.birthName", "", v -> ""));
        Input age = new Input("bilan.age", labels.get("bilan.years"), range(0, 130));
        age.numeric = true;
        add(age);
        add(new Input("bilan.birthDate", "", v -> realPastDate(v) ? "" : labels.get("bilan.error.date")));
        Input height = new Input("bilan.height", "cm", range(30, 250));
        height.numeric = true;
        add(height);
        Input weight = new Input("bilan.weight", "kg", range(1, 350));
        weight.numeric = true;
        add(weight);
        // An identifier of the patient elsewhere (the SINUS number of a many-victim event, a bib, a place, the NIR):
        // its kind picked, its number typed; both or neither (a number without its kind means nothing to the SAMU).
        add(new Input("bilan.externalSource", "", v -> ""));
        add(new Input("bilan.externalId", "", v -> v.isBlank() || !input("bilan.externalSource").value.get().isBlank() ? ""
                : labels.get("bilan.error.externalSource")));
        input("bilan.externalSource").value.addListener((o, was, is) -> { // the number judged again with its kind
            Input number = input("bilan.externalId");
            number.error.set(number.value.get().isBlank() || (is != null && !is.isBlank()) ? "" : labels.get("bilan.error.externalSource"));
        });
        add(new Input("bilan.history", "", v -> ""));
        add(new Input("bilan.treatment", "", v -> ""));
        // The acts and drugs are quick picks of their own (CareViewModel): one procedure entry per act.
        add(new Input("bilan.orientation", "", v -> ""));
        // Who writes it: the team's physician from the shift set-up, or whoever the crew names.
        add(new Input("bilan.redactor", "", v -> ""));
        valid = Bindings.createBooleanBinding(() -> !loading.get() && all().allMatch(i -> i.error.get().isEmpty()) // the chosen victim's draft back
                        && inputs.keySet().stream().filter(this::required).noneMatch(key -> input(key).value.get().isBlank()),
                java.util.stream.Stream.concat(java.util.stream.Stream.of(finalReport, unknown, loading),
                        all().flatMap(i -> java.util.stream.Stream.of(i.error, i.value))).toArray(javafx.beans.Observable[]::new));
        blocked = Bindings.createStringBinding(this::whyBlocked,
                java.util.stream.Stream.concat(java.util.stream.Stream.of(finalReport, unknown),
                        all().flatMap(i -> java.util.stream.Stream.of(i.error, i.value))).toArray(javafx.beans.Observable[]::new));
        // Saved at every change (encrypted): a restart or a flat battery loses nothing typed.
        all().forEach(i -> {
            i.value.addListener((o, was, is) -> saveDraft());
            i.precision.addListener((o, was, is) -> saveDraft());
        });
        unknown.addListener((o, was, is) -> saveDraft());
        sex.addListener((o, was, is) -> saveDraft());
        // Identity known at last (both names written): the patient is no longer unknown; the next bilan says so.
        for (String name : List.of("bilan.lastName", "bilan.firstName")) {
            input(name).value.addListener((o, was, is) -> {
                if (!restoring && unknown.get() && !input("bilan.lastName").value.get().isBlank()
                        && !input("bilan.firstName").value.get().isBlank()) {
                    unknown.set(false);
                }
            });
        }
        // The series on screen is stamped when its first value is written (a new series asked for: when asked); its time
        // may be corrected.
        seriesFields().filter(i -> i != seriesTime).forEach(i -> i.value.addListener((o, was, is) -> {
            if (!restoring && is != null && !is.isBlank() && seriesTaken == null) {
                stamp(java.time.LocalDateTime.now(clock));
            }
        }));
        // The check of a corrected time (the input's own listener, added first) has run when this one runs.
        seriesTime.value.addListener((o, was, is) -> {
            if (!restoring && seriesTaken != null && seriesTime.error.get().isEmpty() && is != null && !is.isBlank()) {
                seriesTaken = seriesAt(is.strip()).toLocalDateTime();
                saveDraft();
            }
        });
        earlier.addListener((javafx.collections.ListChangeListener<VitalSeries>) c -> trends());
        seriesFields().forEach(i -> i.value.addListener((o, was, is) -> {
            if (!restoring) {
                charts();
            }
        }));
    }

    /** One reading of a trend: when, and the number (a pressure's systolic and diastolic). */
    public record Reading(java.time.LocalDateTime taken, double value, Double second) {
    }

    /** A vital's readings over the mission's series, oldest first: only plain numbers (words and spans are in the text). */
    public record Trend(String key, List<Reading> readings) {
    }

    private final javafx.collections.ObservableList<Trend> trends = javafx.collections.FXCollections.observableArrayList();

    /** The vitals with two readings or more over the series, each as a trend, in the screen's order. */
    public javafx.collections.ObservableList<Trend> trendsProperty() {
        return trends;
    }

    private void charts() {
        List<VitalSeries> all = new ArrayList<>(earlier);
        VitalSeries now = current();
        if (!now.isEmpty() && now.taken() != null) {
            all.add(now);
        }
        List<Trend> made = new ArrayList<>();
        vitals.keySet().forEach(key -> {
            List<Reading> readings = new ArrayList<>();
            for (VitalSeries one : all) {
                if (one == now && !input(key).error.get().isEmpty()) {
                    continue; // a value being corrected is not a reading
                }
                java.util.regex.Matcher number = java.util.regex.Pattern.compile("(\\d+(?:[.,]\\d+)?)(?:\\s*/\\s*(\\d+))?\\s*[^\\d-]*")
                        .matcher(one.value(key));
                if (number.matches()) {
                    readings.add(new Reading(one.taken(), Double.parseDouble(number.group(1).replace(',', '.')),
                            number.group(2) == null ? null : Double.valueOf(number.group(2))));
                }
            }
            if (readings.size() >= 2) {
                made.add(new Trend(key, readings));
            }
        });
        if (!made.equals(trends)) {
            trends.setAll(made);
        }
    }

    /** The fields of a series: the vitals, Glasgow's parts, and the series' time. */
    private java.util.stream.Stream<Input> seriesFields() {
        return all().filter(i -> i.sign != null || glasgow.contains(i) || i == seriesTime);
    }

    private void stamp(java.time.LocalDateTime when) {
        seriesTaken = when.withSecond(0).withNano(0);
        seriesTime.value.set(HOURS.format(seriesTaken));
    }

    /** "HH:MM", and not to come: a series is written once taken. */
    private String seriesTimeError(String typed) {
        if (!typed.matches("([01]\\d|2[0-3]):[0-5]\\d")) {
            return labels.get("bilan.error.time");
        }
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(clock);
        return seriesAt(typed).isAfter(now) ? labels.format("bilan.error.timeToCome", HOURS.format(now)) : "";
    }

    /**
     * "HH:MM" already lived (at 00:02, "23:58" is yesterday's; at 05:00, "16:00" too): a series is written once taken. Its own time, as shown,
     * stays its own (a series restored hours after it was stamped).
     */
    private java.time.ZonedDateTime seriesAt(String typed) {
        if (seriesTaken != null && typed.equals(HOURS.format(seriesTaken))) {
            return seriesTaken.atZone(clock.getZone());
        }
        return org.opensmur.core.time.TimeOfDay.lived(java.time.LocalTime.parse(typed, HOURS), java.time.ZonedDateTime.now(clock));
    }

    /** The series on screen, as written now (its time null until stamped). */
    private VitalSeries current() {
        Map<String, String> values = new LinkedHashMap<>();
        seriesFields().filter(i -> i != seriesTime).forEach(i -> {
            values.put(i.key, i.value.get() == null ? "" : i.value.get());
            if (i.sign != null) {
                values.put(i.key + ".precision", i.precision.get() == null ? "" : i.precision.get());
            }
        });
        return new VitalSeries(seriesTaken, values);
    }

    /**
     * A new series: the one on screen joins the earlier ones (kept for the mission), the vitals are emptied
     * for the new readings, stamped now (the time may be corrected). False, and nothing changes, while a
     * value of the series on screen is wrong.
     */
    public boolean newSeries() {
        if (seriesFields().anyMatch(i -> !i.error.get().isEmpty())) {
            return false;
        }
        VitalSeries done = current();
        restoring = true; // one save, below, of the whole change
        try {
            if (!done.isEmpty() && done.taken() != null) {
                earlier.add(done);
            }
            seriesFields().filter(i -> i != seriesTime).forEach(i -> {
                i.value.set("");
                i.precision.set("");
            });
            seriesTaken = null;
            stamp(java.time.LocalDateTime.now(clock));
        } finally {
            restoring = false;
        }
        saveDraft();
        charts();
        return true;
    }

    /** The series taken before the one on screen, oldest first. */
    public javafx.collections.ObservableList<VitalSeries> earlierSeries() {
        return earlierSeen; // one wrapper: its listeners are held by it, weakly by the list under it
    }

    private final javafx.collections.ObservableList<VitalSeries> earlierSeen = javafx.collections.FXCollections.unmodifiableObservableList(earlier);

    /** An earlier series in words, for the screen ("10:02 · Fréquence cardiaque 0 · SpO2 imprenable (O2 15 L/min)"). */
    public String describe(VitalSeries series) {
        List<String> said = new ArrayList<>();
        said.add(HOURS.format(series.taken()));
        vitals.forEach((key, sign) -> {
            if (!series.value(key).isEmpty()) {
                String precision = precision(series, sign, key);
                said.add(labels.get(key) + " " + VitalRules.withUnit(sign, series.value(key)) + (precision == null ? "" : " (" + precision + ")"));
            }
        });
        return String.join(" · ", said);
    }

    /** The series field's time ("bilan.seriesTime"): when the series on screen was taken. */
    public Input seriesTime() {
        return seriesTime;
    }

    /** The latest series taken: the one on screen, or the last before it while the new one is still empty. */
    VitalSeries latest() {
        VitalSeries now = current();
        return now.isEmpty() && !earlier.isEmpty() ? earlier.get(earlier.size() - 1) : now;
    }

    /** Each vital's earlier values beside it, newest first ("avant : 45/30 (10:10), 0 (10:02)"). */
    private void trends() {
        vitals.keySet().forEach(key -> {
            List<String> before = new ArrayList<>();
            for (int i = earlier.size() - 1; i >= 0 && before.size() < 2; i--) { // the trend charts show them all
                String v = earlier.get(i).value(key);
                if (!v.isEmpty()) {
                    before.add(VitalRules.withUnit(vitals.get(key), v) + " (" + HOURS.format(earlier.get(i).taken()) + ")");
                }
            }
            input(key).taken.set(before.isEmpty() ? "" : labels.format("bilan.before", String.join(", ", before)));
        });
        charts();
    }

    /** Every field: those of the screen's rows, then Glasgow's E, V and M, then the series' time. */
    private java.util.stream.Stream<Input> all() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.concat(inputs.values().stream(), glasgow.stream()),
                java.util.stream.Stream.of(seriesTime));
    }

    /** One draft per patient of the mission. */
    private String draftKey() {
        return "bilan:" + caseId + ":" + (patient == null || patient.patientId() == null ? "patient" : patient.patientId());
    }

    /** The patient's vitals series: kept for the mission (its retention erases them), not closed by a final bilan. */
    private String vitalsKey() {
        return "vitals:" + caseId + ":" + (patient == null || patient.patientId() == null ? "patient" : patient.patientId());
    }

    private void saveDraft() {
        if (!restoring && caseId != null) {
            Map<String, String> values = new LinkedHashMap<>();
            inputs.values().stream().filter(i -> i.sign == null).forEach(input -> values.put(input.key, input.value.get()));
            values.put("bilan.unknown", String.valueOf(unknown.get()));
            if (!legacyActs.isEmpty()) {
                values.put("bilan.procedures", legacyActs);
            }
            values.put("bilan.sex", sex.get());
            values.put("bilan.associated", String.join("\n", associated));
            Map<String, String> vitalsDraft = new LinkedHashMap<>(VitalSeries.toDraft(earlier));
            vitalsDraft.putAll(current().values());
            if (seriesTaken != null) {
                vitalsDraft.put("series.taken", seriesTaken.toString());
            }
            // Saved in the background; keystrokes typed while a save is waiting join it (one commit for a
            // burst of typing, and always the latest values).
            if (unsaved.getAndSet(new Draft(draftKey(), values, vitalsKey(), vitalsDraft)) == null) {
                background.run(() -> {
                    Draft draft = unsaved.getAndSet(null);
                    core.drafts().save(draft.key(), draft.values());
                    core.drafts().save(draft.vitalsKey(), draft.vitals());
                    return draft;
                }, saved -> { }, e -> delivery.set(labels.problem(e))); // typed, not saved: the crew must know
            }
        }
    }

    /** The field of a vital ("bilan.heartRate"), as the labels and the screen name it. */
    public static String key(VitalSign sign) {
        return switch (sign) {
            case HEART_RATE -> "bilan.heartRate";
            case BLOOD_PRESSURE -> "bilan.bloodPressure";
            case OXYGEN_SATURATION -> "bilan.spo2";
            case RESPIRATORY_RATE -> "bilan.respiratoryRate";
            case TEMPERATURE -> "bilan.temperature";
            case BLOOD_GLUCOSE -> "bilan.glucose";
            case GLASGOW -> "bilan.glasgow";
        };
    }

    private void vital(VitalSign sign) {
        String unit = VitalRules.of(sign).unit();
        String key = key(sign);
        Input input = new Input(key, unit, sign == VitalSign.GLASGOW ? this::glasgowTotal : v -> rules.check(sign, v));
        input.numeric = true;
        input.sign = sign;
        add(input);
        vitals.put(key, sign);
        if (sign == VitalSign.GLASGOW) {
            // emptied while E, V or M is scored: still said (a part scored alone is never dropped unsaid)
            input.value.addListener((o, was, is) -> input.error.set(glasgowTotal(is == null ? "" : is.strip())));
            glasgowPart("bilan.glasgow.eyes", 4);
            glasgowPart("bilan.glasgow.verbal", 5);
            glasgowPart("bilan.glasgow.motor", 6);
        }
    }

    private void glasgowPart(String key, int max) {
        Input part = new Input(key, "", range(1, max));
        part.numeric = true;
        glasgow.add(part);
        // the three scored: the total is their sum (the total alone may be typed when they are not)
        part.value.addListener((o, was, is) -> {
            OptionalScore sum = glasgowSum();
            Input total = input("bilan.glasgow");
            if (sum.complete()) {
                total.value.set(String.valueOf(sum.total()));
            }
            total.error.set(glasgowTotal(total.value.get().strip())); // the same total read back is not a change
        });
    }

    private record OptionalScore(boolean complete, int total, boolean any) {
    }

    private OptionalScore glasgowSum() {
        int total = 0;
        boolean complete = true;
        boolean any = false;
        for (Input part : glasgow) {
            String v = part.value.get() == null ? "" : part.value.get().strip();
            any |= !v.isEmpty();
            if (v.isEmpty() || !part.error.get().isEmpty()) {
                complete = false;
            } else {
                total += Integer.parseInt(v);
            }
        }
        return new OptionalScore(complete, total, any);
    }

    /** The Glasgow total: 3 to 15 (or "imprenable"), and the sum of E, V and M when they are scored. */
    private String glasgowTotal(String v) {
        OptionalScore sum = glasgowSum();
        if (v.isEmpty()) {
            return sum.any() ? labels.get("bilan.error.glasgowParts") : "";
        }
        String error = rules.check(VitalSign.GLASGOW, v);
        if (!error.isEmpty() || !sum.any()) {
            return error;
        }
        if (!sum.complete()) {
            return labels.get("bilan.error.glasgowParts");
        }
        return v.equals(String.valueOf(sum.total())) ? "" : labels.format("bilan.error.glasgowSum", sum.total());
    }

    /** Written instead of a value that cannot be measured. */
    public static final String NOT_MEASURABLE = VitalRules.NOT_MEASURABLE;

    /** Whether {@code sign}'s devices show HI or LO past their scale (a glucometer, a thermometer). */
    public static boolean readsHiLo(VitalSign sign) {
        return VitalRules.reads(sign);
    }

    /** The letter a Glasgow part is scored under: E (eyes), V (verbal), M (motor). */
    public static String glasgowLetter(String partKey) {
        return switch (partKey) {
            case "bilan.glasgow.eyes" -> "E";
            case "bilan.glasgow.verbal" -> "V";
            default -> "M";
        };
    }

    /** Glasgow's eyes, verbal and motor scores, in that order. */
    public List<Input> glasgowParts() {
        return List.copyOf(glasgow);
    }

    private void add(Input input) {
        inputs.put(input.key, input);
    }

    /** A value in [min, max], or a span of two ("80-110"), each in it. */
    private Function<String, String> range(double min, double max) {
        return v -> rules.range(v, min, max);
    }

    /** A CIM-10 code as typed ("i21", " I 21 ") in its written form ("I21"). */
    public static String cim10(String typed) {
        return typed == null ? "" : typed.replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT);
    }

    /** Why "send" is disabled, in words (empty when it is not): the missing required fields, then the wrong ones. */
    private String whyBlocked() {
        List<String> missing = inputs.values().stream().filter(i -> required(i.key) && i.value.get().isBlank())
                .map(i -> labels.get(i.key)).toList(); // in the screen's order
        List<String> wrong = all().filter(i -> !i.error.get().isEmpty()).map(i -> labels.get(i.key)).toList();
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
        return REQUIRED.contains(key) && !unknown.get() || finalReport.get() && FINAL_REQUIRED.equals(key);
    }

    /** One tap: the patient's identity is not known; the sex and the estimated age are said beside it. */
    public javafx.beans.property.BooleanProperty unknownProperty() {
        return unknown;
    }

    /** The patient's sex, a code of the model ("M", "F", "O", "UN"; "" when not said). */
    public StringProperty sexProperty() {
        return sex;
    }

    /** Final (the default) or intermediate. */
    public javafx.beans.property.BooleanProperty finalReportProperty() {
        return finalReport;
    }

    public javafx.beans.binding.StringBinding blockedProperty() {
        return blocked;
    }

    private java.util.function.Supplier<org.opensmur.core.shift.ShiftSetup> shift = () -> null;

    /** The shift set-up the bilan's redactor comes from. */
    public void shiftFrom(java.util.function.Supplier<org.opensmur.core.shift.ShiftSetup> source) {
        this.shift = source;
    }

    /** The bilan's case; the patient is chosen with {@link #choose} (the mission's first until the crew picks another). */
    public void open(CaseView view, String lrmId) {
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

    /** The main diagnosis's picker (the installed SFMU-FEDORU list; free CIM-10 text when none is installed). */
    public org.opensmur.app.ui.CodePickerModel diagnosisPicker() {
        return diagnosisPicker;
    }

    /** The picker adding an associated diagnosis to {@link #associatedDiagnoses}. */
    public org.opensmur.app.ui.CodePickerModel associatedPicker() {
        return associatedPicker;
    }

    /** The associated diagnoses picked, in order (several; each sent in evaluation.associatedDiagnosis). */
    public javafx.collections.ObservableList<String> associatedDiagnoses() {
        return associated;
    }

    /** The birth date as typed in the bilan (ISO, "" when none): the RPIS takes it, not asked twice. */
    public String birthDateForRpis() {
        String typed = input("bilan.birthDate").value.get();
        return typed == null || !input("bilan.birthDate").error.get().isEmpty() ? "" : typed.strip();
    }

    /** The patient's sex as said in the bilan (a model code, "" when none). */
    public String sexForRpis() {
        return sex.get() == null ? "" : sex.get();
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
            var records = core.sent();
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
        }, e -> delivery.set(labels.problem(e)));
    }

    private void load() {
        diagnosisPicker.load(); // a list installed since is used
        associatedPicker.load();
        delivery.set("");
        sentId = null;
        care.open(caseId);
        care.choose(patient == null ? null : patient.patientId());
        loadSent();
        String opened = caseId;
        var about = patient;
        String key = draftKey();
        String vitalsKey = vitalsKey();
        int load = ++loads;
        loading.set(true);
        background.run(() -> opened == null ? List.<Map<String, String>>of(Map.of(), Map.of())
                : List.of(core.drafts().load(key).orElse(Map.of()), core.drafts().load(vitalsKey).orElse(Map.of())), drafts -> {
            try {
                restore(drafts, opened, about);
            } finally {
                if (load == loads) { // after the values: what listens reads this patient's
                    loading.set(false);
                }
            }
        }, e -> {
            if (load == loads) {
                loading.set(false);
            }
            delivery.set(labels.problem(e));
        });
    }

    /** Puts a patient's draft back on screen, if the bilan still shows that case and patient. */
    private void restore(List<Map<String, String>> drafts, String opened, org.opensmur.app.patient.PatientsViewModel.Patient about) {
        if (!java.util.Objects.equals(opened, caseId) || !java.util.Objects.equals(about, patient)) { // another since
            return;
        }
        Map<String, String> draft = drafts.get(0);
        // the series (a draft of an earlier version kept its vitals with the bilan's fields)
        Map<String, String> series = drafts.get(1).isEmpty() ? draft : drafts.get(1);
        restoring = true;
        try {
            seriesTaken = series.containsKey("series.taken") ? java.time.LocalDateTime.parse(series.get("series.taken")) : null;
            earlier.setAll(VitalSeries.fromDraft(series));
            unknown.set(Boolean.parseBoolean(draft.get("bilan.unknown")));
            associated.setAll(Arrays.stream(draft.getOrDefault("bilan.associated", "").split("\n")).filter(c -> !c.isBlank()).toList());
            sex.set(draft.isEmpty() ? (about == null || about.sex() == null ? "" : about.sex()) : draft.getOrDefault("bilan.sex", ""));
            all().forEach(input -> {
                String k = input.key;
                if (input == seriesTime) {
                    input.value.set(seriesTaken == null ? "" : HOURS.format(seriesTaken));
                } else if (input.sign != null || glasgow.contains(input)) {
                    input.value.set(series.getOrDefault(k, ""));
                    input.precision.set(series.getOrDefault(k + ".precision", ""));
                } else {
                    input.value.set(draft.getOrDefault(k, draft.isEmpty() ? prefill(k, about) : ""));
                }
            });
        } finally {
            restoring = false;
        }
        // a draft of an earlier version kept its acts as one text: offered back as "autre acte", never dropped
        String oldActs = draft.getOrDefault("bilan.procedures", "").strip();
        legacyActs = oldActs; // kept in the draft until the draft closes
        if (!oldActs.isEmpty() && care.otherActProperty().get().isBlank()) {
            care.otherActProperty().set(oldActs.replace("\n", " ; "));
        }
        charts();
    }

    /** Loads started; the last one's end clears {@link #loading}. */
    private int loads;
    private final javafx.beans.property.ReadOnlyBooleanWrapper loading = new javafx.beans.property.ReadOnlyBooleanWrapper(false);

    /**
     * True from the choice of a patient (or case) until their draft is back on screen: what is typed meanwhile would be
     * overwritten by the draft, so the form is not offered, and what reads the bilan for the RPIS waits for it.
     */
    public javafx.beans.property.ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
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
        if (!valid.get() || caseId == null || loading.get()) { // while a victim's draft is read, the screen still shows the previous one's
            return false;
        }
        List<VitalMeasure> measures = new ArrayList<>();
        List<String> freetext = new ArrayList<>();
        if (unknown.get()) {
            // said in words too: the names are the gap, the age an estimate
            String age = input("bilan.age").value.get().strip();
            freetext.add(age.isEmpty() ? UNKNOWN_SAID : UNKNOWN_SAID + String.format(ESTIMATED_AGE, age));
        }
        boolean precise = carriesPrecision();
        // The latest series, and when it was taken (the model has one value per vital and no time for it).
        VitalSeries latest = latest();
        vitals.forEach((key, sign) -> {
            String v = latest.value(key);
            String precision = precision(latest, sign, key);
            if (!v.isEmpty()) {
                measures.add(new VitalMeasure(sign, VitalRules.written(v), precise ? precision : null));
                if (!precise && precision != null) {
                    // model 2.0 has no precision: said in words beside the report, never dropped
                    freetext.add(sign.label() + " : " + precision);
                }
            }
        });
        if (!measures.isEmpty() && latest.taken() != null) {
            freetext.add(String.format(SERIES_TAKEN, latest.taken().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"))));
        }
        // One procedure per act (the SMUR's code, else its label); the drugs in words, with their times.
        List<String> procedures = care.procedures();
        freetext.addAll(care.drugSummaries());
        String orientation = input("bilan.orientation").value.get().strip();
        Evaluation evaluation = new Evaluation(procedures.isEmpty() ? null : procedures, cim10(input("bilan.diagnosis").value.get()),
                associated.isEmpty() ? null : List.copyOf(associated),
                measures.isEmpty() ? null : measures, blankToNull(input("bilan.history").value.get()),
                blankToNull(input("bilan.treatment").value.get()), freetext(orientation, freetext));
        String sexCode = sex.get() == null ? "" : sex.get();
        String caseNumber = caseId.substring(caseId.lastIndexOf('.') + 1);
        ReportPatient who = new ReportPatient(patient != null && patient.patientId() != null ? patient.patientId()
                : settings.unit().orgId() + "." + caseNumber + ".patient.1",
                blankToNull(input("bilan.birthName").value.get()), name("bilan.lastName"),
                name("bilan.firstName"), blankToNull(input("bilan.birthDate").value.get()),
                blankToNull(input("bilan.age").value.get()),
                Arrays.stream(Sex.values()).filter(s -> s.code().equals(sexCode)).findFirst().orElse(null), externalIds(),
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
        }, e -> delivery.set(labels.problem(e))); // the draft stays: nothing is lost
        return true;
    }

    private static List<String> freetext(String orientation, List<String> more) {
        List<String> all = new ArrayList<>();
        if (!orientation.isEmpty()) {
            all.add(orientation);
        }
        all.addAll(more);
        return all.isEmpty() ? null : all;
    }

    /** Said in the RS-BPV's free text when the patient's identity is not known, and the age estimated. */
    static final String UNKNOWN_SAID = "Identité du patient inconnue";
    static final String ESTIMATED_AGE = " ; âge estimé : %s ans";

    /** A name as sent: as written, or {@link #UNKNOWN} while the identity is not known. */
    private String name(String key) {
        String written = input(key).value.get().strip();
        return written.isEmpty() && unknown.get() ? UNKNOWN : written;
    }

    /** Said in the RS-BPV's free text, in French as the SAMU reads it: when the vitals sent were taken. */
    static final String SERIES_TAKEN = "Constantes de la dernière série prises le %s";

    /** What is sent as a vital's precision: Glasgow's E, V and M first, then what the crew wrote (null when nothing). */
    private String precision(VitalSeries series, VitalSign sign, String key) {
        List<String> said = new ArrayList<>();
        List<String> parts = glasgow.stream().map(p -> series.value(p.key)).toList();
        if (sign == VitalSign.GLASGOW && parts.stream().noneMatch(String::isEmpty)) {
            said.add(String.join(" ", java.util.stream.IntStream.range(0, parts.size())
                    .mapToObj(i -> glasgowLetter(glasgow.get(i).key) + parts.get(i)).toList()));
        }
        if (!series.value(key + ".precision").isEmpty()) {
            said.add(series.value(key + ".precision"));
        }
        return said.isEmpty() ? null : String.join(" · ", said);
    }

    /** Whether the tablet's model line has a vital's {@code precision} (model 3 has, model 2.0 has not). */
    private boolean carriesPrecision() {
        var report = (org.opensmur.core.hub.validation.Rule.ObjectRule) core.line().payload(org.opensmur.core.hub.message.MessageType.RS_BPV);
        var evaluation = (org.opensmur.core.hub.validation.Rule.ObjectRule) report.fields().get("evaluation").rule();
        var parameters = (org.opensmur.core.hub.validation.Rule.ArrayRule) evaluation.fields().get("parameter").rule();
        return ((org.opensmur.core.hub.validation.Rule.ObjectRule) parameters.items()).fields().containsKey("precision");
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

    /** The acts and drugs of the patient on screen. */
    public org.opensmur.app.care.CareViewModel care() {
        return care;
    }

    /** Every series taken of the patient on screen, oldest first (the one on screen last, once stamped). */
    public List<VitalSeries> seriesTaken() {
        List<VitalSeries> all = new ArrayList<>(earlier);
        VitalSeries now = current();
        if (!now.isEmpty() && now.taken() != null) {
            // a value being corrected is not a reading
            Map<String, String> values = new LinkedHashMap<>(now.values());
            seriesFields().filter(i -> i != seriesTime && !i.error.get().isEmpty()).forEach(i -> values.put(i.key, ""));
            VitalSeries read = new VitalSeries(now.taken(), values);
            if (!read.isEmpty()) {
                all.add(read);
            }
        }
        return all;
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

    /** The patient's identifier elsewhere, when its kind and its number are both said (null otherwise). */
    private List<org.opensmur.core.mission.PatientExternalId> externalIds() {
        String source = input("bilan.externalSource").value.get();
        String value = input("bilan.externalId").value.get().strip();
        if (source == null || source.isBlank() || value.isEmpty()) {
            return null;
        }
        return Arrays.stream(org.opensmur.core.mission.PatientIdSource.values()).filter(k -> k.code().equals(source))
                .findFirst().map(k -> List.of(new org.opensmur.core.mission.PatientExternalId(k, value))).orElse(null);
    }

    /** The kinds of identifier this line's model takes (NIR, SINUS, bib, place...). */
    public List<String> externalSources() {
        return core.line().constants(org.opensmur.core.mission.PatientIdSource.class).stream()
                .map(org.opensmur.core.mission.PatientIdSource::code).toList();
    }

    /** A real date, not to come ({@code 1968-04-12}): what the keypad's day, month and year make. */
    private boolean realPastDate(String v) {
        try {
            return v.matches("\\d{4}-\\d{2}-\\d{2}") && !java.time.LocalDate.parse(v).isAfter(java.time.LocalDate.now(clock));
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }
}
