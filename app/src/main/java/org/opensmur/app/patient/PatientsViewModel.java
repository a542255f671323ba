package org.opensmur.app.patient;

import org.opensmur.core.mission.MergedCase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.opensmur.app.ui.Background;
import org.opensmur.app.ui.Labels;
import org.opensmur.core.tablet.CaseView;
import org.opensmur.tablet.TabletCore;

/**
 * The patients of the open mission: every patient of the case as the SAMU shared it, and those the crew found
 * on scene (kept in the store with the mission). One of them is chosen; the bilan, the documents and the RPIS
 * are about that one, and say so.
 */
public final class PatientsViewModel {

    /**
     * One patient; {@code fromCase} is its place in the case's {@code patient} list, or -1 for one found on scene.
     * Identity values are what the case says ({@code null} when it says nothing).
     */
    public record Patient(String patientId, int fromCase, String lastName, String firstName, String birthName, String sex,
                          String birthDate, String age, String note) {
    }

    private final TabletCore core;
    private final Background background;
    private final Labels labels;
    private final String orgId;
    private final ObservableList<Patient> patients = FXCollections.observableArrayList();
    private final ObjectProperty<Patient> selected = new SimpleObjectProperty<>();
    private String caseId;
    private final javafx.beans.property.StringProperty message = new javafx.beans.property.SimpleStringProperty("");

    public PatientsViewModel(TabletCore core, Background background, Labels labels, String orgId) {
        this.core = core;
        this.background = background;
        this.labels = labels;
        this.orgId = orgId;
    }

    /**
     * The case's patients, then those added on scene ({@code onScene} as the store keeps them; {@code null}:
     * keep those already listed for this case); the one chosen stays chosen.
     */
    public void show(CaseView view, Map<String, String> onScene) {
        if (view == null) {
            return;
        }
        boolean sameCase = view.caseId().equals(caseId);
        caseId = view.caseId();
        List<Patient> all = new ArrayList<>();
        int index = 0;
        for (org.opensmur.core.mission.Patient p : view.merged().patients()) {
            all.add(new Patient(blankToNull(p.patientId()), index++, MergedCase.lastName(p), MergedCase.firstName(p),
                    MergedCase.birthName(p), MergedCase.sex(p) == null ? null : MergedCase.sex(p).code(), MergedCase.birthDate(p),
                    MergedCase.age(p), MergedCase.medicalHistory(p)));
        }
        if (onScene == null) { // an update of the case: those found on scene stay
            all.addAll(sameCase ? patients.stream().filter(p -> p.fromCase() < 0).toList() : List.of());
        }
        for (int n = 1; onScene != null && onScene.containsKey(n + ".id"); n++) {
            all.add(new Patient(onScene.get(n + ".id"), -1, null, null, null, null, null, null, onScene.get(n + ".note")));
        }
        String chosen = sameCase && selected.get() != null ? selected.get().patientId() : null;
        patients.setAll(all);
        selected.set(all.stream().filter(p -> p.patientId() != null && p.patientId().equals(chosen)).findFirst()
                .orElse(all.isEmpty() ? null : all.get(0)));
    }

    /** The mission opened on {@code caseId}: its patients, and those found on scene as the store keeps them (read off the UI thread). */
    public void open(String caseId, CaseView view) {
        background.run(() -> core.drafts().load(storeKey(caseId)).orElse(Map.of()), onScene -> show(view, onScene),
                e -> message.set(labels.problem(e)));
    }

    /** The mission is over or erased: no patient. */
    public void clear() {
        caseId = null;
        patients.clear();
        selected.set(null);
    }

    /**
     * A patient the case does not list, found on scene: given the SMUR's own identifier
     * ({@code {orgId}.{case number}.patient.{n}}, as PATID allows) and kept with the mission; chosen at once.
     */
    public void addOnScene(String note) {
        if (caseId == null) {
            return;
        }
        String caseNumber = caseId.substring(caseId.lastIndexOf('.') + 1);
        int added = (int) patients.stream().filter(p -> p.fromCase() < 0).count() + 1;
        // the number after the case's own patients, so that it cannot take one of their identifiers
        String id = orgId + "." + caseNumber + ".patient.smur" + added;
        Map<String, String> stored = new LinkedHashMap<>();
        int n = 1;
        for (Patient p : patients) {
            if (p.fromCase() < 0) {
                stored.put(n + ".id", p.patientId());
                if (p.note() != null) {
                    stored.put(n + ".note", p.note());
                }
                n++;
            }
        }
        stored.put(n + ".id", id);
        if (note != null && !note.isBlank()) {
            stored.put(n + ".note", note.strip());
        }
        Patient patient = new Patient(id, -1, null, null, null, null, null, null, note == null || note.isBlank() ? null : note.strip());
        String key = storeKey(caseId);
        background.run(() -> {
            core.drafts().save(key, stored);
            return patient;
        }, saved -> {
            patients.add(saved);
            selected.set(saved);
            message.set(labels.format("patient.added", describe(saved)));
        }, e -> message.set(labels.problem(e)));
    }

    /** Where the store keeps the patients found on scene for {@code caseId}. */
    public static String storeKey(String caseId) {
        return "patients:" + caseId;
    }

    /** The patient in words: "NORMAND Grégoire · homme · 10 ans", or "Patient 3 trouvé sur place · …". */
    public String describe(Patient p) {
        if (p == null) {
            return labels.get("patient.none");
        }
        List<String> parts = new ArrayList<>();
        String name = String.join(" ", java.util.stream.Stream.of(p.lastName(), p.firstName()).filter(s -> s != null).toList());
        parts.add(!name.isBlank() ? name : labels.format("patient.unnamed", patients.indexOf(p) + 1));
        if (p.sex() != null) {
            parts.add(labels.code("sex", p.sex()));
        }
        if (p.age() != null && p.age().matches("P\\d+Y")) {
            parts.add(labels.format("mission.age", p.age().substring(1, p.age().length() - 1)));
        }
        if (p.fromCase() < 0) {
            parts.add(labels.get("patient.onScene"));
        }
        if (p.note() != null && p.fromCase() < 0) {
            parts.add(p.note());
        }
        return String.join(" · ", parts);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    public ObservableList<Patient> patients() {
        return patients;
    }

    public ObjectProperty<Patient> selectedProperty() {
        return selected;
    }

    public javafx.beans.property.ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
