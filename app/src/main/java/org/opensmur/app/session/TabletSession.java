package org.opensmur.app.session;

import com.gluonhq.maps.MapPoint;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
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
import org.opensmur.app.owed.OwedViewModel;
import org.opensmur.app.patient.PatientsViewModel;
import org.opensmur.app.rpis.RpisViewModel;
import org.opensmur.app.settings.TabletSettings;
import org.opensmur.app.shift.ShiftViewModel;
import org.opensmur.app.status.StatusViewModel;
import org.opensmur.app.ui.Background;
import org.opensmur.app.ui.Labels;
import org.opensmur.core.hub.transport.HubTransport;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.tablet.TabletCore;
import org.opensmur.tablet.TabletThreads;
import org.opensmur.tablet.mission.Crew;
import org.opensmur.tablet.mission.MissionCore;

/**
 * One running tablet, composed: the core and its mission ({@link MissionCore}: the rules, without JavaFX), on one
 * named thread per role ({@link TabletThreads}: the store's, the relay's, the watch's), the view models of every
 * screen fed from them on the UI thread (JavaFX's in the app).
 */
public final class TabletSession implements AutoCloseable {

    private final TabletThreads threads;
    private final ObjectProperty<MapPoint> ownPosition = new SimpleObjectProperty<>();
    private final TabletSettings settings;
    private final PositionSource positions;
    private final Background background;
    private final TabletCore core;
    private final MissionCore missionCore;
    private final StatusBarViewModel statusBar;
    private final ShiftViewModel shift;
    private final MessageLogViewModel log;
    private final LinkFeed link;
    private final OpenMission open;
    private final MissionHeaderViewModel header;
    private final GeoPosReporter geoPos;
    private final OwedViewModel owed;

    public TabletSession(HubTransport transport, TabletSettings settings, Labels labels, Executor ui, Clock clock, PositionSource positions) {
        this(transport, settings, labels, TabletThreads.named(ui), clock, positions);
    }

    /** On the composition root's {@code threads} (the transport's thread from them too). */
    public TabletSession(HubTransport transport, TabletSettings settings, Labels labels, TabletThreads threads, Clock clock,
                         PositionSource positions) {
        this.settings = settings;
        this.positions = positions;
        this.threads = threads;
        this.background = new Background(threads.store(), threads.ui()); // the store's work, never on the UI thread
        this.core = new TabletCore(transport, settings.clientId(), ModelLine.named(settings.hub().modelLine()), settings.storeFolder(),
                Objects.requireNonNull(settings.storeKeys(), "the store is locked: unlock it first"), clock, threads);
        core.trust(settings.hub().trustedParties());
        this.missionCore = new MissionCore(core, new Crew(settings.resourceId(), settings.unit().orgId(), settings.vehicleType(),
                settings.vehicleName(), settings.crewName()), threads.store());
        this.statusBar = new StatusBarViewModel(labels, clock);
        this.shift = new ShiftViewModel(core, background, settings, labels, clock);
        missionCore.shiftFrom(shift::current);
        this.log = MessageLogViewModel.of(core, settings.lrmId(), settings.oruId(), labels);
        this.link = new LinkFeed(core, background, threads.ui(), labels, clock, statusBar, log);
        // The mission's screens on the clock the core dates by (taps, correction window, deadlines: one clock).
        this.open = new OpenMission(core, missionCore, background, threads.ui(), settings, labels, core.clock(), shift, ownPosition,
                statusBar::setLastError, link::failed);
        this.geoPos = new GeoPosReporter(core, settings.resourceId(), settings.lrmId(), Duration.ofSeconds(5), Duration.ofSeconds(60), 100,
                () -> missionCore.timeline().orElse(null));
        this.header = new MissionHeaderViewModel(mission(), status(), labels, core.clock(), shift.currentProperty());
        this.owed = new OwedViewModel(core, missionCore, background, labels, core.clock(), MessageLogViewModel.statusWords(core, labels));
        owed.showOn(status(), log, statusBar); // what the SAMU has not confirmed in time: buttons, journal, bar
        // From here on, store work on the UI thread fails fast in every build: it would freeze a crew's tablet.
        core.forbidStoreWorkOn(Platform::isFxApplicationThread);
    }

    public void start() {
        shift.load();
        background.run(missionCore::restore);
        core.start();
        link.ledgerChanged();
        map().openPackage(org.opensmur.app.map.OfflineTileRetriever.packages(settings.tileFolder()), background);
        geoPos.follow(positions, threads.ui(), threads.store(), ownPosition, status()::engaged);
    }

    /** The screen in front of the crew changed; the mission screen shows the open case's messages. */
    public void screenShown(String screen, boolean mission) { background.run(() -> missionCore.screenShown(screen, mission)); }

    /** Called every second by the app's clock. */
    public void tick() {
        link.tick();
        var now = core.clock().instant();
        status().tick(now); header.tick(now); owed.tick(now);
    }

    /** A mission under way, or a request ringing: the screens are never locked then. */
    public boolean missionActive() { return status().missionActive() || engagement().pendingProperty().get() != null; }

    public void eraseMission() { open.erase(); }
    public void markMissionSeen() { open.markSeen(); }
    public void openShared(String caseId) { open.openShared(caseId); }
    public void prefillRpis() { open.prefillRpis(); }
    public ReadOnlyStringProperty restoredScreenProperty() { return open.restoredScreenProperty(); }
    public TabletCore core() { return core; }
    public MissionCore missionCore() { return missionCore; }
    public OwedViewModel owed() { return owed; }
    public StatusBarViewModel statusBar() { return statusBar; }
    public MessageLogViewModel log() { return log; }
    public ShiftViewModel shift() { return shift; }
    public MissionHeaderViewModel header() { return header; }
    public AlertViewModel alerts() { return open.screens().alerts(); }
    public EngagementViewModel engagement() { return open.screens().engagement(); }
    public MissionViewModel mission() { return open.screens().mission(); }
    public StatusViewModel status() { return open.screens().status(); }
    public BilanViewModel bilan() { return open.screens().bilan(); }
    public DocumentViewModel documents() { return open.screens().documents(); }
    public RpisViewModel rpis() { return open.screens().rpis(); }
    public PatientsViewModel patients() { return open.screens().patients(); }
    public org.opensmur.app.handover.HandoverViewModel handover() { return open.handover(); } // the bilan's patient's, and its sheet
    public MapViewModel map() { return open.screens().map(); }
    public ObjectProperty<MapPoint> ownPosition() { return ownPosition; }

    @Override
    public void close() {
        positions.close();
        map().closePackage();
        threads.finish(Duration.ofSeconds(5)); // what the crew saved is finished first
        core.close();
    }
}
