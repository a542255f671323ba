package org.opensmur.hubsim.tablet;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.opensmur.core.bilan.Evaluation;
import org.opensmur.core.bilan.InterventionReport;
import org.opensmur.core.bilan.ReportPatient;
import org.opensmur.core.bilan.VitalMeasure;
import org.opensmur.core.bilan.VitalSign;
import org.opensmur.core.document.DocumentType;
import org.opensmur.core.hub.client.HubEvent;
import org.opensmur.core.hub.message.DistributionKind;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.HubTransports;
import org.opensmur.core.hub.transport.HubConfig;
import org.opensmur.core.hub.transport.HubTransport;
import org.opensmur.core.mission.Operator;
import org.opensmur.core.mission.OperatorRole;
import org.opensmur.core.mission.RequestedResource;
import org.opensmur.core.mission.ResourceInfo;
import org.opensmur.core.mission.ResourcesEngagement;
import org.opensmur.core.mission.Sex;
import org.opensmur.core.outgoing.Built;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.rpis.Rpis;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.status.ResourcesStatus;
import org.opensmur.core.rules.StatusFlow;
import org.opensmur.core.tablet.CaseView;
import org.opensmur.core.tablet.DeliveryState;
import org.opensmur.core.tablet.OutboxEntry;
import org.opensmur.tablet.rpis.RpisPrefill;
import org.opensmur.tablet.TabletCore;
import org.opensmur.tablet.mission.Crew;
import org.opensmur.tablet.mission.MissionCore;
import org.opensmur.tablet.mission.PositionReport;
import org.opensmur.tablet.mission.MissionEvent;
import org.opensmur.tablet.mission.Tap;
import org.opensmur.tablet.mission.Timeline;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tablet without a screen for the demo and the end-to-end tests, built on the real core (transport,
 * client, offline store, relay) and the app's mission core: it plays a crew that accepts every engagement
 * of its SAMU, taps the status the mission expects next with a position, sends a document link and a
 * bilan at the end of care and the RPIS when available, and confirms ANNULE when the SAMU cancels.
 */
