package org.opensmur.tablet.mission;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.opensmur.core.hub.client.HubEvent;
import org.opensmur.core.hub.message.DistributionKind;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.mission.CreateCaseHealthUpdate;
import org.opensmur.core.mission.ResourcesEngagement;
import org.opensmur.core.mission.ResourcesInfo;
import org.opensmur.core.reference.ReferenceStep;
import org.opensmur.core.shift.ShiftSetup;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.status.ResourcesStatus;
import org.opensmur.core.rules.StatusFlow;
import org.opensmur.core.tablet.CaseView;
import org.opensmur.core.tablet.OutboxEntry;
import org.opensmur.core.tablet.RetentionOutcome;
import org.opensmur.core.tablet.DraftStore;
import org.opensmur.core.tablet.StatusTapStore;
import org.opensmur.tablet.TabletCore;

/**
 * The crew's mission, whatever the tablet's face (the JavaFX app, the headless crew of the local Hub): the
 * request ringing, the case engaged on, the status timeline and its rules, what the crew has looked at
 * (RC-REF CONSULTE), and what a restart must bring back. Received messages reach it through one dispatch,
 * each type's reaction written once ({@link #onMessage}); it tells the faces by {@link MissionEvent}s on the
 * core's bus. No JavaFX, no thread of its own: its state is guarded by its lock, its work (the store's)
 * runs on the thread of the caller or, for what is received, on {@code work} (the store's executor).
 */
