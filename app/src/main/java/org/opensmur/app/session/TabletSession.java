package org.opensmur.app.session;

import org.opensmur.app.settings.TabletSettings;
import com.gluonhq.maps.MapPoint;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.opensmur.app.alert.AlertSound;
import org.opensmur.app.alert.AlertViewModel;
import org.opensmur.app.bilan.BilanViewModel;
import org.opensmur.app.connection.LinkFeed;
import org.opensmur.app.connection.StatusBarViewModel;
import org.opensmur.app.document.DocumentViewModel;
import org.opensmur.app.engagement.EngagementViewModel;
import org.opensmur.app.header.MissionHeaderViewModel;
import org.opensmur.app.log.MessageLogViewModel;
import org.opensmur.app.map.GeoPosReporter;
import org.opensmur.app.map.MapViewModel;
import org.opensmur.app.map.PositionSource;
import org.opensmur.app.mission.MissionViewModel;
import org.opensmur.app.mission.OpenMission;
import org.opensmur.app.patient.PatientsViewModel;
import org.opensmur.app.rpis.RpisViewModel;
import org.opensmur.app.ui.Background;
import org.opensmur.app.ui.Labels;
import org.opensmur.app.shift.ShiftViewModel;
import org.opensmur.app.status.StatusViewModel;
import org.opensmur.core.hub.transport.HubTransport;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.tablet.TabletCore;
import org.opensmur.tablet.mission.Crew;
import org.opensmur.tablet.mission.MissionCore;

/**
 * One running tablet, composed: the core and its mission (no JavaFX: {@link MissionCore} holds the rules),
 * the store's executor, and the view models of every screen fed from them. Core events arrive on core
 * threads and are handed to {@code ui} (the JavaFX thread in the app); the store's work runs on one named
 * thread, never on the UI's.
 */
public final class TabletSession implements AutoCloseable {

    private final TabletCore core;
    private final MissionCore missionCore;
    private final ExecutorService store = org.opensmur.core.threads.NamedThreads.single("tablet-store");
    private final Background background;
    private final TabletSettings settings;
    private final PositionSource positions;
    private final Executor ui;
    private final Clock clock;
    private final ObjectProperty<MapPoint> ownPosition = new SimpleObjectProperty<>();
    private volatile AlertSound alertSound = AlertSound.SILENT;
    private final StatusBarViewModel statusBar;
    private final LinkFeed link;
    private final OpenMission.Screens screens;
    private final OpenMission open;
    private final ShiftViewModel shift;
    private final MessageLogViewModel log;
    private final MissionHeaderViewModel header;
    private final GeoPosReporter geoPos;
    private final Labels labels;

    public TabletSession(HubTransport transport, TabletSettings settings, Labels labels, Executor ui, Clock clock, PositionSource positions) {
        this.settings = settings;
        this.labels = labels;
        this.positions = positions;
        this.ui = ui;
        this.clock = clock;
        this.background = new Background(store, ui);
        ModelLine line = ModelLine.named(settings.hub().modelLine());
        this.core = new TabletCore(transport, settings.clientId(), line, settings.storeFolder(),
                Objects.requireNonNull(settings.storeKeys(), "the store is locked: unlock it first"), clock);
        core.trust(settings.hub().trustedParties());
        this.missionCore = new MissionCore(core, new Crew(settings.resourceId(), settings.unit().orgId(), settings.vehicleType(),
                settings.vehicleName(), settings.crewName()), store);
        core.describeAs(settings.described());
        this.statusBar = new StatusBarViewModel(labels, clock);
        this.shift = new ShiftViewModel(core, background, settings, labels, clock);
        missionCore.shiftFrom(shift::current);
        var patients = new PatientsViewModel(core, background, labels, settings.unit().orgId());
        this.screens = new OpenMission.Screens(
                new EngagementViewModel(missionCore, background, labels, () -> statusBar.setLastError(labels.get("engagement.callRegulation")),
                        line, clock),
                new MissionViewModel(labels), new StatusViewModel(missionCore, background, line, labels, clock), patients,
                new MapViewModel(ownPosition, new SimpleObjectProperty<>(), labels, org.opensmur.app.map.Navigators.clipboard(labels)),
                new BilanViewModel(core, background, settings, labels, clock), new DocumentViewModel(core, background, labels),
                new RpisViewModel(core, background, settings, labels), new AlertViewModel());
        screens.bilan().shiftFrom(shift::current);
        screens.rpis().shiftFrom(shift::current);
        patients.selectedProperty().addListener((o, was, is) -> { // one patient chosen for the bilan, the documents and the RPIS
            screens.bilan().choose(is);
            screens.documents().choose(is);
            screens.rpis().choose(is);
            prefillRpis();
        });
        this.log = MessageLogViewModel.of(core, settings.lrmId(), settings.oruId(), labels);
        this.link = new LinkFeed(core, background, ui, labels, clock, statusBar, log);
        this.open = new OpenMission(core.events(), ui, screens, labels);
        core.store().outbox().subscribe(entry -> ui.execute(() -> {
            screens.bilan().onDelivery(entry);
            screens.documents().onDelivery(entry);
            screens.rpis().onDelivery(entry);
        }));
        this.geoPos = new GeoPosReporter(core, settings.resourceId(), settings.lrmId(), Duration.ofSeconds(5), Duration.ofSeconds(60), 100);
        this.header = new MissionHeaderViewModel(screens.mission(), screens.status(), labels, clock, shift.currentProperty());
        // From here on the UI thread does no database work (opening the store, above, is the one exception).
        // Fails fast in every build: a screen that reads the database on the UI thread freezes a crew's tablet.
        core.store().database().forbidOn(Platform::isFxApplicationThread, true);
    }

