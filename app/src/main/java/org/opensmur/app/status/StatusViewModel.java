package org.opensmur.app.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
import org.opensmur.app.TabletSettings;
import org.opensmur.app.shell.Background;
import org.opensmur.app.shell.Labels;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.status.StatusFlow;
import org.opensmur.store.outbox.DeliveryState;
import org.opensmur.store.db.StoreException;
import org.opensmur.store.outbox.OutboxEntry;
import org.opensmur.store.tablet.TabletCore;

/**
 * The vector status flow: one tap records the status at that instant and queues its RS-SR durably; the
 * tap's delivery state follows the ledger. A mistaken tap is corrected within {@link #CORRECTION_WINDOW}
 * by a new RS-SR restoring the status before it, with that status's own time (the RS-SR's
 * {@code state.datetime} is the time of the change, and that change happened then): history is never
 * deleted. A correction is bound to the tap it was asked for: once another status is tapped it sends
 * nothing.
 */
public final class StatusViewModel {

    public static final Duration CORRECTION_WINDOW = Duration.ofSeconds(60);

    /** One tap as recorded. */
    public record Tap(ResourceStatus status, OffsetDateTime at, String distributionId) {
    }

    /**
     * A correction as the crew is asked it: the tap it undoes, the tap whose status it sends again ({@code null}:
     * nothing is sent), the words of the question, and the taps made so far (a tap after it withdraws it).
     */
    public record Correction(Tap undoes, Tap restores, String question, long tapsBefore) {
    }

    /** Taps asked for (saved or not yet): a correction asked before the last one is stale. */
    private final javafx.beans.property.LongProperty taps = new javafx.beans.property.SimpleLongProperty();
    /** The taps whose acknowledgement is past its deadline, and how long since the tap (by distribution id). */
    private Map<String, Duration> overdue = Map.of();
    private final Map<ResourceStatus, BooleanProperty> unconfirmed = new EnumMap<>(ResourceStatus.class);
    /** For the header: the last status the SAMU has not confirmed past its deadline, in words (empty otherwise). */
    private final StringProperty unconfirmedText = new SimpleStringProperty("");
    /** The statuses a correction took back, and when it was confirmed. */
    private final Map<ResourceStatus, OffsetDateTime> corrected = new EnumMap<>(ResourceStatus.class);

    private final TabletCore core;
    private final Background background;
    private final TabletSettings settings;
    private final Labels labels;
    private final Clock clock;
    private final StringProperty caseId = new SimpleStringProperty();
    private String lrmId;
    private final ObjectProperty<ResourceStatus> expected = new SimpleObjectProperty<>();
    private final ObjectProperty<Tap> lastTap = new SimpleObjectProperty<>();
    private final ObjectProperty<DeliveryState> lastTapState = new SimpleObjectProperty<>();
    private final StringProperty lastTapText = new SimpleStringProperty("");
    private final BooleanProperty correctable = new SimpleBooleanProperty();
    private final List<Tap> history = new ArrayList<>();
    private final Map<ResourceStatus, OffsetDateTime> times = new EnumMap<>(ResourceStatus.class);
    /** Under each button: when it was last tapped and where its message is ("17:23 · intégré"). */
    private final Map<ResourceStatus, StringProperty> notes = new EnumMap<>(ResourceStatus.class);
    /** The delivery state of each tap's message, by distribution id. */
    private final Map<String, DeliveryState> tapStates = new java.util.HashMap<>();

    public StatusViewModel(TabletCore core, Background background, TabletSettings settings, Labels labels, Clock clock) {
        this.core = core;
        this.background = background;
        this.settings = settings;
        this.labels = labels;
        this.clock = clock;
    }

    /** The crew is engaged on this case: the flow starts at DEPART. */
    public void engage(String caseId, String lrmId) {
        this.caseId.set(caseId);
        this.lrmId = lrmId;
        history.clear();
        times.clear();
        corrected.clear();
        unconfirmedText.set("");
        tapStates.clear();
        notes.values().forEach(n -> n.set(""));
        expected.set(ResourceStatus.DEPART);
        lastTap.set(null);
        lastTapState.set(null);
        lastTapText.set("");
        correctable.set(false);
    }

    /** The mission is erased from the tablet: no case, nothing to tap until the next engagement. */
    public void release() {
        caseId.set(null);
        lrmId = null;
        history.clear();
        times.clear();
        corrected.clear();
        unconfirmedText.set("");
        tapStates.clear();
        notes.values().forEach(n -> n.set(""));
        expected.set(null);
        lastTap.set(null);
        lastTapState.set(null);
        lastTapText.set("");
        correctable.set(false);
    }

    public ReadOnlyObjectProperty<Tap> lastTapProperty() {
        return lastTap;
    }

