package org.opensmur.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.app.testing.Tablets;
import org.opensmur.core.testing.MutableClock;
import org.opensmur.tablet.TabletCore;

/** GEO-POS leaves on distance or on time, never faster than the floor. */
class GeoPosReporterTest {

    @TempDir
    Path dir;

    private static PositionSource.Fix at(double lat, double lon, Instant t) {
        return new PositionSource.Fix(lat, lon, 50, 90, t);
    }

    @Test
    void sendsOnDistanceOrTimeNeverFasterThanTheFloor() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
        var settings = Tablets.settings(dir);
        TabletCore core = Tablets.core(settings, clock);
        try {
            GeoPosReporter reporter = new GeoPosReporter(core, Tablets.RESOURCE, Tablets.LRM, Duration.ofSeconds(5),
                    Duration.ofSeconds(60), 100, () -> null);
            Instant t0 = clock.instant();
            double metre = 1 / 111_320.0; // of latitude
            assertTrue(reporter.onFix(at(47.0, -1.5, t0)), "the first fix leaves");
            assertFalse(reporter.onFix(at(47.0 + 500 * metre, -1.5, t0.plusSeconds(2))), "500 m but under the 5 s floor");
            assertFalse(reporter.onFix(at(47.0 + 50 * metre, -1.5, t0.plusSeconds(10))), "50 m in 10 s: not yet");
            assertTrue(reporter.onFix(at(47.0 + 150 * metre, -1.5, t0.plusSeconds(12))), "150 m: leaves");
            assertFalse(reporter.onFix(at(47.0 + 150 * metre, -1.5, t0.plusSeconds(40))), "standing still 28 s");
            assertTrue(reporter.onFix(at(47.0 + 150 * metre, -1.5, t0.plusSeconds(73))), "standing still 61 s: leaves anyway");
            assertEquals(3, core.store().outbox().list(null, 100).stream()
                    .filter(e -> e.type() == org.opensmur.core.hub.message.MessageType.GEO_POS).count(), "three fixes were queued");
        } finally {
            core.close();
        }
    }

    /**
     * A vehicle on the move, its fixes called back on the UI thread as the device's position service does (Gluon
     * Attach): every fix is written (a GEO-POS queued in SQLite) on the store's thread, none on the UI's, where the
     * store refuses work at once.
     */
    @Test
    void everyFixOfAMovingVehicleIsWrittenOffTheUiThread() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
        TabletCore core = Tablets.core(Tablets.settings(dir), clock);
        var uiThread = org.opensmur.core.threads.NamedThreads.single("ui-under-test");
        var storeThread = org.opensmur.core.threads.NamedThreads.single("tablet-store");
        java.util.List<Throwable> uiErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.Executor ui = task -> uiThread.execute(() -> {
            try {
                task.run();
            } catch (Throwable e) {
                uiErrors.add(e);
            }
        });
        java.util.List<String> writers = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            core.forbidStoreWorkOn(() -> Thread.currentThread().getName().equals("ui-under-test"));
            core.onLedgerChange(e -> {
                if (e.type() == org.opensmur.core.hub.message.MessageType.GEO_POS) {
                    writers.add(Thread.currentThread().getName());
                }
            });
            java.util.concurrent.atomic.AtomicReference<java.util.function.Consumer<PositionSource.Fix>> device = new java.util.concurrent.atomic.AtomicReference<>();
            PositionSource moving = new PositionSource() {
                @Override
                public void start(java.util.function.Consumer<Fix> listener) {
                    device.set(listener);
                }

                @Override
                public void close() {
                }
            };
            var own = new javafx.beans.property.SimpleObjectProperty<com.gluonhq.maps.MapPoint>();
            new GeoPosReporter(core, Tablets.RESOURCE, Tablets.LRM, Duration.ofSeconds(5), Duration.ofSeconds(60), 100, () -> null)
                    .follow(moving, ui, storeThread, own, () -> true);
            Instant t0 = clock.instant();
            int fixes = 12;
            for (int i = 0; i < fixes; i++) {
                PositionSource.Fix fix = at(47.2 + i * 0.01, -1.55, t0.plusSeconds(10L * i)); // a kilometre and 10 s apart: each is due
                uiThread.execute(() -> device.get().accept(fix)); // the device calls back on the UI thread
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> writers.size() >= fixes || !uiErrors.isEmpty());
            org.opensmur.app.testing.UiErrors.assertNone(uiErrors, "nothing failed on the UI thread");
            assertEquals(fixes, writers.size(), "every fix was queued");
            assertEquals(java.util.Set.of("tablet-store"), java.util.Set.copyOf(writers), "every fix written on the store's thread");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> own.get() != null && own.get().getLatitude() > 47.3);
        } finally {
            org.opensmur.core.threads.NamedThreads.finish(storeThread, Duration.ofSeconds(5));
            uiThread.shutdownNow();
            core.close();
        }
    }

    @Test
    void distanceIsMeasuredOnTheGround() {
        Instant t = Instant.EPOCH;
        assertEquals(111_195, GeoPosReporter.distanceM(at(47, -1.5, t), at(48, -1.5, t)), 100);
        assertEquals(75_800, GeoPosReporter.distanceM(at(47, -1.5, t), at(47, -0.5, t)), 200);
    }
}
