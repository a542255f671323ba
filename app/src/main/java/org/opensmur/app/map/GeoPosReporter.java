package org.opensmur.app.map;

import java.time.Duration;
import java.util.List;
import org.opensmur.core.geo.Position;
import org.opensmur.core.tablet.StorageProblem;
import org.opensmur.tablet.TabletCore;
import org.opensmur.tablet.mission.PositionReport;
import org.opensmur.tablet.mission.Timeline;

/**
 * Sends GEO-POS at an adaptive rate: a fix leaves when the vehicle has moved {@code minDistanceM} since
 * the last one sent, or when {@code maxInterval} has passed, and never more often than {@code minInterval}.
 * Offline, the outbox coalesces the fixes (latest fix or thinned track), so nothing here waits for the network.
 */
public final class GeoPosReporter {

    private final TabletCore core;
    private final String resourceId;
    private final String lrmId;
    private final Duration minInterval;
    private final Duration maxInterval;
    private final double minDistanceM;
    private final java.util.function.Supplier<Timeline> mission;
    private PositionSource.Fix lastSent;

    /** @param mission the mission the crew is engaged on as each fix comes (null: none): its state goes with the fix */
    public GeoPosReporter(TabletCore core, String resourceId, String lrmId, Duration minInterval, Duration maxInterval, double minDistanceM,
                          java.util.function.Supplier<Timeline> mission) {
        this.core = core;
        this.mission = mission;
        this.resourceId = resourceId;
        this.lrmId = lrmId;
        this.minInterval = minInterval;
        this.maxInterval = maxInterval;
        this.minDistanceM = minDistanceM;
    }

    /** Returns whether this fix was queued for sending. */
    /**
     * Follows the vehicle: each fix of {@code positions} (which may call back on any thread: the device's
     * position service calls back on the UI thread) moves {@code own} on {@code ui}, and while {@code engaged}
     * is written as a GEO-POS on {@code store}'s thread, never on the UI's.
     */
    public void follow(PositionSource positions, java.util.concurrent.Executor ui, java.util.concurrent.Executor store,
                       javafx.beans.property.ObjectProperty<com.gluonhq.maps.MapPoint> own, java.util.function.BooleanSupplier engaged) {
        positions.start(fix -> ui.execute(() -> {
            own.set(new com.gluonhq.maps.MapPoint(fix.lat(), fix.lon()));
            if (engaged.getAsBoolean()) {
                store.execute(() -> onFix(fix));
            }
        }));
    }

    public synchronized boolean onFix(PositionSource.Fix fix) {
        if (lrmId == null || !due(fix)) {
            return false;
        }
        // No height: the device's position service says 0 when it has none, and a real 0 cannot be told apart.
        Position position = PositionReport.of(resourceId, fix.at(), fix.lat(), fix.lon(), Double.NaN, fix.speedKmh(), fix.heading(),
                mission.get());
        try {
            core.send(core.outgoing().positions(List.of(position), lrmId));
        } catch (StorageProblem e) {
            return false; // the status bar says why; the next fix tries again
        }
        lastSent = fix;
        return true;
    }

    private boolean due(PositionSource.Fix fix) {
        if (lastSent == null) {
            return true;
        }
        Duration since = Duration.between(lastSent.at(), fix.at());
        if (since.compareTo(minInterval) < 0) {
            return false;
        }
        return since.compareTo(maxInterval) >= 0 || distanceM(lastSent, fix) >= minDistanceM;
    }

    static double distanceM(PositionSource.Fix a, PositionSource.Fix b) {
        double r = 6_371_000;
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(a.lat())) * Math.cos(Math.toRadians(b.lat())) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * r * Math.asin(Math.sqrt(h));
    }
}
