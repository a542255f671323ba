package org.opensmur.hubsim.tablet;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.opensmur.core.bilan.Evaluation;
import org.opensmur.core.bilan.InterventionReport;
import org.opensmur.core.bilan.ReportPatient;
import org.opensmur.core.bilan.VitalMeasure;
import org.opensmur.core.bilan.VitalSign;
import org.opensmur.core.document.DocumentType;
import org.opensmur.core.geo.Coordinates;
import org.opensmur.core.geo.Position;
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
import org.opensmur.core.status.StatusFlow;
import org.opensmur.store.OfflineStore;
import org.opensmur.tablet.rpis.RpisPrefill;
import org.opensmur.tablet.TabletCore;
import org.opensmur.store.cases.CaseStore;
import org.opensmur.store.outbox.DeliveryState;
import org.opensmur.store.outbox.OutboxEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tablet without a screen for the demo and the end-to-end tests, built on the real core: transport,
 * client, offline store and relay. It accepts every engagement, runs the status flow with positions,
 * sends a document link and a bilan at the end of care, and reports ANNULE when the SAMU cancels.
 */
public final class HeadlessTablet implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeadlessTablet.class);
    /** The crew's statuses from departure to availability, as the vhost's model line names them. */
    private final List<ResourceStatus> flow;

    private final HubConfig config;
    private final Clock clock;
    private final Duration step;
    private final OutgoingMessages outgoing;
    private final TabletCore core;
    private final OfflineStore store;
    private final ScheduledExecutorService missions = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "headless-tablet");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, ScheduledFuture<?>> running = new ConcurrentHashMap<>();

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
        List<ResourceStatus> sequence = StatusFlow.sequence(line);
        this.flow = sequence.subList(0, sequence.indexOf(ResourceStatus.RETOUR) + 1);
        core.describeAs(new org.opensmur.core.geo.GeoResource(resourceId(), UNIT.orgId(), "VLM headless", org.opensmur.core.geo.GeoResourceType.SMUR,
                org.opensmur.core.geo.GeoResourceNature.EFFECTEUR, org.opensmur.core.geo.GeoResourceMobility.VEHICULE,
                org.opensmur.core.geo.GeoResourceCapacity.MEDICALE, null));
        this.outgoing = core.outgoing();
        this.store = core.store();
        core.events().subscribe(HubEvent.class, missions, this::onEvent);
    }

    public void start() {
        core.start();
    }

    private String resourceId() {
        return "fr.health.samu440.resource." + config.clientId().replaceAll("[^A-Za-z0-9_-]", "-");
    }

    public OfflineStore store() {
        return store;
    }

    private void onEvent(HubEvent event) {
        if (event instanceof HubEvent.MessageReceived received && !received.duplicate()
                && received.message().payload() instanceof ResourcesEngagement engagement) {
            if (received.message().distributionKind() == DistributionKind.CANCEL) {
                cancel(engagement.caseId(), received.message().senderID());
            } else if (config.trustedParties().contains(received.message().senderID())) {
                engage(engagement, received.message());
            } else {
                // A crew reads who asks before accepting; a tablet without a crew accepts its own SAMU only.
                LOG.warn("engagement request from {}, not this tablet's SAMU: not accepted", received.message().senderID());
            }
        }
    }

    private void engage(ResourcesEngagement engagement, HubMessage request) {
        RequestedResource requested = engagement.resource().get(0);
        String resourceId = resourceId();
        String lrm = request.senderID();
        send(outgoing.engagementReply(engagement.caseId(), new ResourceInfo(OffsetDateTime.now(clock), resourceId, null, null,
                "fr.health.samu440", null, null, requested.vehicleType(), requested.name(), null, requested.team(),
                null, null, null), lrm));
        LOG.info("engaged on a case; status flow every {} ms", step.toMillis());
        Mission mission = new Mission(engagement.caseId(), resourceId, lrm);
        running.put(engagement.caseId(), missions.scheduleWithFixedDelay(mission, step.toMillis(), step.toMillis(), TimeUnit.MILLISECONDS));
    }

    private void cancel(String caseId, String lrm) {
        ScheduledFuture<?> mission = running.remove(caseId);
        if (mission != null) {
            mission.cancel(false);
        }
        send(outgoing.statusChange(caseId, "fr.health.samu440.resource." + config.clientId().replaceAll("[^A-Za-z0-9_-]", "-"),
                ResourceStatus.ANNULE, OffsetDateTime.now(clock), true, lrm));
    }

    private final class Mission implements Runnable {
        private final String caseId;
        private final String resourceId;
        private final String lrm;
        private final Map<ResourceStatus, OffsetDateTime> times = new java.util.EnumMap<>(ResourceStatus.class);
        private int next;

        Mission(String caseId, String resourceId, String lrm) {
            this.caseId = caseId;
            this.resourceId = resourceId;
            this.lrm = lrm;
        }

        @Override
        public void run() {
            if (next >= flow.size()) {
                ScheduledFuture<?> self = running.remove(caseId);
                if (self != null) {
                    self.cancel(false);
                }
                return;
            }
            ResourceStatus status = flow.get(next++);
            OffsetDateTime now = OffsetDateTime.now(clock);
            times.put(status, now);
            // Available again as the app says it: the one rule of the core.
            send(outgoing.statusChange(caseId, resourceId, status, now, StatusFlow.endsMission(status), lrm));
            send(outgoing.positions(List.of(new Position(resourceId, OffsetDateTime.now(clock),
                    new Coordinates(47.2184 + next / 1000.0, -1.5536, null), 60.0, 90.0, null, true, null, null, null, null)), lrm));
            if (status == StatusFlow.endOfCare(core.line())) {
                String reportId = "BILAN-" + caseId.substring(caseId.lastIndexOf('.') + 1);
                send(outgoing.documentLink(caseId, null, DocumentType.BILAN, "https://smur.example/bilans/" + reportId, lrm));
                send(outgoing.bilan(bilan(caseId, reportId), lrm));
            }
            if (status == ResourceStatus.RETOUR && config.oruClientId() != null) {
                send(outgoing.rpis(rpis(caseId, times), config.oruClientId()));
            }
        }
    }

    private static final RpisPrefill.Unit UNIT = new RpisPrefill.Unit("fr.health.samu440", "440000271", "440000289", "0");

    private Rpis rpis(String caseId, Map<ResourceStatus, OffsetDateTime> times) {
        Rpis prefilled = RpisPrefill.from(store.cases().view(caseId), times, "I21", UNIT);
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
        CaseStore.CaseView view = store.cases().view(caseId);
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
            OutboxEntry entry = core.send(built);
            HubMessage message = built.message();
            if (message.type().needsReference()) {
                sent.add(new Sent(entry.distributionId(), message.type().code()
                        + (message.payload() instanceof ResourcesStatus status ? " " + status.state().status().code() : ""),
                        message.recipientID()));
            }
        } catch (TabletCore.InvalidMessageException e) {
            LOG.error("the headless tablet built an invalid message: {}", e.getMessage()); // paths only, no values
        }
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
            OutboxEntry entry = store.outbox().find(s.distributionId());
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
        missions.shutdownNow();
        core.close();
    }
}
