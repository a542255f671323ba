package org.opensmur.app.mission;

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
import org.opensmur.app.ui.Labels;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.opensmur.core.mission.Caller;
import org.opensmur.core.mission.MergedCase;
import org.opensmur.core.mission.ResourceInfo;
import org.opensmur.core.tablet.CaseView;
import org.opensmur.core.tablet.RetentionOutcome;

/**
 * The case as the SAMU shared it (RS-EDA, then each RS-EDA-MAJ applied), field by field; a field an
 * update changed stays highlighted until the crew marks it seen.
 */
public final class MissionViewModel {

    /**
     * One line of the mission screen: read from the case through the model ({@code reader}); {@code path} is
     * where an update changes it (dots, as the case store names changes), to highlight it.
     */
    public static final class Field {
        private final String key;
        private final String path;
        private final Function<MergedCase, String> reader;
        private final StringProperty value = new SimpleStringProperty("");
        private final BooleanProperty changed = new SimpleBooleanProperty();

        Field(String key, String path, Function<MergedCase, String> reader) {
            this.key = key;
            this.path = path;
            this.reader = reader;
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
    /** Périmètre 1: a case a trusted party shared without engaging the crew, which the crew may open (null: none). */
    private final StringProperty sharedOffer = new SimpleStringProperty();
    /** What the open mission is when it is a shared case (empty: an engagement, or none). */
    private final StringProperty sharedNote = new SimpleStringProperty("");

    public MissionViewModel(Labels labels) {
        this.labels = labels;
        title.set(labels.get("mission.none"));
        fields.addAll(List.of(
                new Field("mission.address", "location.detailedAddress.complete", MergedCase::address),
                new Field("mission.city", "location.city.name", MergedCase::cityName),
                new Field("mission.reason", "qualification.whatsHappen.label", MergedCase::whatsHappenLabel),
                new Field("mission.motive", "qualification.healthMotive.label", MergedCase::healthMotiveLabel),
                new Field("mission.priority", "qualification.details.priority", c -> c.priority() == null ? null : c.priority().code()),
                new Field("mission.patient", "patient", this::patients),
                new Field("mission.caller", "initialAlert.caller", this::caller),
                new Field("mission.decision", "decision", this::decisions),
                new Field("mission.notes", "freetext", MergedCase::freetext)));
    }

    /** Shows the case as it stands; changes from updates not yet seen light their fields. */
    public void show(CaseView view) {
        if (view == null) {
            return;
        }
        if (!view.caseId().equals(caseId.get())) {
            seenUpdates.clear();
            view.changes().forEach(c -> seenUpdates.add(c.distributionId())); // opening a case: its past is not news
        }
        caseId.set(view.caseId());
        MergedCase c = view.merged();
        closedBySamu = c.closedBySamu();
        title.set(labels.format("mission.title", c.priority() == null ? "" : c.priority().code(), or(c.whatsHappenLabel())));
        for (Field field : fields) {
            field.value.set(or(field.reader.apply(c)));
            field.changed.set(view.changes().stream().anyMatch(ch -> !seenUpdates.contains(ch.distributionId())
                    && (ch.path().equals(field.path) || ch.path().startsWith(field.path + ".") || ch.path().startsWith(field.path + "["))));
        }
    }

    /** The crew has read the highlighted changes. */
    public void markSeen(CaseView view) {
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

    /** Each patient with what the SAMU noted about them (medical notes name their patient), one per line. */
    private String patients(MergedCase c) {
        return c.patients().stream().map(p -> String.join(" · ", Stream.concat(Stream.of(or(MergedCase.patientName(p)),
                MergedCase.sex(p) == null ? "" : labels.code("sex", MergedCase.sex(p).code()), age(MergedCase.age(p))),
                c.notesAbout(p.patientId()).stream()).filter(t -> !t.isBlank()).toList())).collect(Collectors.joining("\n"));
    }

    private String caller(MergedCase c) {
        Caller caller = c.caller();
        if (caller == null) {
            return "";
        }
        String type = caller.type() == null ? "" : labels.code("caller", caller.type());
        return (type + " " + (caller.callerContact() == null ? "" : or(caller.callerContact().detail()))).strip();
    }

    private String decisions(MergedCase c) {
        return c.decisions().stream().map(d -> String.join(" · ", Stream.of(
                d.decisionType() == null ? "" : labels.code("decision", d.decisionType().code()),
                d.orientationType() == null ? "" : labels.code("orientation", d.orientationType().code()),
                d.destination() == null ? "" : or(d.destination().freetext())).filter(t -> !t.isBlank()).toList()))
                .collect(Collectors.joining("\n"));
    }

    private String age(String iso) {
        if (iso == null) {
            return "";
        }
        return iso.matches("P\\d+Y") ? labels.format("mission.age", iso.substring(1, iso.length() - 1)) : iso;
    }

    private static String or(String text) {
        return text == null ? "" : text;
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

    /** What came of the crew's "erase", in their words: done with the count, not over, or kept for what is still on its way. */
    public void erased(RetentionOutcome outcome) {
        if (outcome.purged()) {
            erased(labels.format("mission.erase.done", outcome.counts().values().stream().mapToInt(Integer::intValue).sum()), true);
        } else {
            erased(outcome.over() ? labels.format("mission.erase.undelivered", outcome.undelivered()) : labels.get("mission.erase.notOver"), false);
        }
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
            sharedNote.set("");
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

    /** A trusted party shared {@code caseId} with no engagement request: the crew may open it. */
    public void offerShared(String caseId) {
        sharedOffer.set(caseId);
    }

    /** A mission opened: a shared case (said on the screen) or an engagement; the offer of that case is answered. */
    public void opened(String caseId, boolean shared) {
        sharedNote.set(shared ? labels.get("mission.shared.opened") : "");
        if (caseId.equals(sharedOffer.get())) {
            sharedOffer.set(null);
        }
    }

    /** The shared case the crew may open (null: none offered). */
    public ReadOnlyStringProperty sharedOfferProperty() {
        return sharedOffer;
    }

    /** Said on the mission screen while the open mission is a shared case (empty otherwise). */
    public ReadOnlyStringProperty sharedNoteProperty() {
        return sharedNote;
    }

    public Field field(String key) {
        return fields.stream().filter(f -> f.key.equals(key)).findFirst().orElseThrow();
    }
}
