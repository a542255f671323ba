package org.opensmur.app.care;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.opensmur.app.ui.Background;
import org.opensmur.app.ui.Labels;
import org.opensmur.tablet.care.CareCatalog;
import org.opensmur.tablet.care.CareGiven;
import org.opensmur.tablet.care.CareLog;

/**
 * The acts done and drugs given to the patient on screen, as quick picks: one tap on an act's tile stamps it
 * now (the core's clock), a drug's tile asks its dose, unit and route (picked, a keypad for another dose);
 * each time may be corrected. Saved encrypted with the mission at each change (a restart loses nothing).
 */
public final class CareViewModel {

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    private final CareLog log;
    private final Background background;
    private final Labels labels;
    private final Clock clock;
    private final ObjectProperty<CareCatalog> catalog = new SimpleObjectProperty<>(CareCatalog.defaults());
    private final ObservableList<CareGiven> given = FXCollections.observableArrayList();
    private final ObservableList<CareGiven> givenSeen = FXCollections.unmodifiableObservableList(given);
    private final StringProperty message = new SimpleStringProperty("");
    /** The drug being given (null while none is asked). */
    private final ObjectProperty<CareCatalog.Drug> drug = new SimpleObjectProperty<>();
    private final StringProperty dose = new SimpleStringProperty("");
    private final StringProperty unit = new SimpleStringProperty("");
    private final StringProperty route = new SimpleStringProperty("");
    private final StringProperty time = new SimpleStringProperty("");
    private final StringProperty drugError = new SimpleStringProperty("");
    /** An act not on the tiles, in words (the integrator wires the ACTES_SMUR picker here). */
    private final StringProperty otherAct = new SimpleStringProperty("");
    private String caseId;
    private String patientId;

    /**
     * @param clock the core's clock (the one the statuses and the vitals are dated by)
     */
    public CareViewModel(CareLog log, Background background, Labels labels, Clock clock) {
        this.log = log;
        this.background = background;
        this.labels = labels;
        this.clock = clock;
        catalog.addListener((o, was, is) -> tiles(is));
        tiles(catalog.get());
        given.addListener((javafx.collections.ListChangeListener<CareGiven>) c -> lines.setAll(given.stream().map(this::line).toList()));
        drug.addListener((o, was, is) -> {
            doseChoices.setAll(is == null ? List.of() : is.doses());
            unitChoices.setAll(is == null ? List.of() : is.units());
            routeChoices.setAll(is == null ? List.of() : is.routes());
            drugName.set(is == null ? "" : is.name()); // last: the screen builds its choices when the name changes
        });
        dose.addListener((o, was, is) -> drugError.set(""));
        time.addListener((o, was, is) -> drugError.set(""));
    }

    /** The SMUR's list in {@code folder} ({@link CareCatalog#FILE}), else the default; a wrong file is said, the default kept. */
    public void catalogFrom(Path folder) {
        background.run(() -> CareCatalog.in(folder), catalog::set, e -> message.set(labels.format("care.catalogWrong", e.getMessage())));
    }

    /** A tile as the screen shows it: an id of its own ("care-act-intubation"), its words. */
    public record Tile(String id, String label, int index, boolean drug) {
    }

    /** A line of what was given, as the screen shows it: its time ("10:42"), its kind and what, in words. */
    public record Given(String id, String hours, String said) {
    }

    private final ObservableList<Tile> actTiles = FXCollections.observableArrayList();
    private final ObservableList<Tile> drugTiles = FXCollections.observableArrayList();
    private final ObservableList<Given> lines = FXCollections.observableArrayList();
    private final StringProperty drugName = new SimpleStringProperty("");
    private final ObservableList<String> doseChoices = FXCollections.observableArrayList();
    private final ObservableList<String> unitChoices = FXCollections.observableArrayList();
    private final ObservableList<String> routeChoices = FXCollections.observableArrayList();

    private void tiles(CareCatalog list) {
        List<Tile> acts = new ArrayList<>();
        for (int i = 0; i < list.acts().size(); i++) {
            acts.add(new Tile("care-act-" + slug(list.acts().get(i).label()), list.acts().get(i).label(), i, false));
        }
        List<Tile> drugs = new ArrayList<>();
        for (int i = 0; i < list.drugs().size(); i++) {
            drugs.add(new Tile("care-drug-" + slug(list.drugs().get(i).name()), list.drugs().get(i).name(), i, true));
        }
        actTiles.setAll(acts);
        drugTiles.setAll(drugs);
    }

    private Given line(CareGiven one) {
        return new Given(one.id(), HOURS.format(one.at()),
                (one.kind() == CareGiven.Kind.ACT ? labels.get("care.act") : labels.get("care.drug")) + " · " + one.what());
    }

