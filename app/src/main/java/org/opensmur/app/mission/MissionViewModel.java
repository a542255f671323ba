package org.opensmur.app.mission;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.opensmur.app.shell.Labels;
import org.opensmur.core.mission.ResourceInfo;
import org.opensmur.store.cases.CaseStore;

/**
 * The case as the SAMU shared it (RS-EDA, then each RS-EDA-MAJ applied), field by field; a field an
 * update changed stays highlighted until the crew marks it seen.
 */
public final class MissionViewModel {

    /** One line of the mission screen; {@code path} is where the case keeps it (dots, as the case store names changes). */
    public static final class Field {
        private final String key;
        private final String path;
        private final StringProperty value = new SimpleStringProperty("");
        private final BooleanProperty changed = new SimpleBooleanProperty();

        Field(String key, String path) {
            this.key = key;
            this.path = path;
        }

        public String key() {
            return key;
        }

        public String path() {
            return path;
        }

        public StringProperty valueProperty() {
            return value;
        }

        public BooleanProperty changedProperty() {
            return changed;
        }
    }

    private final Labels labels;
    private final StringProperty caseId = new SimpleStringProperty("");
    private final StringProperty title = new SimpleStringProperty();
    private final StringProperty conflict = new SimpleStringProperty("");
    private final ObservableList<Field> fields = FXCollections.observableArrayList();
    private final ObservableList<String> otherResources = FXCollections.observableArrayList();
    private final Set<String> seenUpdates = new HashSet<>();
    private final javafx.beans.property.BooleanProperty over = new javafx.beans.property.SimpleBooleanProperty();
    private final StringProperty eraseOutcome = new SimpleStringProperty("");
    private boolean closedBySamu;

    public MissionViewModel(Labels labels) {
        this.labels = labels;
        title.set(labels.get("mission.none"));
        fields.addAll(List.of(
                new Field("mission.address", "location.detailedAddress.complete"),
                new Field("mission.city", "location.city.name"),
                new Field("mission.reason", "qualification.whatsHappen.label"),
                new Field("mission.motive", "qualification.healthMotive.label"),
                new Field("mission.priority", "qualification.details.priority"),
                new Field("mission.patient", "patient"),
                new Field("mission.caller", "initialAlert.caller"),
                new Field("mission.decision", "decision"),
                new Field("mission.notes", "freetext")));
    }

    /** Shows the case as it stands; changes from updates not yet seen light their fields. */
    public void show(CaseStore.CaseView view) {
        if (view == null) {
            return;
        }
        if (!view.caseId().equals(caseId.get())) {
            seenUpdates.clear();
            view.changes().forEach(c -> seenUpdates.add(c.distributionId())); // opening a case: its past is not news
        }
        caseId.set(view.caseId());
        JsonNode c = view.current();
        closedBySamu = org.opensmur.store.retention.MissionRetention.CLOSED_CASE_STATES.contains(c.at("/qualification/details/status").asText(""));
        title.set(labels.format("mission.title", text(c.at("/qualification/details/priority")), text(c.at("/qualification/whatsHappen/label"))));
        for (Field field : fields) {
            field.value.set(render(field.path, c));
            field.changed.set(view.changes().stream().anyMatch(ch -> !seenUpdates.contains(ch.distributionId())
                    && (ch.path().equals(field.path) || ch.path().startsWith(field.path + ".") || ch.path().startsWith(field.path + "["))));
        }
    }

    /** The crew has read the highlighted changes. */
    public void markSeen(CaseStore.CaseView view) {
        if (view != null) {
            view.changes().forEach(c -> seenUpdates.add(c.distributionId()));
            show(view);
        }
    }

    public void addResource(ResourceInfo resource) {
        String line = (resource.vehicleType() == null ? "" : resource.vehicleType()) + " "
                + (resource.name() == null ? resource.resourceId() : resource.name());
        if (!otherResources.contains(line.strip())) {
            otherResources.add(line.strip());
        }
    }

    private String render(String path, JsonNode c) {
        JsonNode node = c.at("/" + path.replace('.', '/'));
        return switch (path) {
            case "patient" -> {
                List<String> lines = new ArrayList<>();
                node.forEach(p -> {
                    // Each patient with what the SAMU noted about them (medical notes name their patient).
                    List<String> notes = new ArrayList<>();
                    c.at("/medicalNote").forEach(n -> {
                        if (!text(n.at("/patientId")).isEmpty() && text(n.at("/patientId")).equals(text(p.at("/patientId")))) {
                            notes.add(text(n.at("/freetext")));
                        }
                    });
                    lines.add(String.join(" · ", java.util.stream.Stream.concat(java.util.stream.Stream.of(
                            text(p.at("/identity/nonStrictFeatures/complete")), labels.code("sex", text(p.at("/identity/strictFeatures/sex"))),
                            age(p.at("/detail/age"))), notes.stream()).filter(t -> !t.isBlank()).toList()));
                });
                yield String.join("\n", lines);
            }
            case "initialAlert.caller" -> (labels.code("caller", text(node.at("/type"))) + " " + text(node.at("/callerContact/detail"))).strip();
            case "decision" -> {
                List<String> lines = new ArrayList<>();
                node.forEach(d -> lines.add(String.join(" · ", java.util.stream.Stream.of(labels.code("decision", text(d.at("/decisionType"))),
                        labels.code("orientation", text(d.at("/orientationType"))), text(d.at("/destination/freetext")))
                        .filter(t -> !t.isBlank()).toList())));
                yield String.join("\n", lines);
            }
            default -> text(node);
        };
    }

    private String age(JsonNode age) {
        String iso = text(age);
        return iso.matches("P\\d+Y") ? labels.format("mission.age", iso.substring(1, iso.length() - 1)) : iso;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(n -> items.add(text(n)));
            return String.join("\n", items);
        }
        return node.isValueNode() ? node.asText() : "";
    }

    /** Whether the SAMU closed the case shown (CLOTURE, CLASSE, ARCHIVE). */
    public boolean closedBySamu() {
        return closedBySamu;
    }

    /** The mission is over (the crew's last status, or the case closed): the crew may erase it from the tablet. */
    public void setOver(boolean isOver) {
        over.set(isOver);
    }

    public javafx.beans.property.ReadOnlyBooleanProperty overProperty() {
        return over;
    }

    /** What came of the crew's "erase": done with the count, or why it was kept. */
    public void erased(String outcome, boolean done) {
        eraseOutcome.set(outcome);
        if (done) {
            caseId.set("");
            title.set(labels.get("mission.none"));
            fields.forEach(f -> {
                f.value.set("");
                f.changed.set(false);
            });
            conflict.set("");
            otherResources.clear();
            seenUpdates.clear();
            closedBySamu = false;
            over.set(false);
        }
    }

    public ReadOnlyStringProperty eraseOutcomeProperty() {
        return eraseOutcome;
    }

    public ReadOnlyStringProperty caseIdProperty() {
        return caseId;
    }

    /** The case's conflicting copies (same id, other content), said in words; empty when there are none. */
    public void showConflicts(int count) {
        conflict.set(count == 0 ? "" : labels.format("mission.conflict", count));
    }

    public ReadOnlyStringProperty conflictProperty() {
        return conflict;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ObservableList<Field> fields() {
        return fields;
    }

    public ObservableList<String> otherResources() {
        return otherResources;
    }

    public Field field(String key) {
        return fields.stream().filter(f -> f.key.equals(key)).findFirst().orElseThrow();
    }
}
