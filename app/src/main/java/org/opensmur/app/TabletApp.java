package org.opensmur.app;

import java.time.Clock;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.opensmur.app.demo.DemoPilot;
import org.opensmur.app.map.AttachPositionSource;
import org.opensmur.app.map.NmeaFileSource;
import org.opensmur.app.map.PositionSource;
import org.opensmur.app.map.SimulatedTrack;
import org.opensmur.app.shell.Labels;
import org.opensmur.app.shell.MainView;
import org.opensmur.app.shell.Theme;
import org.opensmur.core.hub.transport.AmqpHubTransport;
import org.opensmur.store.db.StoreException;

/** The desktop tablet: reads its settings (see {@link DesktopMain}), builds the session and shows it. */
public final class TabletApp extends Application {

    private TabletSession session;
    private Theme theme = Theme.DAY;

    @Override
    public void start(Stage stage) {
        TabletCommand options = DesktopMain.options();
        TabletSettings settings = DesktopMain.settings(options);
        if (settings.tileFolder() != null) {
            System.setProperty("opensmur.tiles", settings.tileFolder().toString()); // read by OfflineTileRetriever
        }
        Labels labels = new Labels(options.locale());
        Clock clock = Clock.systemDefaultZone();
        try {
            session = new TabletSession(new AmqpHubTransport(settings.hub(), clock), settings, labels, Platform::runLater, clock,
                    positionSource(clock, options.nmea()));
        } catch (StoreException e) {
            // The store cannot be opened (its database missing beside its key, damaged...): said on screen, in
            // the crew's words and with what the integrator must run; nothing is created in its place.
            System.err.println("cannot open the store: " + e.getMessage());
            Label title = new Label(labels.storageProblem(e));
            title.getStyleClass().add("title");
            title.setWrapText(true);
            Label detail = new Label(e.getMessage());
            detail.setId("startup-problem");
            detail.setWrapText(true);
            VBox box = new VBox(24, title, detail);
            box.setPadding(new javafx.geometry.Insets(32));
            Scene scene = new Scene(box, 1280, 800);
            Theme.DAY.applyTo(scene);
            stage.setTitle("OpenSMUR");
            stage.setScene(scene);
            stage.show();
            return;
        }
        MainView view = new MainView(session, labels, () -> {
            theme = theme.next();
            theme.applyTo(stage.getScene());
        });
        Scene scene = new Scene(view, 1280, 800);
        theme = options.theme();
        theme.applyTo(scene);
        if (options.autopilot() != null) {
            new DemoPilot(session, view, options.autopilot()).start();
        }
        stage.setTitle("OpenSMUR");
        stage.setScene(scene);
        stage.show();
        Timeline clockTick = new Timeline(new KeyFrame(Duration.seconds(1), e -> session.tick()));
        clockTick.setCycleCount(Timeline.INDEFINITE);
        clockTick.play();
        session.start();
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
        if (session != null) {
            session.close();
        }
    }
}