public final class HeadlessTablet implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeadlessTablet.class);

    private final HubConfig config;
    private final Clock clock;
    private final Duration step;
    private final OutgoingMessages outgoing;
    private final TabletCore core;
    private final MissionCore mission;
    /** The store's work and the simulated crew's steps, one after another (as the app's store executor). */
    private final ScheduledExecutorService missions = org.opensmur.core.threads.NamedThreads.scheduled("headless-tablet");
    private volatile ScheduledFuture<?> running;

    public HeadlessTablet(HubConfig config, Path storeFolder, char[] secret, Duration step, Clock clock) {
        this(config, HubTransports.open(config, clock), storeFolder, secret, step, clock);
    }

    /** The same, its store opened by {@code keys}. */
    public HeadlessTablet(HubConfig config, Path storeFolder, org.opensmur.store.crypto.StoreKeyProvider keys, Duration step, Clock clock) {
        this(config, HubTransports.open(config, clock), storeFolder, keys, step, clock);
    }

    /** The headless tablet on a given transport (e.g. one that captures what it publishes). */
    public HeadlessTablet(HubConfig config, HubTransport transport, Path storeFolder, char[] secret, Duration step, Clock clock) {
        this(config, transport, storeFolder, org.opensmur.store.crypto.StoreKeyProvider.secret(secret), step, clock);
    }

    /** The same, its store opened by {@code keys}. */
    public HeadlessTablet(HubConfig config, HubTransport transport, Path storeFolder, org.opensmur.store.crypto.StoreKeyProvider keys,
                          Duration step, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.step = step;
        ModelLine line = ModelLine.named(config.modelLine());
        this.core = new TabletCore(transport, config.clientId(), line, storeFolder, keys, clock);
        core.trust(config.trustedParties());
        Crew crew = crew(config);
        this.outgoing = core.outgoing();
        // The mission's rules are the app's (the mission core); this class only plays a crew that taps.
        this.mission = new MissionCore(core, crew, missions);
        core.events().subscribe(MissionEvent.class, missions, this::onMission);
    }

    /** The crew of a headless tablet: its resource from its client id, as the app's settings make it. */
    public static Crew crew(HubConfig config) {
        String orgId = org.opensmur.core.rules.Steering.organisation(config.clientId());
        return new Crew(orgId + ".resource." + config.clientId().replaceAll("[^A-Za-z0-9_-]", "-"), orgId, "SMUR", "VLM headless", null);
    }

    public void start() {
        core.start();
    }

    /** The mission core the simulated crew plays on. */
    public MissionCore mission() {
        return mission;
    }

    private void onMission(MissionEvent event) {
        switch (event) {
            case MissionEvent.RequestRinging ringing when !ringing.trusted() ->
                    // A crew reads who asks before accepting; a tablet without a crew accepts its own SAMU only.
                    LOG.warn("engagement request from {}, not this tablet's SAMU: not accepted", ringing.lrmId());
            case MissionEvent.RequestRinging ringing -> engage();
            case MissionEvent.CancelledBySamu cancelled -> {
                stopSteps();
                record(mission.tap(ResourceStatus.ANNULE).map(t -> core.ledger().find(t.distributionId())));
            }
            default -> { }
        }
    }

    private void engage() {
        stopSteps(); // one mission at a time, as on the app: a new engagement replaces the one before
        var reply = mission.accept(null);
        record(reply);
        if (reply.isPresent()) {
            LOG.info("engaged on a case; status flow every {} ms", step.toMillis());
            running = missions.scheduleWithFixedDelay(this::nextStep, step.toMillis(), step.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void stopSteps() {
        ScheduledFuture<?> steps = running;
        if (steps != null) {
            steps.cancel(false);
        }
    }

    /** The crew's next status, as the timeline expects it, until it is available again (RETOUR). */
    private void nextStep() {
        Timeline timeline = mission.timeline().orElse(null);
        ResourceStatus status = timeline == null ? null : timeline.expected();
        if (status == null || !timeline.active() || StatusFlow.sequence(core.line()).indexOf(status) > StatusFlow.sequence(core.line()).indexOf(ResourceStatus.RETOUR)) {
            stopSteps();
            return;
        }
        try {
            Tap tap = mission.tap(status).orElseThrow();
            record(Optional.ofNullable(core.ledger().find(tap.distributionId())));
            String caseId = timeline.caseId();
            String lrm = timeline.lrmId();
            String resourceId = crew(config).resourceId();
            int rank = timeline.standing().size() + 1;
            send(outgoing.positions(List.of(PositionReport.of(resourceId, clock.instant(), 47.2184 + rank / 1000.0, -1.5536,
                    Double.NaN, 60.0, 90.0, mission.timeline().orElse(null))), lrm));
            if (status == StatusFlow.endOfCare(core.line())) {
                String reportId = "BILAN-" + caseId.substring(caseId.lastIndexOf('.') + 1);
                send(outgoing.documentLink(caseId, null, DocumentType.BILAN, "https://smur.example/bilans/" + reportId, lrm));
                send(outgoing.bilan(bilan(caseId, reportId), lrm));
            }
            if (status == ResourceStatus.RETOUR && config.oruClientId() != null) {
                send(outgoing.rpis(rpis(caseId, mission.timeline().orElseThrow().times()), config.oruClientId()));
            }
        } catch (RuntimeException e) {
            LOG.error("the headless crew's step failed: {}", e.toString());
        }
    }

    private static final RpisPrefill.Unit UNIT = new RpisPrefill.Unit("fr.health.samu440", "440000271", "440000289", "0");

    private Rpis rpis(String caseId, Map<ResourceStatus, OffsetDateTime> times) {
        Rpis prefilled = RpisPrefill.from(core.cases().view(caseId), times, "I21", UNIT);
        // What the simulated crew states on the RPIS screen, where the case is silent: the exercise patient's
        // (as its bilan says), a medical team of three, orientation "OK" (the digest's example). The prefill itself invents nothing.
        return RpisPrefill.complete(prefilled, new RpisPrefill.Answers(null, null, org.opensmur.core.mission.MedicalLevel.MED,
                prefilled.patient().birthDate() == null ? "1968-04-12" : null, prefilled.patient().sex() == null ? Sex.M : null,
                new org.opensmur.core.rpis.RpisTeam(true, true, true),
                prefilled.context().decisionDate() == null ? times.get(ResourceStatus.DEPART) : null, null, null, "OK", null,
                prefilled.intervention().smurStatus().returnSmur() == null ? new org.opensmur.core.rpis.RpisTimes(null, null, null, null, null,
                        times.get(ResourceStatus.RETOUR)) : null, null));
    }

    private InterventionReport bilan(String caseId, String reportId) {
        CaseView view = core.cases().view(caseId);
        String exercise = "fr.health.samu440.patient.exercice.1";
        String patientId = view == null ? exercise
                : view.merged().patient(0).map(org.opensmur.core.mission.Patient::patientId).orElse(exercise);
        return new InterventionReport(caseId, reportId, new Operator("Dr SMUR", OperatorRole.MEDECIN), OffsetDateTime.now(clock),
                new ReportPatient(patientId, null, "EXERCICE", "Patient", null, "58", Sex.M, null, java.math.BigInteger.valueOf(175), java.math.BigInteger.valueOf(80)),
                new Evaluation(null, "I21", null, List.of(new VitalMeasure(VitalSign.HEART_RATE, "96", null),
                        new VitalMeasure(VitalSign.BLOOD_PRESSURE, "135/85", null)), null, null, List.of("Bilan d'exercice")));
    }

    private void send(Built built) {
        try {
            record(Optional.of(core.send(built)));
        } catch (TabletCore.InvalidMessageException e) {
            LOG.error("the headless tablet built an invalid message: {}", e.getMessage()); // paths only, no values
        }
    }

    /** A functional message queued: its recipient owes it an acknowledgement (see {@link #unacknowledged}). */
    private void record(Optional<OutboxEntry> queued) {
        queued.filter(entry -> entry.type().needsReference()).ifPresent(entry -> {
            String what = entry.type().code();
            if (entry.type() == org.opensmur.core.hub.message.MessageType.RS_SR) {
                what += mission.timeline().flatMap(t -> t.taps().stream().filter(tap -> tap.distributionId().equals(entry.distributionId()))
                        .findFirst()).map(tap -> " " + tap.status().code()).orElse("");
            }
            sent.add(new Sent(entry.distributionId(), what, entry.recipient()));
        });
    }

    /** A functional message the tablet sent: its recipient owes it an acknowledgement. */
    private record Sent(String distributionId, String what, String recipient) {
    }

    /** Every functional message sent so far, in order: a mark for {@link #unacknowledged(int)}. */
    private final List<Sent> sent = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** An acknowledgement the tablet is owed and has not received; {@code ledger}: where the message is. */
    public record Owed(String reference, String what, String from, DeliveryState ledger) {
        @Override
        public String toString() {
            return reference + " for " + what + " from " + from + " (ledger: " + ledger + ")";
        }
    }

    /** How many functional messages the tablet has sent so far (a mark for {@link #unacknowledged(int)}). */
    public int sentSoFar() {
        return sent.size();
    }

    /**
     * The acknowledgements the tablet is owed for the functional messages it sent from {@code mark} on and
     * has not received: the last RC-REF step its partners send (INTEGRE on model 3, the one RC-REF on 2.0).
     * A position replaced by a newer one before it left is owed nothing; one refused, in error or expired is
     * listed with that state.
     */
    public List<Owed> unacknowledged(int mark) {
        boolean steps = core.line().hasReferenceSteps();
        String reference = steps ? "RC-REF INTEGRE" : "RC-REF";
        List<Owed> owed = new java.util.ArrayList<>();
        for (Sent s : sent.subList(Math.min(mark, sent.size()), sent.size())) {
            OutboxEntry entry = core.ledger().find(s.distributionId());
            DeliveryState state = entry == null ? DeliveryState.QUEUED : entry.state();
            boolean done = switch (state) {
                case SUPERSEDED, CONSULTED, INTEGRATED -> true;
                case RECEIVED -> !steps;
                default -> false;
            };
            if (!done) {
                owed.add(new Owed(reference, s.what(), s.recipient(), state));
            }
        }
        return owed;
    }

    /** The tablet's core (its store and ledger), for tests and tools that inspect what it did. */
    public TabletCore core() {
        return core;
    }

    @Override
    public void close() {
        org.opensmur.core.threads.NamedThreads.stop(missions, java.time.Duration.ofSeconds(5));
        core.close();
    }
}
