package org.opensmur.core.hub.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.opensmur.core.testing.MutableClock;

class HubClockTest {

    private static final Instant TRUE_NOW = Instant.parse("2026-11-30T10:00:00Z");

    private static OffsetDateTime sentAt(Instant instant) {
        return instant.atOffset(ZoneOffset.ofHours(1));
    }

    @Test
    void aTabletTenMinutesSlowIsCorrectedAndWarnedFromWhatItReceives() {
        MutableClock device = new MutableClock(TRUE_NOW.minus(Duration.ofMinutes(10)));
        HubClock clock = new HubClock(device);
        assertEquals(device.instant(), clock.instant(), "nothing known yet: the device's time");
        // Three messages, sent 0.3 s, 2 s and 40 s (queued) before they arrive.
        clock.observe(sentAt(TRUE_NOW.minusMillis(300)));
        clock.observe(sentAt(TRUE_NOW.minusSeconds(2)));
        clock.observe(sentAt(TRUE_NOW.minusSeconds(40)));

        Duration offset = clock.offset().orElseThrow();
        assertTrue(offset.plusMinutes(10).abs().compareTo(Duration.ofSeconds(5)) <= 0, offset.toString());
        assertTrue(clock.skewed(), "above two minutes the crew is warned");
        long error = Duration.between(TRUE_NOW, clock.instant()).abs().toMillis();
        assertTrue(error <= 5_000, "corrected time within the transit: " + error + " ms");
    }

    @Test
    void oneMessageWithAForgedDateMovesNothing() {
        MutableClock device = new MutableClock(TRUE_NOW);
        HubClock clock = new HubClock(device);
        clock.observe(sentAt(TRUE_NOW.minusMillis(500)));
        clock.observe(sentAt(TRUE_NOW.plus(Duration.ofDays(365 * 50)))); // a peer's forged or broken date
        clock.observe(sentAt(TRUE_NOW.minusSeconds(1)));

        assertEquals(TRUE_NOW, clock.instant(), "transit-sized differences correct nothing");
        assertFalse(clock.skewed());
        assertTrue(clock.offset().orElseThrow().abs().compareTo(Duration.ofSeconds(2)) < 0, clock.offset().toString());
    }

    @Test
    void messagesHeldInAQueueForHoursDoNotMakeTheClockLookAhead() {
        MutableClock device = new MutableClock(TRUE_NOW);
        HubClock clock = new HubClock(device);
        // Back from a coverage gap: a backlog sent over the last three hours arrives at once.
        for (int minutes = 180; minutes > 0; minutes -= 1) {
            clock.observe(sentAt(TRUE_NOW.minus(Duration.ofMinutes(minutes))));
        }
        clock.observe(sentAt(TRUE_NOW.minusMillis(200)));
        clock.observe(sentAt(TRUE_NOW.minusMillis(900)));
        assertEquals(TRUE_NOW, clock.instant());
        assertFalse(clock.skewed());
    }
}
