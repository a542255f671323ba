package org.opensmur.app;

import com.gluonhq.maps.MapPoint;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.opensmur.app.bilan.BilanViewModel;
import org.opensmur.app.connection.StatusBarViewModel;
import org.opensmur.app.document.DocumentViewModel;
import org.opensmur.app.engagement.EngagementViewModel;
import org.opensmur.app.log.MessageLogViewModel;
import org.opensmur.app.map.GeoPosReporter;
import org.opensmur.app.map.PositionSource;
import org.opensmur.app.mission.MissionViewModel;
import org.opensmur.app.rpis.RpisViewModel;
import org.opensmur.app.shell.Background;
import org.opensmur.app.shell.Labels;
import org.opensmur.app.status.StatusViewModel;
import org.opensmur.core.geo.GeoResource;
import org.opensmur.core.geo.GeoResourceCapacity;
import org.opensmur.core.geo.GeoResourceMobility;
import org.opensmur.core.geo.GeoResourceNature;
import org.opensmur.core.geo.GeoResourceType;
import org.opensmur.core.hub.client.HubEvent;
import org.opensmur.core.hub.message.DistributionKind;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.transport.HubTransport;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.mission.CreateCaseHealth;
import org.opensmur.core.mission.CreateCaseHealthUpdate;
import org.opensmur.core.mission.ResourcesEngagement;
import org.opensmur.core.mission.ResourcesInfo;
import org.opensmur.core.reference.ReferenceStep;
import org.opensmur.store.cases.CaseStore;
import org.opensmur.store.outbox.OutboxEntry;
import org.opensmur.store.db.StoreException;
import org.opensmur.store.tablet.CoreNotice;
import org.opensmur.store.tablet.StorageState;
import org.opensmur.store.tablet.TabletCore;

/**
 * One running tablet: the core and the view models of every screen, fed from the core's events. Core
 * events arrive on transport threads and are handed to {@code ui} (the JavaFX thread in the app).
 */
public final class TabletSession implements AutoCloseable {

    private final TabletCore core;
    private final TabletSettings settings;
    private final Executor ui;
    private final Clock clock;
    private final StatusBarViewModel statusBar;
    private final EngagementViewModel engagement;
    private final MissionViewModel mission;
    private final StatusViewModel status;
    private final BilanViewModel bilan;
    private final DocumentViewModel documents;
    private final RpisViewModel rpis;
    private final MessageLogViewModel log;
    private final org.opensmur.app.header.MissionHeaderViewModel header;
    private final org.opensmur.app.shift.ShiftViewModel shift;
    private final org.opensmur.app.patient.PatientsViewModel patients;
    private final org.opensmur.app.map.MapViewModel map;
    private volatile org.opensmur.store.maps.MapPackage mapPackage;
    private volatile org.opensmur.app.alert.AlertSound alertSound = org.opensmur.app.alert.AlertSound.SILENT;
    private final org.opensmur.app.alert.AlertViewModel alerts = new org.opensmur.app.alert.AlertViewModel();
    private final ObjectProperty<MapPoint> ownPosition = new SimpleObjectProperty<>();
    private final ObjectProperty<MapPoint> interventionPoint = new SimpleObjectProperty<>();
    private final GeoPosReporter geoPos;
    private final PositionSource positions;
    private final Labels labels;
    private final java.util.concurrent.ExecutorService io;
    private final Background background;
    private String openCase;
    /** Case messages not yet shown to the crew, by case: they get RC-REF CONSULTE once on screen. */
    private final java.util.Map<String, java.util.List<HubMessage>> unconsulted = new java.util.HashMap<>();
    private boolean missionOnScreen;
    private final java.util.concurrent.atomic.AtomicBoolean ledgerRefreshQueued = new java.util.concurrent.atomic.AtomicBoolean();

