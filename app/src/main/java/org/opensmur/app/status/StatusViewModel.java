package org.opensmur.app.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.opensmur.app.ui.Background;
import org.opensmur.app.ui.Labels;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.rules.StatusFlow;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.tablet.DeliveryState;
import org.opensmur.tablet.mission.MissionCore;
import org.opensmur.tablet.mission.Tap;
import org.opensmur.tablet.mission.Timeline;

/**
 * The status buttons over the mission core's timeline: a tap is saved off the UI thread (durable with its
 * RS-SR) and shown as the timeline comes back; the rules (what is expected next, what a correction sends,
 * until when) are the core's ({@link Timeline}); this shows them in the crew's words. A correction is asked
 * about one tap and does only what it said: the core refuses it once another status was tapped. What the
 * SAMU has not confirmed past its deadline is said on the button and the header.
 */
public final class StatusViewModel {

    public static final Duration CORRECTION_WINDOW = Timeline.CORRECTION_WINDOW;

    /**
     * A correction as the crew is asked it: the tap it undoes, the tap whose status it sends again ({@code null}:
     * nothing is sent), the words of the question, and the taps asked for so far (a tap after it withdraws it).
     */
    public record Correction(Tap undoes, Tap restores, String question, long tapsBefore) {
    }

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
    /** Taps asked for (saved or not yet): a correction asked before the last one is stale. */
    private final LongProperty taps = new SimpleLongProperty();
    /** Under each button: when it was last tapped and where its message is ("17:23:05 · intégré"). */
    private final Map<ResourceStatus, StringProperty> notes = new EnumMap<>(ResourceStatus.class);
    /** The taps whose acknowledgement is past its deadline, and how long since the tap (by distribution id). */
    private Map<String, Duration> overdue = Map.of();
    private final Map<ResourceStatus, BooleanProperty> unconfirmed = new EnumMap<>(ResourceStatus.class);
    /** For the header: the last status the SAMU has not confirmed past its deadline, in words (empty otherwise). */
    private final StringProperty unconfirmedText = new SimpleStringProperty("");

    public StatusViewModel(MissionCore mission, Background background, ModelLine line, Labels labels, Clock clock) {
        this.mission = mission;
        this.background = background;
        this.line = line;
        this.labels = labels;
        this.clock = clock;
    }

    /** The timeline as the core has it now (on the UI thread): everything under the buttons follows. */
    public void show(Timeline next) {
        if (next == null || timeline == null || !next.caseId().equals(timeline.caseId())) {
            overdue = Map.of();
        }
        timeline = next;
        caseId.set(next == null ? null : next.caseId());
        expected.set(next == null ? null : next.expected());
        Tap last = next == null ? null : next.last().orElse(null);
        lastTap.set(last);
        current.set(last == null ? null : last.status());
        DeliveryState state = last == null ? null : stateOf(last);
        lastTapState.set(state);
        lastTapText.set(last != null && last.local() ? labels.format("status.last.local", labels.status(last.status()), Labels.time(last.at()))
                : last == null || state == null ? "" : labels.format("status.last", labels.status(last.status()), Labels.time(last.at()), labels.delivery(state)));
        correctable.set(last != null && next.correctable(last, clock.instant()));
        renoteAll();
    }

    /** Where the tap's message is: the last one the crew sent it in (the core's timeline follows a "send again"). */
    private DeliveryState stateOf(Tap tap) {
        return timeline.stateOf(tap);
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
        taps.set(taps.get() + 1);
        correctable.set(false); // what a correction would undo is the tap being saved now, once it is shown
        lastTapState.set(null);
        lastTapText.set(labels.format("status.saving", labels.status(status), Labels.time(OffsetDateTime.now(clock))));
        // Saving (SQLite with fsync, AES) happens off the UI thread; taps are saved in the order they were made.
        background.run(() -> mission.tap(status), tap -> { }, this::notSaved);
    }

    private void notSaved(RuntimeException e) {
        // Not saved, so not recorded: the crew sees why at once and can tap again.
        lastTapState.set(null);
        lastTapText.set(labels.problem(e));
    }