    /** A stable id from a label ("Massage cardiaque externe" → "massage-cardiaque-externe"). */
    public static String slug(String label) {
        return java.text.Normalizer.normalize(label.replace("µ", "u"), java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    public ObservableList<Tile> actTiles() {
        return actTiles;
    }

    public ObservableList<Tile> drugTiles() {
        return drugTiles;
    }

    /** One tap on a tile: an act done now, or a drug whose dose, unit and route are asked. */
    public void tap(Tile tile) {
        CareCatalog list = catalog.get();
        if (tile.drug()) {
            startDrug(list.drugs().get(tile.index()));
        } else {
            act(list.acts().get(tile.index()));
        }
    }

    /** What was given, as the screen lists it, in time order. */
    public ObservableList<Given> lines() {
        return lines;
    }

    /** Corrects the time of a line of the list; false and said when it cannot be. */
    public boolean retime(Given line, String typed) {
        return given.stream().filter(g -> g.id().equals(line.id())).findFirst().map(g -> retime(g, typed)).orElse(false);
    }

    /** Takes back a line of the list. */
    public void remove(Given line) {
        given.stream().filter(g -> g.id().equals(line.id())).findFirst().ifPresent(this::remove);
    }

    /** The drug being asked, by name ("" while none is). */
    public ReadOnlyStringProperty drugNameProperty() {
        return drugName;
    }

    public ObservableList<String> doseChoices() {
        return doseChoices;
    }

    public ObservableList<String> unitChoices() {
        return unitChoices;
    }

    public ObservableList<String> routeChoices() {
        return routeChoices;
    }

    public ObjectProperty<CareCatalog> catalogProperty() {
        return catalog;
    }

    /** The mission's case (null: none open). */
    public void open(String caseId) {
        if (!Objects.equals(caseId, this.caseId)) {
            this.caseId = caseId;
            load();
        }
    }

    /** The patient on screen (null: the mission's only one). */
    public void choose(String patientId) {
        if (!Objects.equals(patientId, this.patientId)) {
            this.patientId = patientId;
            load();
        }
    }

    /** Whose acts and drugs are shown ("case|patient"): changes when the case or the patient does. */
    private final StringProperty about = new SimpleStringProperty("");

    public ReadOnlyStringProperty aboutProperty() {
        return about;
    }

    /**
     * The patient's acts and drugs being read: nothing is added, corrected or removed meanwhile (the list on screen is
     * not theirs yet: a tap then would save the previous patient's list, or an empty one, as this patient's).
     */
    private boolean loading;

    private void load() {
        cancelDrug();
        about.set(caseId + "|" + patientId);
        String opened = caseId;
        String about = patientId;
        given.clear();
        if (opened == null) {
            loading = false;
            return;
        }
        loading = true;
        background.run(() -> log.load(opened, about), read -> {
            if (Objects.equals(opened, caseId) && Objects.equals(about, patientId)) {
                given.setAll(read);
                loading = false;
            }
        }, e -> {
            loading = false;
            failed(e);
        });
    }

    /** What was given to the patient on screen, in time order. */
    public ObservableList<CareGiven> given() {
        return givenSeen;
    }

    /** One tap on an act's tile: done now. False (and said) while no mission is open. */
    public boolean act(CareCatalog.Act act) {
        return add(CareGiven.act(act.label(), act.code(), now()));
    }

    /** An act not on the tiles, as written in "autre acte"; false when nothing is written. */
    public boolean addOtherAct() {
        String words = otherAct.get() == null ? "" : otherAct.get().strip();
        if (words.isEmpty()) {
            return false;
        }
        if (add(CareGiven.act(words, null, now()))) {
            otherAct.set("");
            return true;
        }
        return false;
    }

    public StringProperty otherActProperty() {
        return otherAct;
    }

    private org.opensmur.app.ui.CodePickerModel actsPicker;

    /**
     * "Autre acte" from the SMUR's ACTES_SMUR list (its code, said in words), or typed where none is installed (the
     * model takes free text): one more act, now.
     */
    public void actsFrom(org.opensmur.app.ui.CodePickerModel picker) {
        this.actsPicker = picker;
        picker.onChosen(code -> {
            var entry = picker.entry(code);
            add(CareGiven.act(entry.map(org.opensmur.core.nomenclature.Nomenclature.Entry::label).orElse(code),
                    entry.isPresent() ? code : null, now()));
            picker.valueProperty().set(""); // empty again, for one more
        });
    }

    /** The picker of other acts (null: typed, with no list to pick from). */
    public org.opensmur.app.ui.CodePickerModel actsPicker() {
        return actsPicker;
    }

    /** A drug's tile: its dose, unit and route are asked, preset to the list's first, the time now. */
    public void startDrug(CareCatalog.Drug chosen) {
        drug.set(chosen);
        dose.set(chosen.doses().isEmpty() ? "" : chosen.doses().get(0));
        unit.set(chosen.units().isEmpty() ? "" : chosen.units().get(0));
        route.set(chosen.routes().isEmpty() ? "" : chosen.routes().get(0));
        time.set(HOURS.format(now()));
        drugError.set("");
    }

    /** The drug asked is given, at the time said; false (and said beside it) while the dose or the time is wrong. */
    public boolean giveDrug() {
        CareCatalog.Drug chosen = drug.get();
        if (chosen == null) {
            return false;
        }
        String amount = dose.get() == null ? "" : dose.get().strip();
        if (!amount.matches("\\d+([.,]\\d+)?") || amount.matches("0+([.,]0+)?")) {
            drugError.set(labels.get("care.error.dose"));
            return false;
        }
        OffsetDateTime at = timeOf(time.get(), null);
        if (at == null) {
            return false;
        }
        if (add(CareGiven.drug(chosen.name(), amount, unit.get(), route.get(), at))) {
            cancelDrug();
            return true;
        }
        return false;
    }

    /** No drug asked any more. */
    public void cancelDrug() {
        drug.set(null);
        drugError.set("");
    }

    /** Corrects the time of {@code one} ("HH:MM", the nearest to its own, not to come); false and said when it cannot be. */
    public boolean retime(CareGiven one, String typed) {
        OffsetDateTime at = timeOf(typed, one);
        if (at == null) {
            message.set(drugError.get());
            drugError.set("");
            return false;
        }
        List<CareGiven> all = new ArrayList<>(given);
        int index = indexOf(one);
        if (index < 0) {
            return false;
        }
        all.set(index, one.at(at));
        replace(all);
        message.set("");
        return true;
    }

    /** Takes back {@code one} (tapped by mistake). */
    public void remove(CareGiven one) {
        List<CareGiven> all = new ArrayList<>(given);
        int index = indexOf(one);
        if (index >= 0) {
            all.remove(index);
            replace(all);
        }
    }

    private int indexOf(CareGiven one) {
        for (int i = 0; i < given.size(); i++) {
            if (given.get(i).id().equals(one.id())) {
                return i;
            }
        }
        return -1;
    }

    /** The acts as an RS-BPV's {@code procedure} carries them, one entry each (the SMUR's code, else the label), in order. */
    public List<String> procedures() {
        return given.stream().filter(g -> g.kind() == CareGiven.Kind.ACT).map(CareGiven::procedure).toList();
    }

    /** The drugs as the RS-BPV's free text says them ("Adrénaline 1 mg IV 10:42"), in order. */
    public List<String> drugSummaries() {
        return given.stream().filter(g -> g.kind() == CareGiven.Kind.DRUG).map(CareGiven::summary).toList();
    }

    /** Its time as shown ("10:42"). */
    public static String hours(CareGiven one) {
        return HOURS.format(one.at());
    }

    private boolean add(CareGiven one) {
        if (caseId == null) {
            message.set(labels.get("care.noMission"));
            return false;
        }
        if (loading) {
            message.set(labels.get("care.loading"));
            return false;
        }
        List<CareGiven> all = new ArrayList<>(given);
        all.add(one);
        replace(all);
        message.set("");
        return true;
    }

    private void replace(List<CareGiven> all) {
        if (loading) {
            message.set(labels.get("care.loading"));
            return;
        }
        List<CareGiven> ordered = CareLog.ordered(all);
        given.setAll(ordered);
        String opened = caseId;
        String about = patientId;
        background.run(() -> {
            log.save(opened, about, ordered);
            return ordered;
        }, saved -> { }, this::failed); // said when it could not be saved: the crew must know
    }

    private void failed(RuntimeException e) {
        message.set(labels.problem(e));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withSecond(0).withNano(0);
    }

    /**
     * "HH:MM" already lived (at 00:02, "23:58" is yesterday's; at 05:00, "16:00" too), or nearest to the time of
     * {@code one} when correcting it; not to come; null and said otherwise.
     */
    private OffsetDateTime timeOf(String typed, CareGiven one) {
        String t = typed == null ? "" : typed.strip();
        if (!t.matches("([01]\\d|2[0-3]):[0-5]\\d")) {
            drugError.set(labels.get("bilan.error.time"));
            return null;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalTime typedAt = LocalTime.parse(t, HOURS);
        OffsetDateTime at = one != null ? org.opensmur.core.time.TimeOfDay.nearest(typedAt, one.at(), clock.getZone())
                : org.opensmur.core.time.TimeOfDay.lived(typedAt, now.atZoneSameInstant(clock.getZone())).toOffsetDateTime();
        if (at.isAfter(now)) {
            drugError.set(labels.format("bilan.error.timeToCome", HOURS.format(now)));
            return null;
        }
        return at;
    }

    /** The case on screen (null: none open). */
    public String caseId() {
        return caseId;
    }

    /** The patient on screen (null: the mission's only one). */
    public String patientId() {
        return patientId;
    }

    public ObjectProperty<CareCatalog.Drug> drugProperty() {
        return drug;
    }

    public StringProperty doseProperty() {
        return dose;
    }

    public StringProperty unitProperty() {
        return unit;
    }

    public StringProperty routeProperty() {
        return route;
    }

    public StringProperty timeProperty() {
        return time;
    }

    public ReadOnlyStringProperty drugErrorProperty() {
        return drugError;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
