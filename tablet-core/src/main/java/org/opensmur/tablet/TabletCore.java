package org.opensmur.tablet;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.function.Consumer;
import org.opensmur.core.events.EventBus;
import org.opensmur.core.geo.GeoResource;
import org.opensmur.core.geo.GeoResourcesRequest;
import org.opensmur.core.hub.client.HubClient;
import org.opensmur.core.hub.client.HubClock;
import org.opensmur.core.hub.client.HubEvent;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.transport.HubTransport;
import org.opensmur.core.outgoing.Built;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.reference.ReferenceStep;
import org.opensmur.core.hub.validation.ValidationIssue;
import org.opensmur.core.tablet.OutboxEntry;
import org.opensmur.store.OfflineStore;
import org.opensmur.core.tablet.StorageProblem;
import org.opensmur.store.db.StoreException;
import org.opensmur.core.status.ResourcesStatus;
import org.opensmur.core.rules.StatusFlow;
import org.opensmur.store.outbox.LedgerVerdict;
import org.opensmur.store.outbox.OutboxPolicy;
import org.opensmur.store.outbox.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tablet's core, whatever its face (the JavaFX app, the headless tablet of the local Hub): the
 * encrypted store, the relay draining the outbox through the transport, and the Hub client that stores
 * before it acknowledges. It sees the transport only through {@link HubTransport}.
 */