    /**
     * The correction of the last tap, in words for the crew to confirm: the status before it sent again with
     * its own time (the LRM sees a new message; the history is kept), or nothing sent when there was none
     * before; {@code null} when there is nothing to correct.
     */
    public Correction correction() {
        Tap last = lastTap.get();
        if (last == null || !correctable.get()) {
            return null;
        }
        Tap before = timeline.correctionOf(last).orElse(null);
        String question = before == null
                ? labels.format("status.correct.nothing", labels.status(last.status()))
                : labels.format("status.correct.preview", labels.status(last.status()), labels.status(before.status()), Labels.time(before.at()));
        return new Correction(last, before, question, taps.get());
    }

    /**
     * Does what {@code asked} said, and only that: nothing when another status was tapped since it was asked
     * (here, or in the core: the tap it undoes must still be the last), or when the window has passed.
     */
    public void correct(Correction asked) {
        if (asked == null || taps.get() != asked.tapsBefore() || !asked.undoes().equals(lastTap.get()) || !correctable.get()) {
            return;
        }
        correctable.set(false);
        taps.set(taps.get() + 1);
        background.run(() -> mission.correct(asked.undoes()), corrected -> {
            if (corrected.isEmpty()) { // another status was saved first, or the window passed: nothing was sent
                lastTapText.set(labels.get("status.correct.refused"));
            }
        }, this::notSaved);
    }

    /** Counts the taps asked for: a correction asked before a tap is withdrawn by it. */
    public ReadOnlyLongProperty tapsProperty() {
        return taps;
    }

    /** Ends the correction window when it is over (called by the screen's clock). */
    public void tick(Instant now) {
        Tap last = lastTap.get();
        if (last != null && correctable.get() && !timeline.correctable(last, now)) {
            correctable.set(false);
        }
    }

    /**
     * The taps whose acknowledgement by the SAMU is past its deadline ({@code since}: since the tap, by distribution
     * id): their buttons say "non confirmé par le SAMU depuis …", and so does the header for the latest.
     */
    public void overdue(Map<String, Duration> since) {
        overdue = Map.copyOf(since);
        renoteAll();
        String latest = "";
        List<Tap> standing = timeline == null ? List.of() : timeline.standing();
        for (int i = standing.size() - 1; i >= 0 && latest.isEmpty(); i--) {
            Duration d = lateness(standing.get(i));
            if (d != null) {
                latest = labels.format("status.unconfirmed", labels.status(standing.get(i).status()), Math.max(0, d.toMinutes()));
            }
        }
        unconfirmedText.set(latest);
    }

    private Duration lateness(Tap tap) {
        return timeline == null ? null : overdue.get(timeline.messageOf(tap));
    }

    /** Whether {@code status}'s last tap is past its deadline without the SAMU's acknowledgement (amber). */
    public ReadOnlyBooleanProperty unconfirmedProperty(ResourceStatus status) {
        return unconfirmed.computeIfAbsent(status, s -> new SimpleBooleanProperty());
    }

    public ReadOnlyStringProperty unconfirmedTextProperty() {
        return unconfirmedText;
    }

    /** The note under {@code status}'s button: its last tap's time and delivery, or nothing when not tapped. */
    public ReadOnlyStringProperty noteProperty(ResourceStatus status) {
        StringProperty note = notes.computeIfAbsent(status, s -> new SimpleStringProperty());
        renote(status);
        return note;
    }

    private void renoteAll() {
        for (ResourceStatus status : ResourceStatus.values()) {
            if (notes.containsKey(status) || unconfirmed.containsKey(status)) {
                renote(status);
            }
        }
    }

    private void renote(ResourceStatus status) {
        StringProperty note = notes.computeIfAbsent(status, s -> new SimpleStringProperty(""));
        BooleanProperty amber = unconfirmed.computeIfAbsent(status, s -> new SimpleBooleanProperty());
        Tap tap = timeline == null ? null : timeline.lastOf(status).orElse(null);
        Duration late = tap == null ? null : lateness(tap);
        amber.set(late != null);
        if (late != null) {
            note.set(labels.format("status.note", Labels.time(tap.at()), labels.format("owed.since", Math.max(0, late.toMinutes()))));
        } else if (tap == null) {
            note.set(timeline == null ? "" : timeline.correctedAt(status)
                    .map(at -> labels.format("status.note.corrected", Labels.time(at.atZone(clock.getZone())))).orElse(""));
        } else {
            DeliveryState state = stateOf(tap);
            note.set(state == null ? Labels.time(tap.at()) : labels.format("status.note", Labels.time(tap.at()), labels.delivery(state)));
        }
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