    public TabletSession(HubTransport transport, TabletSettings settings, Labels labels, Executor ui, Clock clock, PositionSource positions) {
        this.settings = settings;
        this.ui = ui;
        this.clock = clock;
        this.labels = labels;
        this.positions = positions;
        // The store's work (SQLite with fsync, AES) runs here, never on the UI thread; results come back on it.
        this.io = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "tablet-io");
            thread.setDaemon(true);
            return thread;
        });
        this.background = new Background(io, this.ui);
        this.core = new TabletCore(transport, settings.clientId(), ModelLine.named(settings.hub().modelLine()),
                settings.storeFolder(), java.util.Objects.requireNonNull(settings.storeKeys(), "the store is locked: unlock it first"), clock);
        core.trust(settings.hub().trustedParties());
        this.statusBar = new StatusBarViewModel(labels, clock);
        this.mission = new MissionViewModel(labels);
        this.status = new StatusViewModel(core, background, settings, labels, clock);
        this.engagement = new EngagementViewModel(core, background, settings, labels, clock, new EngagementViewModel.Answer() {
            @Override
            public void accepted(String caseId, String lrmId) {
                alerts.newMission();
                openCase(caseId, lrmId);
                status.engage(caseId, lrmId);
                remember(MISSION, java.util.Map.of("caseId", caseId, "lrmId", lrmId));
                forget(PENDING);
            }

            @Override
            public void declined(String caseId) {
                statusBar.setLastError(labels.get("engagement.callRegulation"));
                forget(PENDING);
            }
        });
        this.shift = new org.opensmur.app.shift.ShiftViewModel(core, background, settings, labels, clock);
        engagement.shiftFrom(shift::current);
        this.bilan = new BilanViewModel(core, background, settings, labels, clock);
        bilan.shiftFrom(shift::current);
        this.documents = new DocumentViewModel(core, background, labels);
        this.rpis = new RpisViewModel(core, background, settings, labels);
        rpis.shiftFrom(shift::current);
        // One patient chosen for the bilan, the documents and the RPIS.
        this.patients = new org.opensmur.app.patient.PatientsViewModel(core, background, labels, settings.unit().orgId());
        patients.selectedProperty().addListener((o, was, is) -> {
            bilan.choose(is);
            documents.choose(is);
            rpis.choose(is);
            prefillRpis();
        });
        this.log = new MessageLogViewModel(core.store().outbox(), core.store().inbox(), labels, this::statusOf, recipient ->
                labels.get(recipient == null ? "log.recipient.hub" : recipient.equals(settings.oruId()) ? "log.recipient.oru"
                        : recipient.equals(settings.lrmId()) ? "log.recipient.lrm" : "log.recipient.hub"));
        this.geoPos = new GeoPosReporter(core, settings.resourceId(), settings.lrmId(), Duration.ofSeconds(5), Duration.ofSeconds(60), 100);
        // The core's events reach the screens on the UI thread; a screen that fails is skipped, never the message.
        var events = core.events();
        events.subscribe(org.opensmur.core.hub.transport.ConnectionState.class, this.ui, statusBar::onConnection);
        core.store().outbox().subscribe(entry -> {
            this.ui.execute(() -> onDelivery(entry));
            ledgerChanged();
        });
        events.subscribe(HubEvent.class, this.ui, this::onEvent);
        events.subscribe(CoreNotice.class, this.ui, this::onNotice);
        core.describeAs(new GeoResource(settings.resourceId(), settings.unit().orgId(), settings.vehicleName(),
                GeoResourceType.SMUR, GeoResourceNature.EFFECTEUR, GeoResourceMobility.VEHICULE, GeoResourceCapacity.MEDICALE, null));
        statusBar.onStorage(core.storage());
        status.lastTapProperty().addListener((o, was, is) -> {
            updateOver();
            if (is != null && is.status() == org.opensmur.core.status.ResourceStatus.ANNULE && status.caseIdProperty().get() != null) {
                // The cancellation confirmed from the statuses: its alert has been answered.
                alerts.settled(status.caseIdProperty().get(), org.opensmur.app.alert.AlertViewModel.Kind.CANCELLED);
            }
        });
        this.map = new org.opensmur.app.map.MapViewModel(ownPosition, interventionPoint, labels, org.opensmur.app.map.Navigators.clipboard(labels));
        this.header = new org.opensmur.app.header.MissionHeaderViewModel(mission, status, labels, clock, shift.currentProperty());
        this.owed = new org.opensmur.app.owed.OwedViewModel(core, background, labels, clock, this::statusOf); // issue 27
        owed.showOn(status, log, statusBar);
        // From here on the UI thread does no database work (opening the store, above, is the one exception).
        // Fails fast in every build: a screen that reads the database on the UI thread freezes a crew's tablet.
        core.store().database().forbidOn(Platform::isFxApplicationThread, true);
    }

    /** The status an RS-SR of the ledger carries, in words (for the journal; read off the UI thread). */
    private String statusOf(OutboxEntry entry) {
        var decoded = core.outgoing().codec().decode(core.store().outbox().body(entry.distributionId()));
        return decoded.message() != null && decoded.message().payload() instanceof org.opensmur.core.status.ResourcesStatus status
                ? labels.status(status.state().status()) : "?";
    }

    private void storageFailed(StoreException e) {
        statusBar.onStorage(StorageState.of(-1, e));
    }

    private void onNotice(CoreNotice notice) {
        switch (notice) {
            case CoreNotice.AcknowledgementIgnored ignored -> log.inbound(ignored.kind(), "", clock.instant(),
                    labels.format("log.ignoredAck", ignored.from()), ignored.referencedDistributionId());
            case CoreNotice.Storage storage -> statusBar.onStorage(storage.state());
            case CoreNotice.IdentityTriedElsewhere tried -> statusBar.onIdentityTriedElsewhere(tried.at());
        }
        ledgerChanged();
    }

    public void start() {
        background.run(this::readSaved, this::restore, e -> {
            restored = true;
            failed(e);
        });
        core.start();
        ledgerChanged();
        // The tablet's offline map package (MBTiles or a z/x/y folder), opened off the UI thread.
        background.run(() -> org.opensmur.store.maps.MapPackage.open(settings.tileFolder()).orElse(null), opened -> {
            mapPackage = opened;
            org.opensmur.app.map.OfflineTileRetriever.use(opened);
            map.installed(opened == null ? null : opened.description());
        }, e -> map.refused(e.getMessage()));
        // A fix may come on any thread (the device's position service calls back on the UI thread): the map
        // follows on the UI thread, the GEO-POS is written to the store on the store's thread, never on the UI's.
        positions.start(fix -> ui.execute(() -> {
            ownPosition.set(new MapPoint(fix.lat(), fix.lon()));
            if (status.engaged()) {
                io.execute(() -> geoPos.onFix(fix));
            }
        }));
    }

    private void onDelivery(OutboxEntry entry) {
        status.onDelivery(entry);
        bilan.onDelivery(entry);
        documents.onDelivery(entry);
        rpis.onDelivery(entry);
    }

    /**
     * The waiting count and the log read the ledger. A draining backlog changes it thousands of times in a
     * burst: they are read again once per burst, not once per change, and never twice for one event.
     */
    private void ledgerChanged() {
        if (ledgerRefreshQueued.compareAndSet(false, true)) {
            background.run(() -> {
                ledgerRefreshQueued.set(false);
                var outbox = core.store().outbox();
                return new Ledger(outbox.waiting(), outbox.blocked(), outbox.line(), log.read());
            }, ledger -> {
                statusBar.setWaiting(ledger.waiting(), ledger.blocked(), ledger.blocked() == 0 ? null
                        : ModelLine.all().stream().map(ModelLine::name).filter(n -> !n.equals(ledger.line())).findFirst().orElse("?"),
                        ledger.line());
                log.show(ledger.lines());
            }, this::failed);
        }
    }

    /** What the status bar and the log show of the ledger, read in one go off the UI thread. */
    private record Ledger(int waiting, int blocked, String line, java.util.List<MessageLogViewModel.Line> lines) {
    }

    private void failed(RuntimeException e) {
        if (e instanceof StoreException store) {
            storageFailed(store);
        } else {
            statusBar.setLastError(labels.get("storage.OTHER"));
        }
    }

    private void onEvent(HubEvent event) {
        switch (event) {
            case HubEvent.MessageReceived received when !received.duplicate() -> onMessage(received.message());
            case HubEvent.ErrorReported error -> statusBar.setLastError(labels.format("error.hub",
                    labels.code("hubError", error.code().map(c -> String.valueOf(c.statusCode()))
                            .orElse(String.valueOf(error.error().errorCode().statusCode())))));
            case HubEvent.MessageRejected rejected -> statusBar.setLastError(labels.format("error.rejected",
                    rejected.issues().isEmpty() ? "" : rejected.issues().get(0).path()));
            case HubEvent.MessageFromThirdParty foreign -> {
                String from = org.opensmur.core.mission.Steering.organisation(foreign.message().senderID());
                log.inbound(foreign.message().type().code(), foreign.caseId(), clock.instant(),
                        labels.format("log.thirdParty", from), foreign.message().distributionID());
                statusBar.setLastError(labels.format("thirdParty.ignored", from));
            }
            case HubEvent.MessageConflict conflict -> {
                String caseId = CaseStore.caseIdOf(conflict.message());
                log.inbound(conflict.message().type().code(), caseId, clock.instant(), labels.get("log.conflict"),
                        conflict.message().distributionID());
                if (caseId != null && caseId.equals(openCase)) {
                    background.run(() -> core.store().inbox().conflicts(caseId).size(), mission::showConflicts, this::failed);
                }
            }
            default -> { }
        }
        ledgerChanged();
    }

    private void onMessage(HubMessage message) {
        String caseId = CaseStore.caseIdOf(message);
        switch (message.payload()) {
            case ResourcesEngagement request when message.distributionKind() == DistributionKind.CANCEL -> {
                if (caseId.equals(status.caseIdProperty().get())) {
                    status.cancelledBySamu();
                    alerts.raise(new org.opensmur.app.alert.AlertViewModel.Alert(org.opensmur.app.alert.AlertViewModel.Kind.CANCELLED,
                            caseId, labels.get("alert.cancelled.title"), labels.get("alert.cancelled.detail")));
                }
            }
            case ResourcesEngagement request -> background.run(() -> core.store().cases().view(caseId), view -> {
                engagement.ring(request, message.senderID(), summary(view, caseId));
                // rings again after a restart until it is answered
                remember(PENDING, java.util.Map.of("requestId", message.distributionID()));
                background.run(() -> core.acknowledge(message, ReferenceStep.CONSULTE)); // the request is on screen
            }, this::failed);
            case CreateCaseHealth created -> caseMessage(caseId, message);
            case CreateCaseHealthUpdate update -> caseMessage(caseId, message);
            case ResourcesInfo info -> {
                if (caseId.equals(openCase)) {
                    info.resource().stream().filter(r -> !settings.resourceId().equals(r.resourceId())).forEach(mission::addResource);
                }
            }
            default -> { }
        }
    }

    private void caseMessage(String caseId, HubMessage message) {
        unconsulted.computeIfAbsent(caseId, k -> new java.util.ArrayList<>()).add(message);
        if (message.payload() instanceof CreateCaseHealthUpdate && caseId.equals(openCase) && !missionOnScreen) {
            // The crew is on another screen: the update must not wait for them to look at the mission.
            alerts.raise(new org.opensmur.app.alert.AlertViewModel.Alert(org.opensmur.app.alert.AlertViewModel.Kind.UPDATED,
                    caseId, labels.get("alert.updated.title"), labels.get("alert.updated.detail")));
        }
        refreshCase(caseId);
        if (missionOnScreen) {
            consultOpenCase();
        }
    }

    /** The screen in front of the crew changed; the mission screen shows the open case's messages. */
    public void screenShown(String screen, boolean mission) {
        missionOnScreen = mission;
        if (mission) {
            consultOpenCase();
        }
        if (restored) { // before the restore, the screen shown is the default one, not the crew's choice
            remember(SCREEN, java.util.Map.of("screen", screen));
        }
    }

    // ---- what a restart or a crash must not lose: kept (encrypted) in the store as it changes

    private static final String MISSION = "session:mission";
    private static final String PENDING = "session:pending";
    private static final String SCREEN = "session:screen";
    private boolean restored;
    private final javafx.beans.property.StringProperty restoredScreen = new javafx.beans.property.SimpleStringProperty();

    private void remember(String key, java.util.Map<String, String> values) {
        background.run(() -> core.store().drafts().save(key, values));
    }

    private void forget(String key) {
        background.run(() -> core.store().drafts().remove(key));
    }

    /** What the store holds of the session: the open mission and its taps, a request still ringing, the screen. */
    private record Saved(String caseId, String lrmId, java.util.List<StatusViewModel.Tap> taps,
                         java.util.Map<String, org.opensmur.store.outbox.DeliveryState> states, HubMessage pending, CaseStore.CaseView pendingCase,
                         String screen, java.util.Map<String, String> shift) {
    }

    private Saved readSaved() {
        var drafts = core.store().drafts();
        var mission = drafts.load(MISSION).orElse(java.util.Map.of());
        String caseId = mission.get("caseId");
        java.util.List<StatusViewModel.Tap> taps = new java.util.ArrayList<>();
        java.util.Map<String, org.opensmur.store.outbox.DeliveryState> states = new java.util.HashMap<>();
        if (caseId != null) {
            var outbox = core.store().outbox();
            var rows = new java.util.ArrayList<>(outbox.list(caseId, 1000));
            rows.sort(java.util.Comparator.comparingLong(OutboxEntry::id));
            for (OutboxEntry row : rows) {
                if (row.type() == org.opensmur.core.hub.message.MessageType.RS_SR) {
                    var decoded = core.outgoing().codec().decode(outbox.body(row.distributionId()));
                    var state = ((org.opensmur.core.status.ResourcesStatus) decoded.message().payload()).state();
                    taps.add(new StatusViewModel.Tap(state.status(), state.datetime(), row.distributionId()));
                    states.put(row.distributionId(), row.state());
                }
            }
        }
        HubMessage pending = null;
        CaseStore.CaseView pendingCase = null;
        String requestId = drafts.load(PENDING).map(m -> m.get("requestId")).orElse(null);
        if (requestId != null) {
            var decoded = core.store().inbox().read(requestId);
            pending = decoded == null ? null : decoded.envelope();
            pendingCase = pending == null ? null : core.store().cases().view(CaseStore.caseIdOf(pending));
        }
        return new Saved(caseId, mission.get("lrmId"), taps, states, pending, pendingCase,
                drafts.load(SCREEN).map(m -> m.get("screen")).orElse(null),
                drafts.load(org.opensmur.app.shift.ShiftViewModel.STORE_KEY).orElse(java.util.Map.of()));
    }

    /** Brings the session back as it was before a restart or a crash. */
    private void restore(Saved saved) {
        shift.restore(saved.shift());
        if (saved.caseId() != null) {
            openCase(saved.caseId(), saved.lrmId());
            status.restore(saved.caseId(), saved.lrmId(), saved.taps(), saved.states());
        }
        if (saved.pending() != null && saved.pending().payload() instanceof ResourcesEngagement request) {
            engagement.ring(request, saved.pending().senderID(), summary(saved.pendingCase(), request.caseId()));
        }
        restored = true;
        if (saved.screen() != null) {
            restoredScreen.set(saved.screen());
        }
    }

    /** The screen the crew had before a restart (set once, when the session is restored). */
    public javafx.beans.property.ReadOnlyStringProperty restoredScreenProperty() {
        return restoredScreen;
    }

    private void consultOpenCase() {
        java.util.List<HubMessage> shown = openCase == null ? null : unconsulted.remove(openCase);
        if (shown != null) {
            background.run(() -> shown.forEach(m -> core.acknowledge(m, ReferenceStep.CONSULTE)));
        }
    }

    private String summary(CaseStore.CaseView view, String caseId) {
        if (view == null) {
            return caseId;
        }
        var c = view.merged();
        return labels.format("engagement.summary", c.priority() == null ? "?" : c.priority().code(),
                java.util.Objects.requireNonNullElse(c.whatsHappenLabel(), ""), java.util.Objects.requireNonNullElse(c.address(), ""));
    }

    private void refreshCase(String caseId) {
        if (openCase == null || caseId.equals(openCase)) {
            background.run(() -> core.store().cases().view(caseId), this::showCase, this::failed);
        }
    }

    private void showCase(CaseStore.CaseView view) {
        if (openCase != null && !view.caseId().equals(openCase)) {
            return; // another case was opened meanwhile
        }
        mission.show(view);
        patients.show(view, null);
        var c = view.merged();
        String street = java.util.Objects.requireNonNullElse(c.address(), "");
        String city = java.util.Objects.requireNonNullElse(c.cityName(), "");
        map.setAddress(street.toLowerCase(java.util.Locale.ROOT).contains(city.toLowerCase(java.util.Locale.ROOT)) ? street
                : (street + " " + city).strip()); // the city once, even when the address already names it
        updateOver();
        var point = c.coordinates();
        if (point != null) {
            interventionPoint.set(new MapPoint(point.lat(), point.lon()));
        }
    }

    /** The open case as the store has it, with its conflicting copies, read in one go off the UI thread. */
    private record Opened(CaseStore.CaseView view, int conflicts, java.util.Map<String, String> onScene) {
    }

    private void openCase(String caseId, String lrmId) {
        openCase = caseId;
        documents.open(caseId, lrmId);
        background.run(() -> new Opened(core.store().cases().view(caseId), core.store().inbox().conflicts(caseId).size(),
                core.store().drafts().load(org.opensmur.app.patient.PatientsViewModel.storeKey(caseId)).orElse(java.util.Map.of())), opened -> {
            patients.show(opened.view(), opened.onScene());
            showCase(opened.view());
            mission.showConflicts(opened.conflicts());
            bilan.open(opened.view(), lrmId);
        }, this::failed);
        if (missionOnScreen) {
            consultOpenCase();
        }
    }

    /** Over when the crew's last status ends the mission or the SAMU closed the case. */
    private void updateOver() {
        mission.setOver(openCase != null && ((status.engaged() && !status.missionActive()) || mission.closedBySamu()));
    }

    /**
     * The crew's "erase this mission from the tablet": everything the store holds of it goes at once, unless
     * one of its messages is still on its way (then it is kept, said, and purged later by the retention).
     */
    public void eraseMission() {
        String caseId = openCase;
        if (caseId == null) {
            return;
        }
        background.run(() -> core.store().retention().purgeNow(caseId), outcome -> {
            if (outcome.purged()) {
                openCase = null;
                patients.clear();
                forget(MISSION);
                status.release();
                int total = outcome.counts().values().stream().mapToInt(Integer::intValue).sum();
                mission.erased(labels.format("mission.erase.done", total), true);
            } else if (!outcome.over()) {
                mission.erased(labels.get("mission.erase.notOver"), false);
            } else {
                mission.erased(labels.format("mission.erase.undelivered", outcome.undelivered()), false);
            }
        }, this::failed);
    }

    /** The crew has read the highlighted changes of the open case. */
    public void markMissionSeen() {
        String caseId = openCase;
        if (caseId != null) {
            background.run(() -> core.store().cases().view(caseId), mission::markSeen, this::failed);
        }
    }

    /** Prefills the RPIS screen from the case, the status times and the bilan's diagnosis. */
    public void prefillRpis() {
        String caseId = openCase;
        if (caseId != null) {
            var times = status.times();
            String diagnosis = bilan.diagnosisForRpis(); // typed, else the last bilan sent (issue 27)
            background.run(() -> core.store().cases().view(caseId), view -> rpis.prefill(view, times, diagnosis), this::failed);
        }
    }

    /** Called every second by the app's clock. */
    public void tick() {
        statusBar.refresh();
        statusBar.onClockOffset(core.clock().skewed() ? core.clock().offset().orElse(null) : null, core.clock().beyondBound());
        status.tick(clock.instant());
        header.tick(clock.instant());
        owed.tick(clock.instant());
    }

    private final org.opensmur.app.owed.OwedViewModel owed;

    /** What the SAMU has not confirmed past its deadline (issue 27). */
    public org.opensmur.app.owed.OwedViewModel owed() {
        return owed;
    }

    public org.opensmur.app.header.MissionHeaderViewModel header() {
        return header;
    }

    /** A mission under way, or a request ringing: the screens are never locked then. */
    public boolean missionActive() {
        return status.missionActive() || engagement.pendingProperty().get() != null;
    }

    /** What the alerts sound like on this device ({@link org.opensmur.app.alert.AlertSound#SILENT} until the app sets it). */
    public org.opensmur.app.alert.AlertSound alertSound() {
        return alertSound;
    }

    public void setAlertSound(org.opensmur.app.alert.AlertSound sound) {
        this.alertSound = java.util.Objects.requireNonNull(sound);
    }

    public org.opensmur.app.alert.AlertViewModel alerts() {
        return alerts;
    }

    public TabletCore core() {
        return core;
    }

    public StatusBarViewModel statusBar() {
        return statusBar;
    }

    public EngagementViewModel engagement() {
        return engagement;
    }

    public MissionViewModel mission() {
        return mission;
    }

    public StatusViewModel status() {
        return status;
    }

    public BilanViewModel bilan() {
        return bilan;
    }

    public DocumentViewModel documents() {
        return documents;
    }

    public RpisViewModel rpis() {
        return rpis;
    }

    public MessageLogViewModel log() {
        return log;
    }

    public org.opensmur.app.patient.PatientsViewModel patients() {
        return patients;
    }

    public org.opensmur.app.shift.ShiftViewModel shift() {
        return shift;
    }

    public org.opensmur.app.map.MapViewModel map() {
        return map;
    }

    public ObjectProperty<MapPoint> ownPosition() {
        return ownPosition;
    }

    public ObjectProperty<MapPoint> interventionPoint() {
        return interventionPoint;
    }

    @Override
    public void close() {
        positions.close();
        if (mapPackage != null) {
            org.opensmur.app.map.OfflineTileRetriever.use(null);
            mapPackage.close();
        }
        io.shutdown();
        try {
            io.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS); // what the crew saved is finished first
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        core.close();
    }
}