public final class TabletCore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TabletCore.class);
    /** Relay window: unconfirmed messages in flight at most. */
    private static final int WINDOW = 256;
    private static final Duration WATCH_EVERY = Duration.ofSeconds(5);
    /** How often closed missions past their retention are looked for. */
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    private final OutgoingMessages outgoing;
    private final OfflineStore store;
    private final SentRecords sent;
    private final HubTransport transport;
    private final OutboxRelay relay;
    private final HubClient client;
    /** The Hub's events, the core's notices and the link's states, to whoever listens. */
    private final EventBus events = new EventBus();
    private final HubClock clock;
    private final ScheduledExecutorService watch;
    /** Where the retention's sweep runs: the store's thread in the app, in order with the screens' writes. */
    private final java.util.concurrent.Executor sweeps;
    private volatile StorageState storage;
    private volatile java.util.function.Supplier<GeoResource> self = () -> null;

    /**
     * @param clock the device's clock; messages are dated by it as corrected by the Hub side's time
     *              (see {@link HubClock}), so that a tablet minutes off still sends dates the Hub accepts;
     *              the same bounded correction dates the ledger; the retention of closed missions reads the
     *              device's own clock (the parties whose word counts: {@link #trust})
     */
    public TabletCore(HubTransport transport, String clientId, Path storeFolder, char[] secret, Clock clock) {
        this(transport, clientId, ModelLine.CURRENT, storeFolder, secret, clock);
    }

    /** A core on a vhost of model {@code line}: what it sends, receives and stores follows that line. */
    public TabletCore(HubTransport transport, String clientId, ModelLine line, Path storeFolder, char[] secret, Clock clock) {
        this(transport, clientId, line, storeFolder, org.opensmur.store.crypto.StoreKeyProvider.secret(secret), clock);
    }

    /** The same, its store opened by {@code keys} (the crew's PIN on a tablet). */
    public TabletCore(HubTransport transport, String clientId, ModelLine line, Path storeFolder,
                      org.opensmur.store.crypto.StoreKeyProvider keys, Clock clock) {
        this(transport, clientId, line, storeFolder, keys, clock, org.opensmur.core.threads.NamedThreads.factory("outbox-relay"),
                org.opensmur.core.threads.NamedThreads.scheduled("storage-watch"), Runnable::run);
    }

    /** The same, on the composition root's threads: the relay's loop and the storage watch ({@link TabletThreads}). */
    public TabletCore(HubTransport transport, String clientId, ModelLine line, Path storeFolder,
                      org.opensmur.store.crypto.StoreKeyProvider keys, Clock clock, TabletThreads threads) {
        this(transport, clientId, line, storeFolder, keys, clock, threads.relay(), threads.watch(), threads.store());
    }

    private TabletCore(HubTransport transport, String clientId, ModelLine line, Path storeFolder,
                       org.opensmur.store.crypto.StoreKeyProvider keys, Clock clock, java.util.concurrent.ThreadFactory relayThreads,
                       ScheduledExecutorService watch, java.util.concurrent.Executor sweeps) {
        HubCodec codec = HubCodec.of(line);
        this.transport = transport;
        this.clock = new HubClock(clock);
        this.outgoing = OutgoingMessages.of(clientId, this.clock, line);
        this.store = OfflineStore.open(storeFolder, keys, outgoing, codec, OutboxPolicy.defaults(), this.clock);
        this.relay = store.relay(transport, this.clock, WINDOW, relayThreads);
        this.sent = new SentRecords(store.outbox(), codec);
        String self = clientId;
        transport.whenRefusedForAnother(() -> codec.encode(outgoing.build(new org.opensmur.core.hub.error.HubError(
                new org.opensmur.core.hub.error.ErrorStatus(org.opensmur.core.hub.error.ErrorCode.INTERNAL_CLIENT_ERROR.statusCode(),
                        org.opensmur.core.hub.error.ErrorCode.INTERNAL_CLIENT_ERROR.statusString()),
                IDENTITY_IN_USE + ": another device with this certificate was refused; one certificate, one device", null,
                self + "_identity-" + this.clock.millis()), self, org.opensmur.core.hub.message.DistributionKind.ERROR).orElseThrow()));
        this.client = new HubClient(transport, codec, store.inbox(), store.acknowledger(), event -> {
            if (event instanceof HubEvent.ErrorReported report && self.equals(report.from())
                    && String.valueOf(report.error().errorCause()).startsWith(IDENTITY_IN_USE)) {
                // Only a holder of this certificate can write as this client: another device is trying.
                notify(new CoreNotice.IdentityTriedElsewhere(this.clock.instant()));
                return;
            }
            // the ledger first: a listener that reads it sees the new state
            store.applyToLedger(event).filter(LedgerVerdict::ignored).ifPresent(verdict -> notify(switch (event) {
                case HubEvent.ReferenceReceived ref -> new CoreNotice.AcknowledgementIgnored("RC-REF", ref.referencedDistributionId(), ref.from());
                case HubEvent.ErrorReported error -> new CoreNotice.AcknowledgementIgnored("RS-ERROR", error.referencedDistributionId(), error.from());
                default -> throw new IllegalStateException("only acknowledgements have a ledger verdict");
            }));
            if (event instanceof HubEvent.MessageReceived received && !received.duplicate()
                    && received.message().payload() instanceof GeoResourcesRequest request) {
                answer(received.message(), request);
            }
            // Stored and in the ledger: from here nothing a listener does may give the message back to the broker.
            events.publish(event);
        }, this.clock, clientId);
        transport.onStateChange(events::publish);
        this.storage = StorageState.of(store.usableSpace(), null);
        this.watch = watch;
        this.sweeps = sweeps;
    }

    /** What this tablet answers a GEO-REQ naming its resource with (null: it answers none). */
    public void describeAs(GeoResource self) {
        describeAs(() -> self);
    }

    /** What this tablet answers a GEO-REQ with, as it is when asked (the shift set-up may change it). */
    public void describeAs(java.util.function.Supplier<GeoResource> self) {
        this.self = java.util.Objects.requireNonNull(self);
    }

    /** A GEO-REQ that names this tablet's resource gets a GEO-RES describing it, sent back to the asker. */
    private void answer(HubMessage request, GeoResourcesRequest asked) {
        GeoResource described = self.get();
        if (described == null || !asked.resourceId().contains(described.resourceId())) {
            return;
        }
        if (!store.inbox().trusts(request.senderID())) {
            // Where the SMUR is goes to its SAMU and partners, not to whoever asks.
            LOG.warn("GEO-REQ {} from {}, not this tablet's SAMU: not answered", request.distributionID(), request.senderID());
            return;
        }
        try {
            send(outgoing.geoResources(List.of(described), request.senderID()));
        } catch (RuntimeException e) {
            LOG.warn("GEO-RES for {} not queued: {}", request.distributionID(), e.getMessage());
        }
    }

    /**
     * What the core tells its faces, by type: {@link HubEvent} (after the message is stored and the ledger
     * updated), {@link CoreNotice}, {@link org.opensmur.core.hub.transport.ConnectionState}. A subscriber that
     * fails is skipped, never the message. (Ledger rows changing: {@code store().outbox().subscribe}, which
     * reads the changed rows only while someone listens.)
     */
    public EventBus events() {
        return events;
    }

    /** Notices beyond the Hub's events (ignored acknowledgements, storage); called on a core thread. */
    public void onNotice(Consumer<CoreNotice> listener) {
        events.subscribe(CoreNotice.class, listener);
    }

    private void notify(CoreNotice notice) {
        events.publish(notice);
    }

    /** The corrected clock (its offset from the Hub side's time, and whether the crew must be warned). */
    /** The cause an identity notice starts with (see {@link CoreNotice.IdentityTriedElsewhere}). */
    static final String IDENTITY_IN_USE = "IDENTITY_IN_USE";

    public HubClock clock() {
        return clock;
    }

    /** The storage as last checked (every few seconds, and at every failed save). */
    public StorageState storage() {
        return storage;
    }

    /** Checks the database file and the free space now; tells the listeners when the state changed. */
    public StorageState checkStorage() {
        StorageProblem problem;
        try {
            store.verify(); // a database deleted or replaced stays reported: it is sticky in the store
            problem = stillFull();
        } catch (StoreException e) {
            problem = e;
        }
        return update(StorageState.of(store.usableSpace(), problem));
    }

    /** A full disk stays reported until a save succeeds, or the space is back above the warning threshold. */
    private StorageProblem stillFull() {
        StorageProblem last = storage.problem();
        return last != null && last.kind() == StorageProblem.Kind.FULL && store.usableSpace() < StorageState.LOW_BYTES ? last : null;
    }

    private StorageState update(StorageState next) {
        StorageState before = storage;
        storage = next;
        if (before.low() != next.low() || before.problem() != next.problem()) {
            if (next.problem() != null) {
                LOG.error("storage: {}", next.problem().getMessage());
            } else if (next.low()) {
                LOG.warn("storage: {} MB left", next.usableBytes() / (1024 * 1024));
            }
            notify(new CoreNotice.Storage(next));
        }
        return next;
    }

    /** Called on a transport thread, after the message is stored and the ledger updated. */
    public void onEvent(Consumer<HubEvent> listener) {
        events.subscribe(HubEvent.class, listener);
    }

    /**
     * The parties that may speak about any case: the tablet's SAMU (its LRM client id) and its partners.
     * Anyone else may only speak about a case it shared first ({@link org.opensmur.core.rules.Steering}).
     */
    public void trust(java.util.Set<String> parties) {
        store.inbox().trust(parties);
        parties.forEach(clock::trust); // with the Hub, the parties whose agreement can correct the clock
    }

    /** Whether {@code party} may speak about any case: the tablet's SAMU or a partner of it ({@link #trust}). */
    public boolean trusts(String party) {
        return store.inbox().trusts(party);
    }

    public void start() {
        relay.start();
        client.start();
        watch.scheduleWithFixedDelay(() -> {
            try {
                checkStorage();
            } catch (RuntimeException e) {
                LOG.warn("storage watch: {}", e.toString());
            }
        }, 0, WATCH_EVERY.toSeconds(), TimeUnit.SECONDS);
        watch.scheduleWithFixedDelay(() -> {
            try {
                sweeps.execute(() -> {
                    try {
                        purgeDue();
                    } catch (RuntimeException e) {
                        LOG.warn("retention of closed missions: {}", e.toString());
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                // the tablet is closing: the next start sweeps
            }
        }, 60, PURGE_EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * The store itself, for the composition root, the store's tests and tools that inspect it. The faces
     * use the narrower ports below.
     */
    public OfflineStore store() {
        return store;
    }

    /** Work in progress (a bilan, the shift set-up, patients found on scene), kept encrypted as it changes. */
    public org.opensmur.core.tablet.DraftStore drafts() {
        return store.drafts();
    }

    /** The crew's status taps of each mission, as typed rows (the mission core's). */
    public org.opensmur.core.tablet.StatusTapStore statusTaps() {
        return store.statusTaps();
    }

    /** What the store holds of each case (the RS-EDA and its updates, merged). */
    public org.opensmur.store.cases.CaseStore cases() {
        return store.cases();
    }

    /** When a mission is over and how long it is kept; the crew's "erase this mission". */
    public org.opensmur.store.retention.MissionRetention retention() {
        return store.retention();
    }

    /**
     * Runs {@code work} as one transaction: every store call it makes is saved with the others, or none is
     * (a correction that sends nothing marks its tap and reopens the mission together).
     */
    public <T> T atomically(java.util.function.Supplier<T> work) {
        return store.database().inTransaction(c -> work.get());
    }

    /** The delivery ledger: what was sent, where each message is (read off the UI thread). */
    public org.opensmur.core.tablet.Ledger ledger() {
        return store.outbox();
    }

    /** What was sent about a patient (the bilans, the RPIS records), read back from the ledger (off the UI thread). */
    public SentRecords sent() {
        return sent;
    }

    /** What was received, as kept (the journal's incoming side). */
    public org.opensmur.core.tablet.ReceivedMessages received() {
        return store.inbox();
    }

    /** Called with every ledger row whose state changed, on the thread that changed it. */
    public void onLedgerChange(Consumer<OutboxEntry> listener) {
        store.outbox().subscribe(listener);
    }

    /**
     * Every closed mission past its retention purged, or kept while one of its messages is on its way (each
     * logged); each one purged is said on the bus ({@link CoreNotice.MissionPurged}), so that no face keeps
     * showing it or writing about it. Every ten minutes on the store's thread; the caller's here.
     */
    public List<org.opensmur.core.tablet.RetentionOutcome> purgeDue() {
        List<org.opensmur.core.tablet.RetentionOutcome> outcomes = store.retention().purgeDue();
        outcomes.stream().filter(org.opensmur.core.tablet.RetentionOutcome::purged)
                .forEach(purged -> notify(new CoreNotice.MissionPurged(purged.caseId())));
        return outcomes;
    }

    /** How long a closed mission stays on the tablet before it is purged. */
    public void keepClosedMissionsFor(Duration keep) {
        store.retention().keepFor(keep);
    }

    /** From now on the store refuses work on threads {@code forbidden} says (the UI thread): it fails fast. */
    public void forbidStoreWorkOn(java.util.function.BooleanSupplier forbidden) {
        store.database().forbidOn(forbidden);
    }

    public HubTransport transport() {
        return transport;
    }

    public OutgoingMessages outgoing() {
        return outgoing;
    }

    /** The model line of the vhost this core is on. */
    public ModelLine line() {
        return outgoing.codec().line();
    }

    /**
     * Makes a built message durable in the outbox at once; an invalid one is refused with its issues.
     *
     * @throws StoreException when it could not be saved (disk full, database gone): the storage state says
     *                        so at once, and nothing was reported saved
     */
    public OutboxEntry send(Built built) {
        return send(built, (c, queued) -> { });
    }

    /**
     * The same, with what must be saved with the message or not at all (e.g. the status tap it carries): the
     * store calls {@code alongWith} makes, given the queued row, are in the message's transaction.
     */
    public OutboxEntry send(Built built, Consumer<OutboxEntry> alongWith) {
        return send(built, (c, queued) -> alongWith.accept(queued));
    }

    /** The same, with rows written on the transaction's connection (the store's own work). */
    public OutboxEntry send(Built built, org.opensmur.store.outbox.Outbox.AlongWith alongWith) {
        if (!built.isValid()) {
            throw new InvalidMessageException(built.message().type().code(), built.issues());
        }
        try {
            OutboxEntry entry = store.outbox().enqueue(built, alongWith);
            if (storage.problem() != null) {
                update(StorageState.of(store.usableSpace(), null));
            }
            if (built.message().payload() instanceof ResourcesStatus status && StatusFlow.endsMission(status.state().status())) {
                try {
                    store.retention().closed(status.caseId(), "status " + status.state().status().code());
                } catch (StoreException e) {
                    // The tap is saved (said so); the mission is only not marked over: kept, never purged early.
                    LOG.warn("mission {} not marked over: {}", status.caseId(), e.getMessage());
                }
            }
            return entry;
        } catch (StoreException e) {
            update(StorageState.of(store.usableSpace(), e));
            throw e;
        }
    }

    /** Tells the sender what the crew did with a message it received (RC-REF CONSULTE when opened). */
    public void acknowledge(HubMessage received, ReferenceStep step) {
        client.acknowledge(received, step);
    }

    @Override
    public void close() {
        org.opensmur.core.threads.NamedThreads.stop(watch, java.time.Duration.ofSeconds(5));
        relay.close();
        client.close();
        store.close();
    }

    /** A message the tablet built but that breaks the Hub's rules: the issues name the fields (never the values). */
    public static final class InvalidMessageException extends IllegalArgumentException {
        private final transient List<ValidationIssue> issues;

        public InvalidMessageException(String type, List<ValidationIssue> issues) {
            super(type + " not valid: " + issues.stream().map(ValidationIssue::path).toList());
            this.issues = List.copyOf(issues);
        }

        public List<ValidationIssue> issues() {
            return issues;
        }
    }
}