    public void start() {
        shift.load();
        background.run(missionCore::restore);
        core.start();
        link.ledgerChanged();
        screens.map().openPackage(settings.tileFolder(), background);
        // A fix may come on any thread (the device's position service calls back on the UI thread): the map
        // follows on the UI thread, the GEO-POS is written to the store on the store's thread, never on the UI's.
        positions.start(fix -> ui.execute(() -> {
            ownPosition.set(new MapPoint(fix.lat(), fix.lon()));
            if (screens.status().engaged()) {
                store.execute(() -> geoPos.onFix(fix));
            }
        }));
    }

    /** The screen in front of the crew changed; the mission screen shows the open case's messages. */
    public void screenShown(String screen, boolean mission) {
        background.run(() -> missionCore.screenShown(screen, mission));
    }

    /** The crew's "erase this mission from the tablet" (kept, and said, while one of its messages is on its way). */
    public void eraseMission() {
        background.run(missionCore::erase, outcome -> outcome.ifPresent(screens.mission()::erased),
                link::failed);
    }

    /** Périmètre 1: the crew opens a case shared with it without an engagement request (refused, and said, while a mission is under way). */
    public void openShared(String caseId) {
        if (caseId == null) {
            return;
        }
        background.run(() -> missionCore.openShared(caseId), opened -> {
            if (!opened) {
                statusBar.setLastError(labels.get("mission.shared.refused"));
            }
        }, link::failed);
    }

    /** The crew has read the highlighted changes of the open case. */
    public void markMissionSeen() {
        background.run(missionCore::openCaseView, view -> view.ifPresent(screens.mission()::markSeen), link::failed);
    }

    /** Prefills the RPIS screen from the case, the status times and the bilan's diagnosis. */
    public void prefillRpis() {
        var times = screens.status().times();
        String diagnosis = BilanViewModel.cim10(screens.bilan().input("bilan.diagnosis").valueProperty().get());
        background.run(missionCore::openCaseView, view -> view.ifPresent(v -> screens.rpis().prefill(v, times, diagnosis)), link::failed);
    }

    /** Called every second by the app's clock. */
    public void tick() {
        link.tick();
        screens.status().tick(clock.instant());
        header.tick(clock.instant());
    }

    /** A mission under way, or a request ringing: the screens are never locked then. */
    public boolean missionActive() {
        return screens.status().missionActive() || screens.engagement().pendingProperty().get() != null;
    }

    public ReadOnlyStringProperty restoredScreenProperty() { return open.restoredScreenProperty(); }
    public AlertSound alertSound() { return alertSound; }
    public void setAlertSound(AlertSound sound) { this.alertSound = Objects.requireNonNull(sound); }
    public AlertViewModel alerts() { return screens.alerts(); }
    public TabletCore core() { return core; }
    public MissionCore missionCore() { return missionCore; }
    public StatusBarViewModel statusBar() { return statusBar; }
    public EngagementViewModel engagement() { return screens.engagement(); }
    public MissionViewModel mission() { return screens.mission(); }
    public StatusViewModel status() { return screens.status(); }
    public BilanViewModel bilan() { return screens.bilan(); }
    public DocumentViewModel documents() { return screens.documents(); }
    public RpisViewModel rpis() { return screens.rpis(); }
    public MessageLogViewModel log() { return log; }
    public PatientsViewModel patients() { return screens.patients(); }
    public ShiftViewModel shift() { return shift; }
    public MapViewModel map() { return screens.map(); }
    public MissionHeaderViewModel header() { return header; }
    public ObjectProperty<MapPoint> ownPosition() { return ownPosition; }
    public ObjectProperty<MapPoint> interventionPoint() { return screens.map().targetProperty(); }

    @Override
    public void close() {
        positions.close();
        screens.map().closePackage();
        store.shutdown();
        try {
            store.awaitTermination(5, TimeUnit.SECONDS); // what the crew saved is finished first
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        core.close();
    }
}
