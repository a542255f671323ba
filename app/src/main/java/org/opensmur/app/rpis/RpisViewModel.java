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
import org.opensmur.app.ui.Labels;
import org.opensmur.core.mission.HealthMotive;
import org.opensmur.core.mission.MedicalLevel;
import org.opensmur.core.mission.OperatorRole;
import org.opensmur.core.mission.Sex;
import org.opensmur.core.shift.ShiftSetup;
import org.opensmur.core.mission.WhatsHappen;
import org.opensmur.core.rpis.Rpis;
import org.opensmur.core.rpis.RpisIntervention;
import org.opensmur.core.rpis.RpisTeam;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.store.cases.CaseStore;
import org.opensmur.store.db.StoreException;
import org.opensmur.store.outbox.OutboxEntry;
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

    /** One value the crew may state; {@code choices}: the codes to pick from (empty: typed). */
    public record Field(String key, List<String> choices, StringProperty value) {
    }

    private final TabletCore core;
    private final TabletSettings settings;
    private final Labels labels;
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty missing = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private Rpis prefilled;
    private String sentId;

    private final Background background;

    public RpisViewModel(TabletCore core, Background background, TabletSettings settings, Labels labels) {
        this.core = core;
        this.background = background;
        this.settings = settings;
        this.labels = labels;
        List<String> yesNo = List.of("true", "false");
        for (String key : List.of("whatsHappenCode", "whatsHappenLabel", "healthMotiveCode", "healthMotiveLabel")) {
            field(key, List.of());
        }
        field("medicalLevel", core.line().constants(MedicalLevel.class).stream().map(MedicalLevel::code).toList());
        field("birthDate", List.of());
        field("sex", Arrays.stream(Sex.values()).map(Sex::code).toList());
        field("teamDoctor", yesNo);
        field("teamNurse", yesNo);
        field("teamDriver", yesNo);
        field("decisionTime", List.of());
        field("insee", List.of());
        field("diagnosis", List.of());
        field("orientationType", List.of());
        field("locationType", List.of());
        for (String destination : List.of("destinationCountry", "destinationCategory", "healthcareType", "destinationFiness")) {
            field(destination, List.of());
        }
        for (String time : TIMES) {
            field(time, List.of());
        }
        fields.values().forEach(f -> f.value().addListener((o, was, is) -> refreshMissing()));
    }

    private void field(String key, List<String> choices) {
        fields.put(key, new Field(key, choices, new SimpleStringProperty("")));
    }

    public void prefill(CaseStore.CaseView view, Map<ResourceStatus, OffsetDateTime> times, String bilanDiagnosis) {
        ShiftSetup on = shift.get();
        RpisPrefill.Unit unit = settings.unit();
        if (on != null) { // the unit as the shift set-up names it, the settings' where it is silent
            unit = new RpisPrefill.Unit(unit.orgId(), or(on.finessGeo(), unit.finessGeo()), or(on.finessLegal(), unit.finessJuridical()),
                    or(on.structure(), unit.smurCode()));
        }
        prefilled = RpisPrefill.from(view, times, bilanDiagnosis, unit, patient == null ? 0 : patient.fromCase(),
                patient == null ? null : patient.patientId());
        if (on != null) { // the care level and who was on board, from the shift set-up, unless the crew said otherwise here
            setIfEmpty("medicalLevel", on.medicalLevel() == null ? null : on.medicalLevel().code());
            setIfEmpty("teamDoctor", on.has(OperatorRole.MEDECIN) == null ? null : on.has(OperatorRole.MEDECIN).toString());
            setIfEmpty("teamNurse", on.has(OperatorRole.INFIRMIER) == null ? null : on.has(OperatorRole.INFIRMIER).toString());
            setIfEmpty("teamDriver", on.has(OperatorRole.AMBULANCIER) == null ? null : on.has(OperatorRole.AMBULANCIER).toString());
        }
        var r = prefilled.regulation();
        set("whatsHappenCode", r.whatsHappen() == null ? null : r.whatsHappen().code());
        set("whatsHappenLabel", r.whatsHappen() == null ? null : r.whatsHappen().label());
        set("healthMotiveCode", r.healthMotive() == null ? null : r.healthMotive().code());
        set("healthMotiveLabel", r.healthMotive() == null ? null : r.healthMotive().label());
        set("birthDate", prefilled.patient().birthDate());
        set("sex", prefilled.patient().sex() == null ? null : prefilled.patient().sex().code());
        set("decisionTime", prefilled.context().decisionDate() == null ? null
                : prefilled.context().decisionDate().toLocalTime().withSecond(0).withNano(0).toString());
        set("insee", prefilled.intervention().location().detailedAddress().inseeCode());
        set("diagnosis", prefilled.intervention().mainDiagnosis());
        set("locationType", prefilled.intervention().location().type());
        var taps = prefilled.intervention().smurStatus();
        java.util.function.Function<OffsetDateTime, String> hhmm = t -> t == null ? null : t.toLocalTime().withSecond(0).withNano(0).toString();
        set("departSmur", hhmm.apply(taps.departSmur()));
        set("arrivedSmur", hhmm.apply(taps.arrivedSmur()));
        set("departLocation", hhmm.apply(taps.departLocation()));
        set("arrivedDestination", hhmm.apply(taps.arrivedDestination()));
        set("teamAvailable", hhmm.apply(taps.teamAvailable()));
        set("returnSmur", hhmm.apply(taps.returnSmur()));
        RpisIntervention i = prefilled.intervention();
        summary.set(labels.format("rpis.summary", r.whatsHappen() == null ? labels.get("rpis.unknownMotive") : r.whatsHappen().label(),
                time(i.smurStatus().departSmur()), time(i.smurStatus().arrivedSmur()), time(i.smurStatus().teamAvailable())));
        message.set("");
        refreshMissing();
    }

    private java.util.function.Supplier<ShiftSetup> shift = () -> null;
    private org.opensmur.app.patient.PatientsViewModel.Patient patient;

    /** The patient the record is about: what was typed for another patient is not carried over. */
    public void choose(org.opensmur.app.patient.PatientsViewModel.Patient chosen) {
        if (!java.util.Objects.equals(chosen, patient)) {
            patient = chosen;
            fields.values().forEach(f -> f.value().set(""));
            prefilled = null;
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
        background.run(() -> new org.opensmur.store.outbox.SentRecords(core.store().outbox(), core.outgoing().codec()).rpis(about.patientId())
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

    private void setIfEmpty(String key, String value) {
        if (value != null && fields.get(key).value().get().isBlank()) {
            fields.get(key).value().set(value);
        }
    }

    private static String or(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }

    /** A value from the prefill; what the crew already typed for a value the prefill lacks is kept. */
    private void set(String key, String value) {
        if (value != null) {
            fields.get(key).value().set(value);
        }
    }

    private static String time(OffsetDateTime t) {
        return t == null ? "—" : Labels.time(t);
    }

    private void refreshMissing() {
        if (prefilled == null) {
            missing.set("");
            return;
        }
        List<String> names = RpisPrefill.missing(completed()).stream().map(path -> labels.get("rpis.missing." + path)).toList();
        missing.set(names.isEmpty() ? "" : labels.format("rpis.missing", String.join(", ", names)));
    }

    /** Sends the record to the ORU (and the LRM when configured); false while something is missing or wrong. */
    public boolean send() {
        if (prefilled == null || settings.oruId() == null) {
            message.set(labels.get(prefilled == null ? "rpis.noCase" : "rpis.noOru"));
            return false;
        }
        Rpis record = completed();
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
        }, e -> message.set(e instanceof StoreException store ? labels.storageProblem(store) : labels.get("storage.OTHER")));
        return true;
    }

    /** The prefill with what the crew stated in place of what it lacked. */
    private Rpis completed() {
        String whatCode = value("whatsHappenCode");
        String whatLabel = value("whatsHappenLabel");
        String motiveCode = value("healthMotiveCode");
        String motiveLabel = value("healthMotiveLabel");
        String level = value("medicalLevel");
        String sex = value("sex");
        Boolean doctor = yes(value("teamDoctor"));
        Boolean nurse = yes(value("teamNurse"));
        Boolean driver = yes(value("teamDriver"));
        return RpisPrefill.complete(prefilled, new RpisPrefill.Answers(
                whatCode == null || whatLabel == null ? null : new WhatsHappen(whatCode, whatLabel),
                motiveCode == null || motiveLabel == null ? null : new HealthMotive(motiveCode, motiveLabel),
                level == null ? null : Arrays.stream(MedicalLevel.values()).filter(m -> m.code().equals(level)).findFirst().orElse(null),
                value("birthDate"),
                sex == null ? null : Arrays.stream(Sex.values()).filter(s -> s.code().equals(sex)).findFirst().orElse(null),
                doctor == null || nurse == null || driver == null ? null : new RpisTeam(doctor, nurse, driver),
                decisionDate(), value("insee"), value("diagnosis"), value("orientationType"), value("locationType"),
                new org.opensmur.core.rpis.RpisTimes(typedTime("departSmur", prefilled.intervention().smurStatus().departSmur()),
                        typedTime("arrivedSmur", prefilled.intervention().smurStatus().arrivedSmur()),
                        typedTime("departLocation", prefilled.intervention().smurStatus().departLocation()),
                        typedTime("arrivedDestination", prefilled.intervention().smurStatus().arrivedDestination()),
                        typedTime("teamAvailable", prefilled.intervention().smurStatus().teamAvailable()),
                        typedTime("returnSmur", prefilled.intervention().smurStatus().returnSmur())),
                destination()));
    }

    /**
     * A time the crew typed in place of the tap's ({@code null}: the tap's stays, to the second): on the day of
     * the departure.
     */
    private OffsetDateTime typedTime(String key, OffsetDateTime tapped) {
        String typed = value(key);
        if (typed == null || tapped != null && typed.equals(tapped.toLocalTime().withSecond(0).withNano(0).toString())) {
            return null;
        }
        OffsetDateTime day = prefilled.intervention().smurStatus().departSmur() != null ? prefilled.intervention().smurStatus().departSmur()
                : prefilled.context().decisionDate();
        try {
            return day == null ? null : day.with(LocalTime.parse(typed));
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

    /** The decision time typed (HH:mm) on the day of the departure; null when not typed or not a time. */
    private OffsetDateTime decisionDate() {
        String typed = value("decisionTime");
        OffsetDateTime depart = prefilled.intervention().smurStatus().departSmur();
        OffsetDateTime known = prefilled.context().decisionDate();
        OffsetDateTime day = depart != null ? depart : known;
        if (typed == null || day == null) {
            return null;
        }
        try {
            LocalTime at = LocalTime.parse(typed);
            return day.with(at);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
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
