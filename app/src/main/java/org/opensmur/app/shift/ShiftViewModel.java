package org.opensmur.app.shift;

import java.time.Clock;
import java.time.LocalTime;
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
import org.opensmur.core.mission.MedicalLevel;
import org.opensmur.core.mission.OperatorRole;
import org.opensmur.core.shift.ShiftSetup;
import org.opensmur.tablet.TabletCore;

/**
 * The shift set-up screen ("prise de garde"): entered once per shift, saved encrypted in the store, and what
 * the engagement reply, the bilan and the RPIS take (the last saved set-up, never a half-typed one). Until a
 * shift is saved, the tablet's settings give the vehicle, the team and the unit.
 */
public final class ShiftViewModel {

    /** How many people the form has room for (a SMUR crew is two to four). */
    public static final int CREW_ROWS = 4;
    public static final String STORE_KEY = "shift";

    private final TabletCore core;
    private final Background background;
    private final Labels labels;
    private final Clock clock;
    private final Map<String, StringProperty> fields = new LinkedHashMap<>();
    private final StringProperty message = new SimpleStringProperty("");
    private volatile ShiftSetup saved;
    private final javafx.beans.property.ObjectProperty<ShiftSetup> current = new javafx.beans.property.SimpleObjectProperty<>();
    private final javafx.beans.property.BooleanProperty rpisToLrm = new javafx.beans.property.SimpleBooleanProperty();

    public ShiftViewModel(TabletCore core, Background background, TabletSettings settings, Labels labels, Clock clock) {
        this.core = core;
        this.background = background;
        this.labels = labels;
        this.clock = clock;
        for (String key : List.of("vehicleName", "vehicleType", "teamName", "medicalLevel", "contactPhone", "centerName", "centerCity",
                "finessLegal", "finessGeo", "structure")) {
            fields.put(key, new SimpleStringProperty(""));
        }
        for (int i = 0; i < CREW_ROWS; i++) {
            fields.put("crew." + i + ".name", new SimpleStringProperty(""));
            fields.put("crew." + i + ".role", new SimpleStringProperty(""));
        }
        // What the integrator's settings say until the crew's first set-up.
        saved = new ShiftSetup(settings.vehicleName(), settings.crewName(), null, List.of(), null,
                settings.unit().finessJuridical(), settings.unit().finessGeo(), settings.unit().smurCode(), null, settings.rpisToLrm());
        show(saved);
        current.set(saved);
    }

    /** Reads the set-up the store holds, off the UI thread, and shows it. */
    public void load() {
        background.run(() -> core.drafts().load(STORE_KEY).orElse(Map.of()), this::restore,
                e -> message.set(labels.problem(e)));
    }

    /** The set-up the store holds (read at start, off the UI thread); none: the settings' stay. */
    public void restore(Map<String, String> stored) {
        if (stored != null && !stored.isEmpty()) {
            saved = ShiftSetup.fromMap(stored);
            show(saved);
            current.set(saved);
        }
    }

    private void show(ShiftSetup shift) {
        Map<String, String> values = shift.toMap();
        fields.forEach((key, value) -> value.set(values.getOrDefault(key, "")));
        rpisToLrm.set(shift.rpisToLrm());
    }

    /** Saves what is on the form as the shift's set-up. */
    public void save() {
        List<ShiftSetup.CrewMember> crew = new ArrayList<>();
        for (int i = 0; i < CREW_ROWS; i++) {
            String name = value("crew." + i + ".name");
            String role = value("crew." + i + ".role");
            if (name != null) {
                crew.add(new ShiftSetup.CrewMember(name, role == null ? null
                        : Arrays.stream(OperatorRole.values()).filter(r -> r.code().equals(role)).findFirst().orElse(null)));
            }
        }
        String centerCity = value("centerCity");
        if (centerCity != null && !org.opensmur.core.hub.model.HubPattern.INSEE_CODE.matches(centerCity)) {
            // the RS-RI would be refused by the Hub: said here, where it is typed
            message.set(labels.get("shift.centerCity.invalid"));
            return;
        }
        String level = value("medicalLevel");
        ShiftSetup shift = new ShiftSetup(value("vehicleName"), value("teamName"),
                level == null ? null : Arrays.stream(MedicalLevel.values()).filter(m -> m.code().equals(level)).findFirst().orElse(null),
                crew, value("contactPhone"), value("finessLegal"), value("finessGeo"), value("structure"), value("vehicleType"),
                rpisToLrm.get(), value("centerName"), centerCity);
        background.run(() -> {
            core.drafts().save(STORE_KEY, shift.toMap());
            return shift;
        }, done -> {
            saved = done;
            current.set(done);
            message.set(labels.format("shift.saved", LocalTime.now(clock).withSecond(0).withNano(0).toString()));
        }, e -> message.set(labels.problem(e)));
    }

    /** The last saved set-up, observable (the header shows its vehicle and team). */
    public javafx.beans.property.ReadOnlyObjectProperty<ShiftSetup> currentProperty() {
        return current;
    }

    /** The last saved set-up (what messages are built from). */
    public ShiftSetup current() {
        return saved;
    }

    private String value(String key) {
        String v = fields.get(key).get();
        return v == null || v.isBlank() ? null : v.strip();
    }

    public StringProperty field(String key) {
        return fields.get(key);
    }

    /** Whether the SAMU asks for a copy of each RPIS (a setting of the shift: switched on the device). */
    public javafx.beans.property.BooleanProperty rpisToLrmProperty() {
        return rpisToLrm;
    }

    /** The Hub's vehicle types, a SMUR's own first. */
    public List<String> vehicleTypes() {
        List<String> types = new ArrayList<>(org.opensmur.core.hub.model.CodeList.VEHICLE_TYPE.codes());
        types.sort(java.util.Comparator.comparing((String t) -> !t.startsWith("SMUR")));
        return types;
    }

    public List<String> medicalLevels() {
        return core.line().constants(MedicalLevel.class).stream().map(MedicalLevel::code).toList();
    }

    public List<String> roles() {
        return core.line().constants(OperatorRole.class).stream().map(OperatorRole::code).toList();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