    /**
     * The mission as the store has it after a restart: its taps in order (from the outbox, the record of
     * what was sent) and the last one's delivery state; the expected next status follows the last tap.
     */
    public void restore(String caseId, String lrmId, List<Tap> taps, Map<String, DeliveryState> states) {
        engage(caseId, lrmId);
        List<ResourceStatus> flow = StatusFlow.sequence(core.line());
        int reached = -1;
        for (Tap tap : taps) {
            history.add(tap);
            int at = flow.indexOf(tap.status());
            if (at >= 0 && at < reached) {
                // A status of earlier in the flow sent again: a correction, the later ones were taken back.
                for (ResourceStatus later : flow.subList(at + 1, reached + 1)) {
                    if (times.remove(later) != null) {
                        corrected.put(later, tap.at());
                        renote(later);
                    }
                }
            }
            reached = at >= 0 ? at : reached;
            times.put(tap.status(), tap.at());
            if (states.get(tap.distributionId()) != null) {
                tapStates.put(tap.distributionId(), states.get(tap.distributionId()));
            }
            renote(tap.status());
            int index = flow.indexOf(tap.status());
            if (index >= 0) {
                expected.set(index + 1 < flow.size() ? flow.get(index + 1) : null);
            } else if (tap.status() == ResourceStatus.ANNULE) {
                expected.set(null);
            }
        }
        if (!taps.isEmpty()) {
            Tap last = taps.get(taps.size() - 1);
            DeliveryState lastState = states.get(last.distributionId());
            lastTap.set(last);
            correctable.set(Duration.between(last.at().toInstant(), clock.instant()).compareTo(CORRECTION_WINDOW) <= 0);
            if (lastState != null) {
                lastTapState.set(lastState);
                lastTapText.set(labels.format("status.last", labels.status(last.status()),
                        Labels.time(last.at()), labels.delivery(lastState)));
            }
        }
    }

    /** The SAMU cancelled the engagement: ANNULE is what the crew is expected to confirm. */
    public void cancelledBySamu() {
        expected.set(ResourceStatus.ANNULE);
    }

    public boolean engaged() {
        return caseId.get() != null;
    }

    /** Engaged, and its last status saved is not one that ends the mission. */
    public boolean missionActive() {
        Tap last = lastTap.get();
        return engaged() && (last == null || !StatusFlow.endsMission(last.status()));
    }

    public void tap(ResourceStatus status) {
        if (!engaged()) {
            return;
        }
        taps.set(taps.get() + 1);
        send(status, OffsetDateTime.now(clock));
    }

    private void send(ResourceStatus status, OffsetDateTime at) {
        boolean available = StatusFlow.endsMission(status);
        var built = core.outgoing().statusChange(caseId.get(), settings.resourceId(), status, at, available, lrmId);
        lastTapState.set(null);
        lastTapText.set(labels.format("status.saving", labels.status(status), Labels.time(at)));
        // Saving (SQLite with fsync, AES) happens off the UI thread; taps are saved in the order they were made.
        background.run(() -> core.send(built), entry -> saved(status, at, entry), e -> {
            // Not saved, so not recorded: the crew sees why at once and can tap again.
            lastTapState.set(null);
            lastTapText.set(e instanceof StoreException store ? labels.storageProblem(store) : labels.get("storage.OTHER"));
        });
    }

    private void saved(ResourceStatus status, OffsetDateTime at, OutboxEntry entry) {
        Tap tap = new Tap(status, at, entry.distributionId());
        history.add(tap);
        times.put(status, at);
        corrected.remove(status);
        renote(status);
        lastTap.set(tap);
        correctable.set(true);
        List<ResourceStatus> flow = StatusFlow.sequence(core.line());
        int index = flow.indexOf(status);
        if (index >= 0) { // an optional status (ORIENTAT, ANNULE) leaves the expected one as it was
            expected.set(index + 1 < flow.size() ? flow.get(index + 1) : null);
        }
        onDelivery(entry);
    }

    /**
     * The correction of the last tap, in words for the crew to confirm: the status before the last one sent
     * again with its own time (the LRM sees a new message; the history is kept), or nothing sent when there
     * was none before; {@code null} when there is nothing to correct.
     */
    public Correction correction() {
        Tap last = lastTap.get();
        if (last == null || !correctable.get()) {
            return null;
        }
        Tap before = history.size() >= 2 ? history.get(history.size() - 2) : null;
        String question = before == null
                ? labels.format("status.correct.nothing", labels.status(last.status()))
                : labels.format("status.correct.preview", labels.status(last.status()), labels.status(before.status()),
                        Labels.time(before.at()));
        return new Correction(last, before, question, taps.get());
    }

    /**
     * Does what {@code asked} said, and only that: nothing when another status was tapped since it was asked,
     * when the tap it undoes is no longer the last, or when the window has passed.
     */
    public void correct(Correction asked) {
        Tap last = lastTap.get();
        if (asked == null || last == null || !last.equals(asked.undoes()) || taps.get() != asked.tapsBefore()) {
            return;
        }
        if (!correctable.get() || Duration.between(last.at().toInstant(), clock.instant()).compareTo(CORRECTION_WINDOW) > 0) {
            correctable.set(false);
            return;
        }
        times.remove(last.status());
        corrected.put(last.status(), OffsetDateTime.now(clock));
        renote(last.status());
        if (asked.restores() != null) {
            taps.set(taps.get() + 1);
            send(asked.restores().status(), asked.restores().at());
        } else {
            expected.set(last.status());
        }
        correctable.set(false);
    }

