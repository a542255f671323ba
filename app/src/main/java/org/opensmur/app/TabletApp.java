package org.opensmur.app;

import org.opensmur.app.session.TabletSession;
import org.opensmur.app.settings.TabletSettings;
import java.time.Clock;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.opensmur.app.demo.DemoPilot;
import org.opensmur.app.map.AttachPositionSource;
import org.opensmur.app.map.NmeaFileSource;
import org.opensmur.app.map.PositionSource;
import org.opensmur.app.map.SimulatedTrack;
import org.opensmur.app.ui.Background;
import org.opensmur.app.ui.Labels;
import org.opensmur.app.shell.MainView;
import org.opensmur.app.shell.RunningTablet;
import org.opensmur.app.ui.StartingView;
import org.opensmur.app.ui.StartupProblemView;
import org.opensmur.app.ui.Theme;
import org.opensmur.app.unlock.LockedTablet;
import org.opensmur.store.crypto.PinLock;
import org.opensmur.store.db.StoreException;

/** The desktop tablet: reads its settings (see {@link DesktopMain}), builds the session and shows it. */
public final class TabletApp extends Application {

    private TabletSession session;
    private Theme theme;
    private LockedTablet locked;
    private java.util.concurrent.ExecutorService unlocking;

    @Override
    public void start(Stage stage) {
        TabletCommand options = DesktopMain.options();
        Labels labels = new Labels(options.locale());
        theme = options.theme();
        stage.setTitle("OpenSMUR");
        TabletSettings settings;
        try {
            settings = DesktopMain.settings(options);
        } catch (IllegalArgumentException e) {
            // A setting that cannot be used (a secret file others may read, Hub settings missing...): said on screen too.
            System.err.println("cannot start: " + e.getMessage());
            showProblem(stage, labels.get("startup.settings"), e.getMessage());
            return;
        }
        Clock clock = Clock.systemDefaultZone();
        if (settings.unlockedByPin()) {
            // The crew's PIN opens the store; the derivation (half a second by design) runs off the UI thread.
            unlocking = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "unlock");
                thread.setDaemon(true);
                return thread;
            });
            // The position source is chosen here, on the UI thread (Gluon Attach's services are looked up once).
            PositionSource positions = positionSource(clock, options.nmea());
            locked = new LockedTablet(new PinLock(settings.storeFolder()), new Background(unlocking, Platform::runLater), labels,
                    keys -> {
                        TabletSession opened = RunningTablet.open(settings.withStoreKeys(keys), labels, clock, positions);
                        java.time.Instant notAfter = certificateNotAfter(settings);
                        return () -> new LockedTablet.Opened(showScreens(opened, labels, options, notAfter), session::missionActive);
                    }, options.lockAfter(), System::nanoTime);
            Scene scene = org.opensmur.app.shell.WindowSize.onPrimaryScreen().scene(locked);
            theme.applyTo(scene);
            stage.setScene(scene);
            stage.show();
            return;
        }
        // The window first (it says it is opening), the store opened off the UI thread, then the screens.
        Scene scene = org.opensmur.app.shell.WindowSize.onPrimaryScreen().scene(new StartingView(labels));
        theme.applyTo(scene);
        stage.setScene(scene);
        stage.show();
        PositionSource positions = positionSource(clock, options.nmea());
        Thread opening = new Thread(() -> {
            try {
                TabletSession opened = RunningTablet.open(settings, labels, clock, positions);
                java.time.Instant notAfter = certificateNotAfter(settings);
                Platform.runLater(() -> scene.setRoot(showScreens(opened, labels, options, notAfter)));
            } catch (StoreException e) {
                // The store cannot be opened (its database missing beside its key, damaged...): said on screen, in
                // the crew's words and with what the integrator must run; nothing is created in its place.
                System.err.println("cannot open the store: " + e.getMessage());
                Platform.runLater(() -> showProblem(stage, labels.storageProblem(e), e.getMessage()));
            } catch (RuntimeException e) {
                System.err.println("cannot start: " + e);
                Platform.runLater(() -> showProblem(stage, labels.get("startup.settings"), e.toString()));
            }
        }, "opening-store");
        opening.setDaemon(true);
        opening.start();
    }

    /**
     * When the tablet's certificate ends, for the strip's warning (null: plain AMQP, or it cannot be read: the link
     * says why). Read off the UI thread: opening a PKCS#12 derives its key.
     */
    static java.time.Instant certificateNotAfter(TabletSettings settings) {
        if (settings.hub().plainAmqp()) {
            return null;
        }
        try {
            return org.opensmur.signing.KeyMaterial.clientNotAfter(settings.hub().certificatePath(), settings.hub().keyPassphrase());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The screens over an opened session; the Hub link starts. On the UI thread. */
    private MainView showScreens(TabletSession opened, Labels labels, TabletCommand options, java.time.Instant certificateNotAfter) {
        RunningTablet running = RunningTablet.show(opened, labels);
        running.session().statusBar().onCertificateExpiry(certificateNotAfter);
        running.view().showTheme(theme);
        session = running.session();
        var host = getHostServices(); // the handover sheet opened by the system's viewer
        session.handover().openWith(file -> host.showDocument(file.toUri().toString()));
        session.core().keepClosedMissionsFor(options.keepMissions());
        if (options.autopilot() != null) {
            new DemoPilot(session, running.view(), options.autopilot()).start();
        }
        return running.view();
    }

    private static void showProblem(Stage stage, String title, String detail) {
        Scene scene = org.opensmur.app.shell.WindowSize.onPrimaryScreen().scene(new StartupProblemView(title, detail));
        Theme.DAY.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    /** The device's GPS where Gluon Attach has one; on the desktop an NMEA file (--nmea=FILE) or a simulated drive. */
    private PositionSource positionSource(Clock clock, java.nio.file.Path nmea) {
        return AttachPositionSource.available(clock).orElseGet(() -> {
            if (nmea != null) {
                try {
                    return new NmeaFileSource(nmea, 1_000, clock);
                } catch (java.io.IOException e) {
                    throw new IllegalArgumentException("--nmea: " + e.getMessage(), e);
                }
            }
            return new SimulatedTrack(47.2100, -1.5600, 45, 50, 2_000, clock);
        });
    }

    @Override
    public void stop() {
        if (locked != null) {
            locked.stop();
        }
        if (unlocking != null) {
            unlocking.shutdownNow();
        }
        if (session != null) {
            session.close();
        }
    }
}
