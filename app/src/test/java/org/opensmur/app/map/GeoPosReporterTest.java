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

    @Test
    void distanceIsMeasuredOnTheGround() {
        Instant t = Instant.EPOCH;
        assertEquals(111_195, GeoPosReporter.distanceM(at(47, -1.5, t), at(48, -1.5, t)), 100);
        assertEquals(75_800, GeoPosReporter.distanceM(at(47, -1.5, t), at(47, -0.5, t)), 200);
    }
}
