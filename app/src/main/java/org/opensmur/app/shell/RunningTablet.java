package org.opensmur.app.shell;

import org.opensmur.app.ui.Labels;
import java.time.Clock;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.util.Duration;
import org.opensmur.app.session.TabletSession;
import org.opensmur.app.settings.TabletSettings;
import org.opensmur.app.map.PositionSource;
import org.opensmur.core.hub.HubTransports;

/** A tablet running: its session on the Hub link and the screens over it, its clock ticking. Desktop and device alike. */
public record RunningTablet(TabletSession session, MainView view, Timeline ticks) implements AutoCloseable {

    /** Opens the store (with the settings' keys), builds the screens and starts the Hub link. On the UI thread. */
    public static RunningTablet start(TabletSettings settings, Labels labels, Clock clock, PositionSource positions) {
        return show(open(settings, labels, clock, positions), labels);
    }

    /**
     * The slow half: opens the encrypted store and builds the session over it (a second or so). Any thread:
     * the app runs it off the UI thread while its first frame is already on screen.
     */
    public static TabletSession open(TabletSettings settings, Labels labels, Clock clock, PositionSource positions) {
        // One named thread per role, made here and given to all: the screens on JavaFX's, the Hub link's its own.
        var threads = org.opensmur.tablet.TabletThreads.named(Platform::runLater);
        TabletSession session = new TabletSession(HubTransports.open(settings.hub(), clock, threads.transport()), settings, labels,
                threads, clock, positions);
        session.alerts().setSound(org.opensmur.app.alert.AlertSound.clips());
        return session;
    }

    /** The quick half: the screens over an opened session, its clock ticking, its Hub link started. On the UI thread. */
    public static RunningTablet show(TabletSession session, Labels labels) {
        MainView view = new MainView(session, labels);
        Timeline ticks = new Timeline(new KeyFrame(Duration.seconds(1), e -> session.tick()));
        ticks.setCycleCount(Timeline.INDEFINITE);
        ticks.play();
        session.start();
        return new RunningTablet(session, view, ticks);
    }

    @Override
    public void close() {
        ticks.stop();
        session.close();
    }
}
