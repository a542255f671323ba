package org.opensmur.app.map;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A desktop position source: a vehicle driving a straight line from a start point at a steady speed. */
public final class SimulatedTrack implements PositionSource {

    private final double lat;
    private final double lon;
    private final double heading;
    private final double speedKmh;
    private final long periodMs;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "simulated-track");
        t.setDaemon(true);
        return t;
    });

    public SimulatedTrack(double lat, double lon, double heading, double speedKmh, long periodMs, Clock clock) {
        this.lat = lat;
        this.lon = lon;
        this.heading = heading;
        this.speedKmh = speedKmh;
        this.periodMs = periodMs;
        this.clock = clock;
    }

    @Override
    public void start(Consumer<Fix> listener) {
        long start = clock.millis();
        timer.scheduleAtFixedRate(() -> {
            double km = speedKmh * (clock.millis() - start) / 3_600_000.0;
            double rad = Math.toRadians(heading);
            double dLat = km * Math.cos(rad) / 111.32;
            double dLon = km * Math.sin(rad) / (111.32 * Math.cos(Math.toRadians(lat)));
            listener.accept(new Fix(lat + dLat, lon + dLon, speedKmh, heading, clock.instant()));
        }, 0, periodMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
