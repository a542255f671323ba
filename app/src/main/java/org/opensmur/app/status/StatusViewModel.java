package org.opensmur.app.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.opensmur.app.ui.Background;
import org.opensmur.app.ui.Labels;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.rules.StatusFlow;
import org.opensmur.store.db.StoreException;
import org.opensmur.store.outbox.DeliveryState;
import org.opensmur.tablet.mission.MissionCore;
import org.opensmur.tablet.mission.Tap;
import org.opensmur.tablet.mission.Timeline;

/**
 * The status buttons over the mission core's timeline: a tap is saved off the UI thread (durable with its
 * RS-SR) and shown as the timeline comes back; the rules (what is expected next, what a correction sends,
 * until when) are the core's ({@link Timeline}); this shows them in the crew's words.
 */
public final class StatusViewModel {

    public static final Duration CORRECTION_WINDOW = Timeline.CORRECTION_WINDOW;

    private final MissionCore mission;
    private final Background background;
    private final ModelLine line;
    private final Labels labels;
    private final Clock clock;
    private Timeline timeline;
    private final StringProperty caseId = new SimpleStringProperty();
    private final ObjectProperty<ResourceStatus> expected = new SimpleObjectProperty<>();
    private final ObjectProperty<Tap> lastTap = new SimpleObjectProperty<>();
    private final ObjectProperty<ResourceStatus> current = new SimpleObjectProperty<>();
    private final ObjectProperty<DeliveryState> lastTapState = new SimpleObjectProperty<>();
    private final StringProperty lastTapText = new SimpleStringProperty("");
    private final BooleanProperty correctable = new SimpleBooleanProperty();
    /** Under each button: when it was last tapped and where its message is ("17:23 · intégré"). */
    private final Map<ResourceStatus, StringProperty> notes = new EnumMap<>(ResourceStatus.class);

    public StatusViewModel(MissionCore mission, Background background, ModelLine line, Labels labels, Clock clock) {
        this.mission = mission;
        this.background = background;
        this.line = line;
        this.labels = labels;
        this.clock = clock;
    }

    /** The timeline as the core has it now (on the UI thread): everything under the buttons follows. */
    public void show(Timeline next) {
        timeline = next;
        caseId.set(next == null ? null : next.caseId());
        expected.set(next == null ? null : next.expected());
        Tap last = next == null ? null : next.last().orElse(null);
        lastTap.set(last);
        current.set(last == null ? null : last.status());
        DeliveryState state = last == null ? null : next.stateOf(last);
        lastTapState.set(state);
        lastTapText.set(last != null && last.local() ? labels.format("status.last.local", labels.status(last.status()), time(last))
                : last == null || state == null ? "" : labels.format("status.last", labels.status(last.status()), time(last), labels.delivery(state)));
        correctable.set(last != null && next.correctable(last, clock.instant()));
        for (ResourceStatus status : ResourceStatus.values()) {
            StringProperty note = notes.get(status);
            if (note != null) {
                note.set(note(status));
            }
        }
    }

    /** The mission is erased from the tablet: no case, nothing to tap until the next engagement. */
    public void release() {
        show(null);
    }

    public ReadOnlyObjectProperty<Tap> lastTapProperty() {
        return lastTap;
    }

    public boolean engaged() {
        return timeline != null;
    }

    /** Engaged, and its last status saved is not one that ends the mission. */
    public boolean missionActive() {
        return timeline != null && timeline.active();
    }

    public void tap(ResourceStatus status) {
        if (!engaged()) {
            return;
        }
        lastTapState.set(null);
        lastTapText.set(labels.format("status.saving", labels.status(status), OffsetDateTime.now(clock).toLocalTime().withNano(0).toString()));
        // Saving (SQLite with fsync, AES) happens off the UI thread; taps are saved in the order they were made.
        background.run(() -> mission.tap(status), tap -> { }, this::notSaved);
    }

    private void notSaved(RuntimeException e) {
        // Not saved, so not recorded: the crew sees why at once and can tap again.
        lastTapState.set(null);
        lastTapText.set(e instanceof StoreException store ? labels.storageProblem(store) : labels.get("storage.OTHER"));
    }

    /**
     * What a correction of the last tap would send, in words for the crew to confirm: the status before it
     * again, dated now (the LRM sees a new status; the history is kept), or nothing when there was none before.
     */
    public String correctionPreview() {
        Tap last = lastTap.get();
        if (last == null) {
            return "";
        }
        return timeline.correctionOf(last)
                .map(before -> labels.format("status.correct.preview", labels.status(last.status()), labels.status(before),
                        java.time.LocalTime.now(clock).withNano(0).toString()))
                .orElseGet(() -> labels.format("status.correct.nothing", labels.status(last.status())));
    }

    /** Corrects the last tap, the one the preview showed; the core refuses it if it is no longer the last or too old. */
    public void correct() {
        Tap shown = lastTap.get();
        if (shown == null || !correctable.get()) {
            return;
        }
        correctable.set(false);
        background.run(() -> mission.correct(shown), corrected -> { }, this::notSaved);
    }

    /** Ends the correction window when it is over (called by the screen's clock). */
    public void tick(Instant now) {
        Tap last = lastTap.get();
        if (last != null && correctable.get() && !timeline.correctable(last, now)) {
            correctable.set(false);
        }
    }

    /** The note under {@code status}'s button: its last tap's time and delivery, or nothing when not tapped. */
    public ReadOnlyStringProperty noteProperty(ResourceStatus status) {
        return notes.computeIfAbsent(status, s -> new SimpleStringProperty(note(s)));
    }

    private String note(ResourceStatus status) {
        Tap tap = timeline == null ? null : timeline.lastOf(status).orElse(null);
        if (tap == null) {
            return "";
        }
        DeliveryState state = timeline.stateOf(tap);
        return state == null ? time(tap) : labels.format("status.note", time(tap), labels.delivery(state));
    }

    private static String time(Tap tap) {
        return tap.at().toLocalTime().withNano(0).toString();
    }

    /** The status buttons, as the vhost's model line names them (FINMED in 2.0, FINPEC and ORIENTAT in 3). */
    public List<ResourceStatus> buttons() {
        return StatusFlow.buttons(line);
    }

    public Map<ResourceStatus, OffsetDateTime> times() {
        return timeline == null ? Map.of() : timeline.times();
    }

    /** Every tap of the mission in order, corrected ones included (the history is never deleted). */
    public List<Tap> history() {
        return timeline == null ? List.of() : timeline.taps();
    }

    public ReadOnlyStringProperty caseIdProperty() {
        return caseId;
    }

    /** The status the crew is at: its last tap that stands (null before the first). */
    public ReadOnlyObjectProperty<ResourceStatus> currentProperty() {
        return current;
    }

    public ReadOnlyObjectProperty<ResourceStatus> expectedProperty() {
        return expected;
    }

    public ReadOnlyObjectProperty<DeliveryState> lastTapStateProperty() {
        return lastTapState;
    }

    public ReadOnlyStringProperty lastTapTextProperty() {
        return lastTapText;
    }

    public ReadOnlyBooleanProperty correctableProperty() {
        return correctable;
    }
}
