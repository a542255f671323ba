package org.opensmur.core.hub.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensmur.core.hub.error.HubError;
import org.opensmur.core.testing.MutableClock;

class HubClockTest {

    private static final Instant TRUE_NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final String LRM = "fr.health.samu440.lrm";
    private static final String HUB = HubError.HUB_ID;
    private static final String FOREIGN = "fr.health.samu690.lrm";
    private static final String ORU = "fr.health.oru-pdl";

    private static OffsetDateTime sentAt(Instant instant) {
        return instant.atOffset(ZoneOffset.ofHours(1));
    }

    /** A sender's dates, truncated to the second as the Hub's builders do. */
    private static OffsetDateTime sentAt(MutableClock sender) {
        return sentAt(sender.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    private static void assertTime(Instant expected, HubClock clock, Duration within) {
        Duration error = Duration.between(expected, clock.instant()).abs();
        assertTrue(error.compareTo(within) <= 0, "clock off by " + error + " (offset " + clock.offset() + ", " + clock.state() + ")");
    }

    /** The LRM and the Hub each send twice, 0.3 s and 2 s on their way; the tablet is {@code ahead} of them. */
    private static HubClock heardFromLrmAndHub(MutableClock device, Duration ahead) {
        HubClock clock = new HubClock(device, List.of(LRM));
        Instant trueNow = device.instant().minus(ahead);
        clock.observe(LRM, sentAt(trueNow.minusMillis(300)));
        clock.observe(HUB, sentAt(trueNow.minusSeconds(2)));
        clock.observe(LRM, sentAt(trueNow.minusSeconds(1)));
        clock.observe(HUB, sentAt(trueNow.minusMillis(700)));
        return clock;
    }

    @Test
    void aTabletFiveMinutesSlowIsCorrectedByTheLrmAndAnotherSender() {
        MutableClock device = new MutableClock(TRUE_NOW.minus(Duration.ofMinutes(5)));
        MutableClock lrm = new MutableClock(TRUE_NOW);
        MutableClock oru = new MutableClock(TRUE_NOW);
        HubClock clock = new HubClock(device, List.of(LRM));
        assertEquals(device.instant(), clock.instant(), "nothing known yet: the device's time");
        // Messages 0.3 s to 40 s (queued) on their way, dated by their senders' (right) clocks.
        clock.observe(LRM, sentAt(lrm.instant().minusMillis(300)));
        clock.observe(LRM, sentAt(lrm.instant().minusSeconds(2)));
        assertEquals(device.instant(), clock.instant(), "one sender alone, trusted or not, corrects nothing");
        assertEquals(HubClock.State.UNKNOWN, clock.state());
        clock.observe(ORU, sentAt(oru.instant().minusSeconds(40)));
        clock.observe(ORU, sentAt(oru.instant().minusSeconds(1)));
        clock.observe(ORU, sentAt(oru.instant().minusMillis(500)));

        Duration offset = clock.offset().orElseThrow();
        assertTrue(offset.plusMinutes(5).abs().compareTo(Duration.ofSeconds(5)) <= 0, offset.toString());
        assertEquals(HubClock.State.CORRECTED, clock.state());
        assertTrue(clock.skewed(), "above two minutes the crew is warned");
        assertFalse(clock.beyondBound());
        assertTime(TRUE_NOW, clock, Duration.ofSeconds(5));
    }

    @Test
    void twoUntrustedSendersWhoAgreeCorrectNothing() {
        MutableClock device = new MutableClock(TRUE_NOW.minus(Duration.ofMinutes(5)));
        HubClock clock = new HubClock(device, List.of(LRM));
        for (String sender : List.of(ORU, FOREIGN)) {
            clock.observe(sender, sentAt(TRUE_NOW.minusMillis(300)));
            clock.observe(sender, sentAt(TRUE_NOW.minusSeconds(1)));
        }
        assertEquals(device.instant(), clock.instant());
        assertEquals(HubClock.State.UNKNOWN, clock.state());
        assertTrue(clock.offset().isEmpty());
    }

    @Test
    void oneForeignSenderDatedThirtyHoursAheadTwiceMovesNothing() {
        MutableClock device = new MutableClock(TRUE_NOW);
        HubClock clock = new HubClock(device, List.of(LRM));
        clock.observe(FOREIGN, sentAt(TRUE_NOW.plus(Duration.ofHours(30))));
        device.advance(Duration.ofSeconds(20));
        clock.observe(FOREIGN, sentAt(device.instant().plus(Duration.ofHours(30))));

        assertEquals(device.instant(), clock.instant(), "one sender, twice, is still one sender");
        assertEquals(HubClock.State.UNKNOWN, clock.state());
        assertFalse(clock.skewed(), "nor is the crew told to set a clock that is right");

        // The genuine LRM and the Hub then agree the device is right: still right, the forger ignored.
        clock.observe(LRM, sentAt(device.instant().minusMillis(300)));
        clock.observe(LRM, sentAt(device.instant().minusSeconds(1)));
        clock.observe(HUB, sentAt(device.instant().minusMillis(800)));
        clock.observe(HUB, sentAt(device.instant().minusSeconds(2)));
        clock.observe(FOREIGN, sentAt(device.instant().plus(Duration.ofHours(30))));
        assertEquals(device.instant(), clock.instant());
        assertEquals(HubClock.State.RIGHT, clock.state());
    }

    @Test
    void theOwnerLrmAloneDatedThirtyHoursAheadMovesNothingEither() {
        MutableClock device = new MutableClock(TRUE_NOW);
        HubClock clock = new HubClock(device, List.of(LRM));
        clock.observe(LRM, sentAt(TRUE_NOW.plus(Duration.ofHours(30))));
        clock.observe(LRM, sentAt(TRUE_NOW.plus(Duration.ofHours(30)).minusSeconds(1)));
        // The Hub disagrees (the device is right by it): one against one, nothing agreed.
        clock.observe(HUB, sentAt(TRUE_NOW.minusMillis(400)));
        clock.observe(HUB, sentAt(TRUE_NOW.minusSeconds(1)));
        assertEquals(device.instant(), clock.instant());
        assertEquals(HubClock.State.UNKNOWN, clock.state());
    }

    @Test
    void fourHundredMessagesDatedThirtyHoursBackFromOneOrManyUntrustedSendersMoveNothing() {
        MutableClock device = new MutableClock(TRUE_NOW);
        HubClock clock = new HubClock(device, List.of(LRM));
        // Two honest parties first: the device is right.
        clock.observe(LRM, sentAt(TRUE_NOW.minusMillis(300)));
        clock.observe(ORU, sentAt(TRUE_NOW.minusMillis(600)));
        clock.observe(LRM, sentAt(TRUE_NOW.minusSeconds(1)));
        clock.observe(ORU, sentAt(TRUE_NOW.minusSeconds(2)));
        assertEquals(HubClock.State.RIGHT, clock.state());
        for (int i = 0; i < 400; i++) {
            device.advance(Duration.ofMillis(250));
            String sender = i < 200 ? FOREIGN : "fr.health.samu" + (100 + i % 50) + ".lrm";
            clock.observe(sender, sentAt(device.instant().minus(Duration.ofHours(30))));
            assertTime(device.instant(), clock, Duration.ZERO);
        }
        assertEquals(HubClock.State.RIGHT, clock.state(), "the honest estimate stands");
        assertFalse(clock.skewed());
    }

    @Test
    void manyUntrustedSendersBackingAForgedDateCannotOutvoteTheTrustedOnes() {
        MutableClock device = new MutableClock(TRUE_NOW);
        HubClock clock = new HubClock(device, List.of(LRM));
        for (int i = 0; i < 20; i++) {
            String sender = "fr.health.samu" + (100 + i) + ".lrm";
            clock.observe(sender, sentAt(TRUE_NOW.minus(Duration.ofMinutes(8))));
            clock.observe(sender, sentAt(TRUE_NOW.minus(Duration.ofMinutes(8)).minusSeconds(1)));
        }
        assertEquals(device.instant(), clock.instant(), "twenty untrusted senders agreeing are no trusted one");
        clock.observe(LRM, sentAt(TRUE_NOW.minusMillis(300)));
        clock.observe(LRM, sentAt(TRUE_NOW.minusSeconds(1)));
        assertEquals(device.instant(), clock.instant(), "the LRM, alone of its opinion, is not joined by the forgers");
    }

    @Test
    void aTabletTenMinutesSlowIsInsideTheBoundAndCorrected() {
        MutableClock device = new MutableClock(TRUE_NOW.minus(Duration.ofMinutes(10)));
        HubClock clock = heardFromLrmAndHub(device, Duration.ofMinutes(-10));
        // Transit and whole-second dates only make the measured offset smaller than 10 min: inside.
        assertEquals(HubClock.State.CORRECTED, clock.state());
        assertTime(TRUE_NOW, clock, Duration.ofSeconds(2));
        assertTrue(clock.correction().compareTo(HubClock.BOUND) <= 0, clock.correction().toString());
    }

    @Test
    void aTabletTenMinutesFastIsJustBeyondTheBoundAndToldToSetItsClock() {
        MutableClock device = new MutableClock(TRUE_NOW.plus(Duration.ofMinutes(10)));
        HubClock clock = heardFromLrmAndHub(device, Duration.ofMinutes(10));
        // Transit adds to the 10 min: just beyond the bound; never a correction of more than 10 min.
        assertEquals(HubClock.State.SET_THE_CLOCK, clock.state());
        assertTrue(clock.beyondBound());
        assertEquals(device.instant(), clock.instant());
    }

    @Test
    void beyondTenMinutesNothingIsCorrectedAndTheCrewMustSetTheClock() {
        MutableClock device = new MutableClock(TRUE_NOW.minus(Duration.ofMinutes(11)));
        HubClock clock = heardFromLrmAndHub(device, Duration.ofMinutes(-11));
        assertEquals(HubClock.State.SET_THE_CLOCK, clock.state());
        assertTrue(clock.beyondBound());
        assertTrue(clock.skewed());
        assertTrue(clock.offset().orElseThrow().plusMinutes(11).abs().compareTo(Duration.ofSeconds(5)) <= 0, clock.offset().toString());
        assertEquals(device.instant(), clock.instant(), "the device's own time: never corrected beyond the bound");
        assertEquals(Duration.ZERO, clock.correction());

        MutableClock far = new MutableClock(TRUE_NOW.minus(Duration.ofHours(30)));
        HubClock thirtyHours = heardFromLrmAndHub(far, Duration.ofHours(-30));
        assertEquals(HubClock.State.SET_THE_CLOCK, thirtyHours.state());
        assertEquals(far.instant(), thirtyHours.instant());
    }

    @Test
    void theOffsetIsTheMedianOfTheAgreeingSenders() {
        MutableClock device = new MutableClock(TRUE_NOW.minus(Duration.ofMinutes(5)));
        HubClock clock = new HubClock(device, List.of(LRM));
        // Three senders whose best transits are 0.2 s, 1.2 s and 4 s: the median is 1.2 s.
        for (var sender : List.of(java.util.Map.entry(LRM, 200L), java.util.Map.entry(ORU, 1_200L), java.util.Map.entry(HUB, 4_000L))) {
            clock.observe(sender.getKey(), sentAt(TRUE_NOW.minusMillis(sender.getValue())));
            clock.observe(sender.getKey(), sentAt(TRUE_NOW.minusMillis(sender.getValue() + 500)));
        }
        assertEquals(Duration.ofMinutes(-5).plusMillis(1_200), clock.offset().orElseThrow());
    }

    @Test
    void oneMessageWithAForgedDateMovesNothing() {
        MutableClock device = new MutableClock(TRUE_NOW);
        HubClock clock = new HubClock(device, List.of(LRM));
        clock.observe(LRM, sentAt(TRUE_NOW.minusMillis(500)));
        clock.observe(HUB, sentAt(TRUE_NOW.minusMillis(900)));
        clock.observe(LRM, sentAt(TRUE_NOW.plus(Duration.ofDays(365 * 50)))); // a broken date
        clock.observe(LRM, sentAt(TRUE_NOW.minusSeconds(1)));
        clock.observe(HUB, sentAt(TRUE_NOW.minusSeconds(1)));

        assertEquals(TRUE_NOW, clock.instant(), "transit-sized differences correct nothing");
        assertFalse(clock.skewed());
        assertTrue(clock.offset().orElseThrow().abs().compareTo(Duration.ofSeconds(2)) < 0, clock.offset().toString());
    }

    @Test
    void messagesHeldInAQueueForHoursDoNotMakeTheClockLookAhead() {
        MutableClock device = new MutableClock(TRUE_NOW);
        HubClock clock = new HubClock(device, List.of(LRM));
        // Back from a coverage gap: a backlog sent over the last three hours arrives at once.
        for (int minutes = 180; minutes > 0; minutes -= 1) {
            clock.observe(minutes % 2 == 0 ? LRM : HUB, sentAt(TRUE_NOW.minus(Duration.ofMinutes(minutes))));
        }
        clock.observe(LRM, sentAt(TRUE_NOW.minusMillis(200)));
        clock.observe(LRM, sentAt(TRUE_NOW.minusMillis(900)));
        clock.observe(HUB, sentAt(TRUE_NOW.minusMillis(400)));
        clock.observe(HUB, sentAt(TRUE_NOW.minusMillis(700)));
        assertEquals(TRUE_NOW, clock.instant());
        assertFalse(clock.skewed());
    }

    @Test
    void theHubIsTrustedWithoutBeingToldAndAnyTrustedSenderNeedsASecondOne() {
        MutableClock device = new MutableClock(TRUE_NOW.minus(Duration.ofMinutes(5)));
        MutableClock parties = new MutableClock(TRUE_NOW);
        HubClock clock = new HubClock(device);
        clock.observe(HUB, sentAt(parties.instant().minusMillis(300)));
        clock.observe(HUB, sentAt(parties.instant().minusSeconds(1)));
        assertEquals(HubClock.State.UNKNOWN, clock.state());
        clock.observe(FOREIGN, sentAt(parties));
        clock.observe(FOREIGN, sentAt(parties.instant().minusSeconds(1)));
        assertEquals(HubClock.State.CORRECTED, clock.state());
        assertTime(TRUE_NOW, clock, Duration.ofSeconds(5));
    }
}