    /** Counts the taps asked for: a correction asked before a tap is withdrawn by it. */
    public javafx.beans.property.ReadOnlyLongProperty tapsProperty() {
        return taps;
    }

    /** Ends the correction window when it is over (called by the screen's clock). */
    public void tick(Instant now) {
        Tap last = lastTap.get();
        if (last != null && correctable.get() && Duration.between(last.at().toInstant(), now).compareTo(CORRECTION_WINDOW) > 0) {
            correctable.set(false);
        }
    }

    /** A ledger change: if it is the last tap's message, its state shows under the buttons. */
    public void onDelivery(OutboxEntry entry) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).distributionId().equals(entry.distributionId())) {
                tapStates.put(entry.distributionId(), entry.state());
                renote(history.get(i).status());
                break;
            }
        }
        Tap last = lastTap.get();
        if (last != null && last.distributionId().equals(entry.distributionId())) {
            lastTapState.set(entry.state());
            lastTapText.set(labels.format("status.last", labels.status(last.status()),
                    Labels.time(last.at()), labels.delivery(entry.state())));
        }
    }

    /**
     * The taps whose acknowledgement by the SAMU is past its deadline ({@code since}: since the tap, by distribution
     * id): their buttons say "non confirmé par le SAMU depuis …", and so does the header for the latest.
     */
    public void overdue(Map<String, Duration> since) {
        overdue = Map.copyOf(since);
        for (ResourceStatus status : ResourceStatus.values()) {
            if (notes.containsKey(status) || unconfirmed.containsKey(status)) {
                renote(status);
            }
        }
        String latest = "";
        for (int i = history.size() - 1; i >= 0 && latest.isEmpty(); i--) {
            Duration d = overdue.get(history.get(i).distributionId());
            if (d != null && times.containsKey(history.get(i).status())) {
                latest = labels.format("status.unconfirmed", labels.status(history.get(i).status()), Math.max(0, d.toMinutes()));
            }
        }
        unconfirmedText.set(latest);
    }

    /** A tap's message sent again by the crew as {@code again}: its button follows the new message's delivery. */
    public void resent(String first, String again) {
        for (int i = 0; i < history.size(); i++) {
            Tap tap = history.get(i);
            if (tap.distributionId().equals(first)) {
                Tap now = new Tap(tap.status(), tap.at(), again);
                history.set(i, now);
                if (tap.equals(lastTap.get())) {
                    lastTap.set(now);
                }
                tapStates.remove(first);
                renote(tap.status());
            }
        }
    }

    /** Whether {@code status}'s last tap is past its deadline without the SAMU's acknowledgement (amber). */
    public javafx.beans.property.ReadOnlyBooleanProperty unconfirmedProperty(ResourceStatus status) {
        return unconfirmed.computeIfAbsent(status, s -> new SimpleBooleanProperty());
    }

    public ReadOnlyStringProperty unconfirmedTextProperty() {
        return unconfirmedText;
    }

    /** The note under {@code status}'s button: its last tap's time and delivery, or nothing when not tapped. */
    public ReadOnlyStringProperty noteProperty(ResourceStatus status) {
        return notes.computeIfAbsent(status, s -> new SimpleStringProperty(""));
    }

    private void renote(ResourceStatus status) {
        StringProperty note = notes.computeIfAbsent(status, s -> new SimpleStringProperty(""));
        Tap tap = null;
        for (int i = history.size() - 1; i >= 0 && tap == null; i--) {
            if (history.get(i).status() == status && times.containsKey(status)) {
                tap = history.get(i);
            }
        }
        BooleanProperty amber = unconfirmed.computeIfAbsent(status, s -> new SimpleBooleanProperty());
        Duration late = tap == null ? null : overdue.get(tap.distributionId());
        amber.set(late != null);
        if (late != null) {
            note.set(labels.format("status.note", Labels.time(tap.at()), labels.format("owed.since", Math.max(0, late.toMinutes()))));
            return;
        }
        if (tap == null) {
            OffsetDateTime taken = corrected.get(status);
            note.set(taken == null ? "" : labels.format("status.note.corrected", Labels.time(taken)));
            return;
        }
        DeliveryState state = tapStates.get(tap.distributionId());
        String time = Labels.time(tap.at());
        note.set(state == null ? time : labels.format("status.note", time, labels.delivery(state)));
    }

    /** The status buttons, as the vhost's model line names them (FINMED in 2.0, FINPEC and ORIENTAT in 3). */
    public List<ResourceStatus> buttons() {
        return StatusFlow.buttons(core.line());
    }

    public Map<ResourceStatus, OffsetDateTime> times() {
        return Map.copyOf(times);
    }

    public List<Tap> history() {
        return List.copyOf(history);
    }

    public ReadOnlyStringProperty caseIdProperty() {
        return caseId;
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