public final class MissionCore {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MissionCore.class);

    // What a restart or a crash must not lose, kept (encrypted) in the store as it changes. The keys are
    // the ones the app's session used before the mission core: a tablet updated mid-mission finds its mission.
    static final String MISSION = "session:mission";
    static final String PENDING = "session:pending";
    static final String SCREEN = "session:screen";

    private final TabletCore core;
    private final Crew crew;
    private final StatusTapStore statusTaps;
    private final DraftStore drafts;
    private volatile Supplier<ShiftSetup> shift = () -> null;

    // guarded by this
    private Timeline timeline;
    private HubMessage pending;
    /** Case messages not yet shown to the crew, by case: they get RC-REF CONSULTE once on screen. */
    private final Map<String, List<HubMessage>> unconsulted = new HashMap<>();
    private boolean missionOnScreen;
    private boolean restored;
    /** Cases a trusted party shared with the tablet (RS-EDA, RS-EDA-MAJ), by case: who shared it. */
    private final Map<String, String> sharedBy = new HashMap<>();

    /** @param work where the core's received messages are handled (the store's executor: one after another) */
    public MissionCore(TabletCore core, Crew crew, Executor work) {
        this.core = core;
        this.crew = crew;
        core.describeAs(() -> crew.described(shift.get())); // the GEO-RES as the shift set-up is when asked
        this.statusTaps = core.statusTaps();
        this.drafts = core.drafts();
        core.events().subscribe(HubEvent.class, work, this::onEvent);
        core.events().subscribe(org.opensmur.tablet.CoreNotice.class, work, notice -> {
            if (notice instanceof org.opensmur.tablet.CoreNotice.MissionPurged purged) {
                purged(purged.caseId());
            }
        });
        core.onLedgerChange(entry -> {
            if (entry.type() == MessageType.RS_SR) {
                work.execute(() -> delivered(entry));
            }
        });
    }

    /** The shift set-up the engagement reply is built from (none: the crew's settings alone). */
    public void shiftFrom(Supplier<ShiftSetup> source) {
        this.shift = Objects.requireNonNull(source);
    }

    // ---- what arrives

    private void onEvent(HubEvent event) {
        switch (event) {
            case HubEvent.MessageReceived received when !received.duplicate() -> onMessage(received.message());
            case HubEvent.MessageConflict conflict -> {
                String caseId = conflict.message().caseId();
                if (caseId != null && caseId.equals(openCase())) {
                    publish(new MissionEvent.ConflictsChanged(caseId, core.received().conflictCount(caseId)));
                }
            }
            default -> { }
        }
    }

    /**
     * What each received type does to the mission: the one place that says it. No default branch: a new
     * type does not compile until it says what it does here (what it keys on, how it is ordered and how long
     * it lives are {@link MessageType}'s).
     */
    private synchronized void onMessage(HubMessage message) {
        String caseId = message.caseId();
        switch (message.type()) {
            case RS_ER -> {
                ResourcesEngagement request = (ResourcesEngagement) message.payload();
                if (message.distributionKind() == DistributionKind.CANCEL && pending != null
                        && pending.payload() instanceof ResourcesEngagement ringing && ringing.caseId().equals(caseId)) {
                    // Cancelled before the crew answered: it no longer rings, and it can no longer be accepted.
                    pending = null;
                    drafts.remove(PENDING);
                    publish(new MissionEvent.RequestWithdrawn(caseId));
                }
                if (message.distributionKind() == DistributionKind.CANCEL) {
                    if (timeline != null && caseId.equals(timeline.caseId())) {
                        timeline = timeline.cancelled();
                        remember(timeline); // still cancelled after a restart
                        publish(new MissionEvent.CancelledBySamu(caseId));
                        publish(new MissionEvent.TimelineChanged(timeline));
                    }
                    return;
                }
                pending = message;
                drafts.save(PENDING, Map.of("requestId", message.distributionID())); // rings again after a restart
                publish(new MissionEvent.RequestRinging(message.distributionID(), message.senderID(), request,
                        core.cases().view(caseId), core.trusts(message.senderID()), false));
            }
            case RS_EDA, RS_EDA_MAJ -> caseMessage(caseId, message);
            case RS_RI -> {
                if (caseId.equals(openCase())) {
                    publish(new MissionEvent.OtherResources(caseId, ((ResourcesInfo) message.payload()).resource().stream()
                            .filter(r -> !crew.resourceId().equals(r.resourceId())).toList()));
                }
            }
            // Answered by the core before the mission hears of it (TabletCore: GEO-RES to a trusted asker only).
            case GEO_REQ -> { }
            // The ledger's: the core has applied them to the message they acknowledge or refuse.
            case RC_REF, RS_ERROR -> { }
            // Only sent by a tablet: another party's copy is kept, and changes nothing of the mission.
            case RS_SR, GEO_POS, GEO_RES, RS_URL, RS_BPV, RS_RPIS -> { }
        }
    }

    private void caseMessage(String caseId, HubMessage message) {
        unconsulted.computeIfAbsent(caseId, k -> new ArrayList<>()).add(message);
        String open = openCase();
        if (core.trusts(message.senderID()) && sharedBy.putIfAbsent(caseId, message.senderID()) == null && !caseId.equals(open)) {
            publish(new MissionEvent.CaseShared(caseId, message.senderID())); // périmètre 1: the crew may open it without an RS-ER
        }
        if (message.payload() instanceof CreateCaseHealthUpdate && caseId.equals(open) && !missionOnScreen) {
            publish(new MissionEvent.UpdatedAway(caseId)); // the update must not wait for the crew to look
        }
        if (open == null || caseId.equals(open) || !timeline.active()) { // a mission over does not hide the next case
            publish(new MissionEvent.CaseChanged(core.cases().view(caseId)));
        }
        if (missionOnScreen) {
            consultOpenCase();
        }
    }

    // ---- the engagement

    /** The request ringing is in front of the crew: its sender gets RC-REF CONSULTE. */
    public synchronized void requestShown(String requestId) {
        if (pending != null && pending.distributionID().equals(requestId)) {
            core.acknowledge(pending, ReferenceStep.CONSULTE);
        }
    }

    /**
     * The crew accepts the request ringing: the RS-RI leaves (durable when this returns) and the mission
     * opens, DEPART expected. Empty when no request rings (answered already).
     *
     * @param missionNumber the crew's, or null for the generated one
     */
    public Optional<OutboxEntry> accept(String missionNumber) {
        return accept(missionNumber, List.of());
    }

    /**
     * The same, the reply carrying the states the crew adds beside DECISION, each with its time (the trigger
     * DECLENCHE...: {@link EngagementReply}).
     */
    public synchronized Optional<OutboxEntry> accept(String missionNumber, List<org.opensmur.core.status.ResourceState> more) {
        HubMessage request = pending;
        if (request == null || !(request.payload() instanceof ResourcesEngagement engagement)) {
            return Optional.empty();
        }
        // Engaged on the case the crew had opened as shared, or asked again for the case it is engaged on (the SAMU
        // repeated its request): the mission goes on from what was entered, its taps kept.
        // A mission over on that case (cancelled, back at base) is not continued: a new engagement starts afresh.
        boolean continued = timeline != null && timeline.caseId().equals(engagement.caseId()) && (timeline.shared() || timeline.active());
        Timeline engaged = continued ? timeline.engagedBy(request.senderID())
                : Timeline.engaged(core.line(), engagement.caseId(), request.senderID());
        OutboxEntry sent = core.send(EngagementReply.build(core.outgoing(), engagement, request.senderID(), crew, shift.get(),
                missionNumber, OffsetDateTime.now(core.clock()), more), (OutboxEntry queued) -> {
                    drafts.remove(PENDING); // answered, and engaged: in the reply's transaction (a restart finds both or neither)
                    remember(engaged);
                });
        pending = null;
        open(engagement.caseId(), request.senderID(), engaged);
        return Optional.of(sent);
    }

    /** What a restart needs to find the mission again: its case, who engaged the crew, how ({@link #restore}). */
    private void remember(Timeline mission) {
        Map<String, String> saved = new HashMap<>(Map.of("caseId", mission.caseId(), "lrmId", mission.lrmId()));
        if (mission.shared()) {
            saved.put("shared", "true");
        }
        if (mission.cancelledBySamu()) {
            saved.put("cancelled", "true");
        }
        drafts.save(MISSION, saved);
    }

    /**
     * Périmètre 1: the crew opens a case a trusted party shared with it without an engagement request (RS-EDA,
     * RS-EDA-MAJ, no RS-ER). The documents, the bilan and the RPIS work on it; status taps are kept on the tablet
     * for the RPIS times and no RS-SR is sent ({@link Timeline#shared()}). Refused (false) while the crew is engaged
     * on a mission under way, or when no trusted party shared that case.
     */
    public synchronized boolean openShared(String caseId) {
        String lrmId = sharedBy.get(caseId);
        if (lrmId == null || (timeline != null && !timeline.shared() && timeline.active())) {
            return false;
        }
        if (timeline != null && timeline.caseId().equals(caseId)) {
            return true; // open already
        }
        Timeline opened = Timeline.shared(core.line(), caseId, lrmId);
        remember(opened);
        open(caseId, lrmId, opened);
        return true;
    }

    /** The crew declines: nothing the Hub models is sent (the crew calls the regulation). */
    public synchronized void decline() {
        pending = null;
        drafts.remove(PENDING);
    }

    private void open(String caseId, String lrmId, Timeline engaged) {
        timeline = engaged;
        publish(new MissionEvent.MissionOpened(caseId, lrmId, core.cases().view(caseId),
                core.received().conflictCount(caseId), engaged.shared()));
        publish(new MissionEvent.TimelineChanged(timeline));
        if (missionOnScreen) {
            consultOpenCase();
        }
    }

    // ---- the statuses

    /**
     * A tap: the status at this instant, its RS-SR and its row in the timeline saved together (durable when
     * this returns). Empty when no mission is open.
     *
     * @throws org.opensmur.store.db.StoreException when it could not be saved: nothing was recorded
     */
    public synchronized Optional<Tap> tap(ResourceStatus status) {
        if (timeline == null) {
            return Optional.empty();
        }
        OffsetDateTime at = OffsetDateTime.now(core.clock());
        Tap tap = send(status, at, null, null);
        timeline = timeline.with(tap);
        publish(new MissionEvent.TimelineChanged(timeline));
        return Optional.of(tap);
    }

    private Tap send(ResourceStatus status, OffsetDateTime at, Tap correcting, java.time.Instant correctedAt) {
        if (timeline.shared()) { // not engaged: kept on the tablet, in one transaction with the correction it makes
            Tap local = Tap.local(status, at);
            core.atomically(() -> {
                if (correcting != null) {
                    statusTaps.markCorrected(correcting.distributionId(), correctedAt);
                }
                statusTaps.append(timeline.caseId(), List.of(new StatusTapStore.Row(status, at, local.distributionId(), null, correcting != null)));
                return null;
            });
            return local;
        }
        var built = core.outgoing().statusChange(timeline.caseId(), crew.resourceId(), status, at, StatusFlow.endsMission(status),
                timeline.lrmId());
        String caseId = timeline.caseId();
        OutboxEntry entry = core.send(built, (OutboxEntry queued) -> { // all in the RS-SR's transaction
            if (correcting != null) {
                statusTaps.markCorrected(correcting.distributionId(), correctedAt);
                if (StatusFlow.endsMission(correcting.status())) {
                    core.retention().reopened(caseId); // not over any more: never purged while it goes on
                }
            }
            statusTaps.append(caseId, List.of(new StatusTapStore.Row(status, at, queued.distributionId(), null, correcting != null)));
        });
        timeline = timeline.delivered(entry.distributionId(), entry.state());
        return new Tap(status, at, entry.distributionId());
    }

    /**
     * Corrects {@code tap}, the one the crew was shown: sends the standing status before it again with its
     * own time (an RS-SR's time is when the change happened; nothing is sent when there was none before), and
     * marks it corrected now. Refused (empty, nothing sent) when
     * {@code tap} is no longer the last standing one or its window has passed: a correction is only ever of
     * what the crew saw.
     */
    public synchronized Optional<Correction> correct(Tap tap) {
        if (timeline == null || !timeline.correctable(tap, core.clock().instant())) {
            return Optional.empty();
        }
        Optional<Tap> before = timeline.correctionOf(tap);
        java.time.Instant now = core.clock().instant();
        Tap resent = null;
        if (before.isPresent()) {
            resent = send(before.get().status(), before.get().at(), tap, now);
        } else {
            String caseId = timeline.caseId();
            core.atomically(() -> {
                statusTaps.markCorrected(tap.distributionId(), now);
                if (StatusFlow.endsMission(tap.status())) {
                    core.retention().reopened(caseId);
                }
                return null;
            });
        }
        timeline = timeline.correcting(tap, now);
        if (resent != null) {
            timeline = timeline.withCorrection(resent);
        }
        publish(new MissionEvent.TimelineChanged(timeline));
        return Optional.of(new Correction(tap, Optional.ofNullable(resent)));
    }

    /**
     * The crew's "send again" of a message the SAMU (or the ORU) has not acknowledged in time: its content again in a
     * new message (its own id; the first one stays in the ledger). A status sent again is recorded with its tap (in
     * the transaction that queues the new message): the tap follows the new message, after a restart too. Empty
     * (nothing sent) when the message carries a status the crew took back, or is not in the ledger.
     */
    public Optional<OutboxEntry> sendAgain(String distributionId) {
        return sendAgain(distributionId, () -> { });
    }

    /**
     * The same, {@code withIt}'s store calls saved with the new message or not at all (the first one noted as sent
     * again, so that it is no longer owed: never both owed and sent again, never neither).
     */
    public synchronized Optional<OutboxEntry> sendAgain(String distributionId, Runnable withIt) {
        var ledger = core.ledger();
        OutboxEntry first = ledger.find(distributionId);
        if (first == null || corrected(distributionId)) {
            return Optional.empty();
        }
        HubMessage stored = core.outgoing().codec().decode(ledger.body(distributionId)).envelope();
        OutboxEntry again = core.send(core.outgoing().build(stored.payload(), first.recipient()), (OutboxEntry queued) -> {
            if (first.type() == MessageType.RS_SR) {
                statusTaps.resent(distributionId, queued.distributionId()); // in the new message's transaction
            }
            withIt.run();
        });
        Optional<Tap> tap = timeline == null ? Optional.empty() : timeline.tapCarriedBy(distributionId);
        if (tap.isPresent()) {
            timeline = timeline.resending(tap.get(), again.distributionId()).delivered(again.distributionId(), again.state());
            publish(new MissionEvent.TimelineChanged(timeline));
        }
        return Optional.of(again);
    }

    /** A correction made: the tap corrected, and the tap it sent (none when there was no status before). */
    public record Correction(Tap corrected, Optional<Tap> sent) {
    }

    private synchronized void delivered(OutboxEntry entry) {
        if (timeline != null && timeline.carries(entry.distributionId())) {
            timeline = timeline.delivered(entry.distributionId(), entry.state());
            publish(new MissionEvent.TimelineChanged(timeline));
        }
    }

    // ---- what the crew looks at

    /** The screen in front of the crew changed; on the mission's, the open case's messages are consulted. */
    public synchronized void screenShown(String screen, boolean mission) {
        missionOnScreen = mission;
        if (mission) {
            consultOpenCase();
        }
        if (restored) { // before the restore, the screen shown is the default one, not the crew's choice
            drafts.save(SCREEN, Map.of("screen", screen));
        }
    }

    private void consultOpenCase() {
        String open = openCase();
        List<HubMessage> shown = open == null ? null : unconsulted.remove(open);
        if (shown != null) {
            shown.forEach(m -> core.acknowledge(m, ReferenceStep.CONSULTE));
        }
    }

    // ---- reading

    /** Whether {@code distributionId} carries a status the crew took back (it is owed nothing, never sent again). */
    public synchronized boolean corrected(String distributionId) {
        return timeline != null && timeline.tapCarriedBy(distributionId).filter(t -> timeline.corrected().containsKey(t.distributionId())).isPresent();
    }

    /** The case engaged on, or null. */
    public synchronized String openCase() {
        return timeline == null ? null : timeline.caseId();
    }

    /** The status timeline of the open mission (empty when none is open). */
    public synchronized Optional<Timeline> timeline() {
        return Optional.ofNullable(timeline);
    }

    /** The open case as the store has it now (empty when none is open or nothing of it was received). */
    public Optional<CaseView> openCaseView() {
        String open = openCase();
        return open == null ? Optional.empty() : Optional.ofNullable(core.cases().view(open));
    }

    // ---- the end

    /**
     * The crew's "erase this mission from the tablet": everything the store holds of it goes at once, unless
     * one of its messages is still on its way (then it is kept, said, and purged later by the retention).
     */
    public synchronized Optional<RetentionOutcome> erase() {
        String caseId = openCase();
        if (caseId == null) {
            return Optional.empty();
        }
        RetentionOutcome outcome = core.retention().purgeNow(caseId);
        if (outcome.purged()) {
            forget(caseId, false);
        }
        return Optional.of(outcome);
    }

    /** The retention purged a mission past its time: if it is the one open (over, still on screen), it is no longer. */
    private synchronized void purged(String caseId) {
        if (caseId.equals(openCase())) {
            forget(caseId, true);
        }
        unconsulted.remove(caseId);
        sharedBy.remove(caseId);
    }

    private void forget(String caseId, boolean pastRetention) {
        timeline = null;
        drafts.remove(MISSION);
        publish(new MissionEvent.MissionErased(caseId, pastRetention));
    }

    /**
     * Once the faces have let go of an erased mission: what they wrote of it while it was being erased (a
     * keystroke in the bilan as the retention purged it) is erased too, unless the case is back on the tablet.
     */
    public void forgetLateDrafts(String caseId) {
        core.retention().forgetLateDrafts(caseId);
    }

    // ---- a restart

    /**
     * Brings the mission back as the store has it after a restart or a crash: the open mission and its
     * timeline, a request still ringing, the screen the crew had. Tells the faces, {@link MissionEvent.Restored} last.
     */
    public synchronized void restore() {
        Map<String, String> mission = drafts.load(MISSION).orElse(Map.of());
        String caseId = mission.get("caseId");
        if (caseId != null) {
            String lrmId = mission.get("lrmId");
            if ("true".equals(mission.get("shared"))) {
                sharedBy.put(caseId, lrmId);
            }
            Timeline restoredTimeline = "true".equals(mission.get("shared")) ? Timeline.shared(core.line(), caseId, lrmId)
                    : Timeline.engaged(core.line(), caseId, lrmId);
            for (StatusTapStore.Row row : tapsOf(caseId)) {
                Tap tap = new Tap(row.status(), row.at(), row.distributionId());
                restoredTimeline = row.correction() ? restoredTimeline.withCorrection(tap) : restoredTimeline.with(tap);
                if (row.correctedAt() != null) {
                    restoredTimeline = restoredTimeline.correcting(tap, row.correctedAt());
                }
                if (row.resentAs() != null) {
                    restoredTimeline = restoredTimeline.resending(tap, row.resentAs());
                }
                OutboxEntry entry = core.ledger().find(restoredTimeline.messageOf(tap));
                if (entry != null) {
                    restoredTimeline = restoredTimeline.delivered(entry.distributionId(), entry.state());
                }
            }
            if ("true".equals(mission.get("cancelled")) || (!restoredTimeline.shared() && lastRequestCancelled(caseId))) {
                restoredTimeline = restoredTimeline.cancelled();
            }
            open(caseId, lrmId, restoredTimeline);
        }
        String requestId = drafts.load(PENDING).map(m -> m.get("requestId")).orElse(null);
        var request = requestId == null ? null : core.received().read(requestId);
        if (request != null && request.envelope().payload() instanceof ResourcesEngagement engagement) {
            pending = request.envelope();
            publish(new MissionEvent.RequestRinging(requestId, pending.senderID(), engagement,
                    core.cases().view(engagement.caseId()), core.trusts(pending.senderID()), true));
        }
        restored = true;
        publish(new MissionEvent.Restored(drafts.load(SCREEN).map(m -> m.get("screen")).orElse(null)));
    }

    /**
     * Whether the last engagement request kept about {@code caseId} is the SAMU's cancellation: a cancellation the
     * store kept (and the broker was told so) before the tablet died, never handled, is not lost; one followed by a
     * new request (engaged again) is over.
     */
    private boolean lastRequestCancelled(String caseId) {
        for (var received : core.received().about(caseId)) {
            if (MessageType.RS_ER.code().equals(received.type())) {
                var decoded = core.received().read(received.distributionId());
                return decoded != null && decoded.envelope() != null && decoded.envelope().distributionKind() == DistributionKind.CANCEL;
            }
        }
        return false;
    }

    /**
     * The taps of a mission: its rows; for a mission begun before the taps had rows of their own (a tablet
     * updated mid-mission), read once from the RS-SRs it queued and written as rows. The previous version
     * corrected the last tap by tapping the status before it again within the correction window: such a
     * re-tap is read as the correction it was (the tap before it taken back when it was sent); an RS-SR repeating
     * an earlier one word for word (status and time) is that tap sent again. A message that cannot be read is left
     * out and named in the log (its id only), the others are restored.
     */
    private List<StatusTapStore.Row> tapsOf(String caseId) {
        List<StatusTapStore.Row> rows = statusTaps.of(caseId);
        if (!rows.isEmpty()) {
            return rows;
        }
        var outbox = core.ledger();
        List<OutboxEntry> sent = new ArrayList<>(outbox.list(caseId, 1000));
        sent.sort(java.util.Comparator.comparingLong(OutboxEntry::id));
        List<StatusTapStore.Row> earlier = new ArrayList<>();
        for (OutboxEntry entry : sent) {
            if (entry.type() != MessageType.RS_SR) {
                continue;
            }
            ResourcesStatus status = readStatus(entry.distributionId());
            if (status == null) {
                continue;
            }
            OffsetDateTime at = status.state().datetime();
            int same = sameContent(earlier, status.state().status(), at);
            if (same >= 0) { // the same status with the same time: the crew's "send again" of it, not a tap
                StatusTapStore.Row first = earlier.get(same);
                earlier.set(same, new StatusTapStore.Row(first.status(), first.at(), first.distributionId(), first.correctedAt(),
                        first.correction(), entry.distributionId()));
                continue;
            }
            int last = lastStanding(earlier, earlier.size());
            int before = last < 0 ? -1 : lastStanding(earlier, last);
            boolean correction = before >= 0 && earlier.get(before).status() == status.state().status() && !earlier.get(last).correction()
                    && !at.isBefore(earlier.get(last).at())
                    && java.time.Duration.between(earlier.get(last).at(), at).compareTo(Timeline.CORRECTION_WINDOW) <= 0;
            if (correction) {
                StatusTapStore.Row taken = earlier.get(last);
                earlier.set(last, new StatusTapStore.Row(taken.status(), taken.at(), taken.distributionId(), at.toInstant(), false));
            }
            earlier.add(new StatusTapStore.Row(status.state().status(), at, entry.distributionId(), null, correction));
        }
        if (!earlier.isEmpty()) {
            try {
                statusTaps.append(caseId, earlier);
            } catch (RuntimeException e) { // rows there that no longer open: what the RS-SRs say is shown, not written over them
                LOG.warn("status taps read from the sent statuses not written as rows: {}", e.getClass().getSimpleName());
            }
        }
        return earlier;
    }

    /** The index of the row with this status and time (what a "send again" repeats word for word), or -1. */
    private static int sameContent(List<StatusTapStore.Row> rows, ResourceStatus status, OffsetDateTime at) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i).status() == status && rows.get(i).at().isEqual(at)) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the last row before {@code end} that stands (not taken back), or -1. */
    private static int lastStanding(List<StatusTapStore.Row> rows, int end) {
        for (int i = end - 1; i >= 0; i--) {
            if (rows.get(i).correctedAt() == null) {
                return i;
            }
        }
        return -1;
    }

    /** The status an RS-SR of the ledger carries, or null (logged by its id, nothing of its content) when it cannot be read. */
    private ResourcesStatus readStatus(String distributionId) {
        try {
            var decoded = core.outgoing().codec().decode(core.ledger().body(distributionId));
            if (decoded.message() != null && decoded.message().payload() instanceof ResourcesStatus status && status.state() != null
                    && status.state().status() != null && status.state().datetime() != null) {
                return status;
            }
            LOG.warn("status message {} left out of the restored timeline: it does not read as a status ({} issues)",
                    distributionId, decoded.issues().size());
        } catch (RuntimeException e) {
            LOG.warn("status message {} left out of the restored timeline: it cannot be opened ({})", distributionId, e.getClass().getSimpleName());
        }
        return null;
    }

    private void publish(MissionEvent event) {
        core.events().publish(event);
    }
}
