package org.opensmur.tablet;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.hub.client.HubClock;
import org.opensmur.core.hub.error.ErrorCode;
import org.opensmur.core.hub.error.HubError;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.hub.transport.Delivery;
import org.opensmur.core.hub.transport.HubQueue;
import org.opensmur.core.mission.CreateCaseHealth;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.reference.ReferenceStep;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.tablet.DeliveryState;
import org.opensmur.core.tablet.RetentionOutcome;
import org.opensmur.core.testing.FakeTransport;
import org.opensmur.core.testing.MutableClock;
import org.opensmur.store.TestStore;
import org.opensmur.store.retention.MissionRetention;

/**
 * The tablet's clock through the whole core: what it learns from deliveries (stored first, by sender), what
 * the crew's messages are dated with, and when a closed mission is purged. No one sender moves it; a
 * correction is bounded (see {@link HubClock}).
 */
class TabletClockTest {

    @TempDir
    Path dir;

    private static final Instant TRUE_NOW = Instant.parse("2026-11-30T10:00:00Z");
    /** A neighbouring SAMU: a party the tablet hears from, not one it trusts for the time. */
    private static final String FOREIGN = "fr.health.samu690";

    private final MutableClock world = new MutableClock(TRUE_NOW);
    private final FakeTransport transport = new FakeTransport();

    private static void deliver(TabletCore core, FakeTransport transport, HubMessage message) {
        HubQueue queue = HubQueue.of(message.distributionKind());
        transport.inbound().onDelivery(new Delivery(queue, core.outgoing().codec().encode(message), "application/json", false));
    }

    private static HubMessage eda(OutgoingMessages from) {
        return from.build(SharedCorpus.examplePayload(MessageType.RS_EDA, "AliceGregoireNormand.01"), TestStore.TABLET).orElseThrow();
    }

    /**
     * A case of another SAMU's own: its sender steers it, so its date is a sample of that sender's clock (a
     * message about the LRM's case would be kept apart as a third party's, and teach nothing).
     */
    private static HubMessage ownCase(OutgoingMessages from) {
        return from.build(SharedCorpus.examplePayload(MessageType.RS_EDA, "DelphineVigneau.01"), TestStore.TABLET).orElseThrow();
    }

    /** A sender whose clock is {@code ahead} of the world's. */
    private OutgoingMessages party(String id, Duration ahead) {
        return OutgoingMessages.of(id, java.time.Clock.offset(world, ahead));
    }

    /** The Hub reports an error about a message of the tablet's (the Hub only ever sends those). */
    private void hubReports(TabletCore core, HubMessage about) {
        deliver(core, transport, party(HubError.HUB_ID, Duration.ZERO).errorReport(about, ErrorCode.DEAD_LETTER_QUEUED,
                "message read from dead-letter-queue; reason was expired").orElseThrow());
    }

    private HubMessage tap(TabletCore core, String caseId, ResourceStatus status) {
        HubMessage message = core.outgoing().statusChange(caseId, TestStore.VLM4, status, OffsetDateTime.now(core.clock()), false,
                TestStore.LRM).orElseThrow();
        core.send(core.outgoing().check(message));
        return message;
    }

    /** Dated by the world's time, within the transit: what the Hub accepts and the LRM reads right. */
    private void assertDatedRight(HubMessage sent) {
        Duration error = Duration.between(world.instant(), sent.dateTimeSent().toInstant()).abs();
        assertTrue(error.compareTo(Duration.ofSeconds(5)) <= 0, sent.type() + " dateTimeSent off by " + error);
        Duration left = Duration.between(world.instant(), sent.dateTimeExpires().toInstant());
        assertTrue(left.compareTo(Duration.ofHours(23)) > 0, sent.type() + " expires in " + left + " by the Hub's clock");
    }

    /** The scheduled purge, once the tablet's own acknowledgements (rows of the case too) have left. */
    private static List<RetentionOutcome> purgeDue(TabletCore core) {
        await().atMost(Duration.ofSeconds(10)).until(() -> core.store().outbox().waiting() == 0);
        return core.store().retention().purgeDue();
    }

    private void advance(MutableClock device, Duration by) {
        world.advance(by);
        device.advance(by);
    }

    @Test
    void aTabletFiveMinutesSlowIsCorrectedByTheLrmAndAnotherSender() {
        MutableClock device = new MutableClock(TRUE_NOW.minus(Duration.ofMinutes(5)));
        try (TabletCore core = new TabletCore(transport, TestStore.TABLET, org.opensmur.core.hub.validation.ModelLine.CURRENT, dir, TestStore.keys(), device)) {
            core.trust(java.util.Set.of(TestStore.LRM));
            core.start();
            OutgoingMessages lrm = party(TestStore.LRM, Duration.ZERO);
            OutgoingMessages neighbour = party(FOREIGN, Duration.ZERO);
            deliver(core, transport, eda(lrm));
            advance(device, Duration.ofSeconds(20));
            deliver(core, transport, lrm.build(SharedCorpus.examplePayload(MessageType.RS_ER, "AliceGregoireNORMAND.02"),
                    TestStore.TABLET).orElseThrow());
            assertEquals(HubClock.State.UNKNOWN, core.clock().state(), "the LRM alone, twice, is one sender");
            assertEquals(device.instant(), core.clock().instant());

            advance(device, Duration.ofSeconds(3));
            deliver(core, transport, ownCase(neighbour));
            advance(device, Duration.ofSeconds(3));
            deliver(core, transport, ownCase(neighbour));

            assertEquals(HubClock.State.CORRECTED, core.clock().state(), "offset " + core.clock().offset());
            assertTrue(core.clock().skewed(), "the crew is told (above 2 min)");
            assertDatedRight(tap(core, TestStore.CASE_A, ResourceStatus.DEPART));
        }
    }

    @Test
    void aTabletTenMinutesSlowHeardFromTheLrmAndTheHubIsCorrectedTheBoundIsInclusive() {
        MutableClock device = new MutableClock(TRUE_NOW.minus(Duration.ofMinutes(10)));
        try (TabletCore core = new TabletCore(transport, TestStore.TABLET, org.opensmur.core.hub.validation.ModelLine.CURRENT, dir, TestStore.keys(), device)) {
            core.trust(java.util.Set.of(TestStore.LRM));
            core.start();
            OutgoingMessages lrm = party(TestStore.LRM, Duration.ZERO);
            deliver(core, transport, eda(lrm));
            advance(device, Duration.ofSeconds(2));
            deliver(core, transport, eda(lrm));
            HubMessage someFix = core.outgoing().statusChange(TestStore.CASE_A, TestStore.VLM4, ResourceStatus.DEPART,
                    OffsetDateTime.now(world), false, TestStore.LRM).orElseThrow();
            hubReports(core, someFix);
            advance(device, Duration.ofSeconds(2));
            hubReports(core, someFix);

            // Exactly 10 min slow (the dates are whole seconds, the transit nil here): inside the bound.
            assertEquals(Duration.ofMinutes(-10), core.clock().offset().orElseThrow());
            assertEquals(HubClock.State.CORRECTED, core.clock().state());
            assertDatedRight(tap(core, TestStore.CASE_A, ResourceStatus.DEPART));
        }
    }

    @Test
    void oneForeignSenderDatedThirtyHoursAheadTwiceLeavesTheCrewsStatusesDatedRight() {
        MutableClock device = new MutableClock(TRUE_NOW);
        try (TabletCore core = new TabletCore(transport, TestStore.TABLET, org.opensmur.core.hub.validation.ModelLine.CURRENT, dir, TestStore.keys(), device)) {
            core.trust(java.util.Set.of(TestStore.LRM));
            core.start();
            OutgoingMessages lrm = party(TestStore.LRM, Duration.ZERO);
            deliver(core, transport, eda(lrm));
            advance(device, Duration.ofSeconds(5));
            deliver(core, transport, eda(lrm));
            // A foreign party's clock (or a forger) 30 h ahead: two RS-EDA, seconds apart.
            OutgoingMessages forger = party(FOREIGN, Duration.ofHours(30));
            advance(device, Duration.ofSeconds(20));
            deliver(core, transport, ownCase(forger));
            advance(device, Duration.ofSeconds(26));
            deliver(core, transport, ownCase(forger));

            assertEquals(device.instant(), core.clock().instant(), "offset " + core.clock().offset());
            assertFalse(core.clock().skewed(), "the crew is not told to set a right clock wrong");
            HubMessage depart = tap(core, TestStore.CASE_A, ResourceStatus.DEPART);
            assertDatedRight(depart);
            // The ledger's times (queued, sent, expires): the device's (right) time too.
            await().atMost(Duration.ofSeconds(10)).until(() -> core.store().outbox().find(depart.distributionID()).state() == DeliveryState.SENT);
            deliver(core, transport, lrm.reference(depart, ReferenceStep.RECU).orElseThrow());
            var row = core.store().outbox().find(depart.distributionID());
            assertEquals(DeliveryState.RECEIVED, row.state());
            for (Instant at : List.of(row.enqueuedAt(), row.sentAt())) {
                assertTrue(Duration.between(world.instant(), at).abs().compareTo(Duration.ofSeconds(5)) <= 0, "ledger " + row);
            }
            assertTrue(Duration.between(world.instant(), row.expiresAt()).compareTo(Duration.ofHours(23)) > 0, "ledger " + row);
        }
    }

    @Test
    void aMissionClosedThenAForgedClockThirtyHoursAheadIsNotPurgedBeforeSeventyTwoHoursOfRealTime() {
        MutableClock device = new MutableClock(TRUE_NOW);
        try (TabletCore core = new TabletCore(transport, TestStore.TABLET, org.opensmur.core.hub.validation.ModelLine.CURRENT, dir, TestStore.keys(), device)) {
            core.trust(java.util.Set.of(TestStore.LRM));
            core.start();
            OutgoingMessages lrm = party(TestStore.LRM, Duration.ZERO);
            HubMessage mission = eda(lrm);
            String caseId = ((CreateCaseHealth) mission.payload()).caseId();
            deliver(core, transport, mission);
            HubMessage retour = tap(core, caseId, ResourceStatus.RETOUR);
            Instant closed = device.instant();
            assertEquals(closed, core.store().retention().closedAt(caseId).orElseThrow());
            await().atMost(Duration.ofSeconds(10)).until(() -> core.store().outbox().find(retour.distributionID()).state() == DeliveryState.SENT);
            deliver(core, transport, lrm.reference(retour, ReferenceStep.RECU).orElseThrow());
            assertEquals(DeliveryState.RECEIVED, core.store().outbox().find(retour.distributionID()).state(), "nothing undelivered");

            // A forger (or a party's broken clock) 30 h ahead, two RS-EDA seconds apart, and again every 4 hours.
            OutgoingMessages forger = party(FOREIGN, Duration.ofHours(30));
            advance(device, Duration.ofSeconds(20));
            deliver(core, transport, ownCase(forger));
            advance(device, Duration.ofSeconds(26));
            deliver(core, transport, ownCase(forger));
            // The scheduled purge, 46 s after the close.
            assertEquals(List.of(), purgeDue(core), "not purged seconds after its close");
            Instant lastMinute = closed.plus(MissionRetention.DEFAULT_KEEP).minus(Duration.ofMinutes(1));
            while (device.instant().isBefore(lastMinute)) {
                advance(device, Duration.ofHours(4).compareTo(Duration.between(device.instant(), lastMinute)) < 0
                        ? Duration.ofHours(4) : Duration.between(device.instant(), lastMinute));
                deliver(core, transport, ownCase(forger));
                advance(device, Duration.ofSeconds(3));
                deliver(core, transport, ownCase(forger));
                assertEquals(List.of(), purgeDue(core), "not purged before 72 h of real time: "
                        + Duration.between(closed, device.instant()) + " after the close, clock " + core.clock().instant());
            }
            assertTrue(core.store().cases().caseIds().contains(caseId));

            // Control: 72 h after the close (by the device's right clock), it goes.
            advance(device, Duration.between(device.instant(), closed.plus(MissionRetention.DEFAULT_KEEP)));
            List<RetentionOutcome> due = purgeDue(core);
            assertEquals(1, due.size(), "72 h after the close: " + due);
            assertTrue(due.get(0).purged(), due.get(0).why());
        }
    }

    @Test
    void aCorrectionLearnedAfterTheCloseDoesNotBringThePurgeForward() {
        // The device is 9 min slow; the mission closes before anyone agrees on the time, then the LRM and the
        // Hub correct it by 9 min: retention is measured on the device, the purge still comes 72 h after the close.
        MutableClock device = new MutableClock(TRUE_NOW.minus(Duration.ofMinutes(9)));
        try (TabletCore core = new TabletCore(transport, TestStore.TABLET, org.opensmur.core.hub.validation.ModelLine.CURRENT, dir, TestStore.keys(), device)) {
            core.trust(java.util.Set.of(TestStore.LRM));
            core.start();
            OutgoingMessages lrm = party(TestStore.LRM, Duration.ZERO);
            HubMessage mission = eda(lrm);
            String caseId = ((CreateCaseHealth) mission.payload()).caseId();
            deliver(core, transport, mission);
            HubMessage retour = tap(core, caseId, ResourceStatus.RETOUR);
            Instant closedReally = world.instant();
            assertEquals(HubClock.State.UNKNOWN, core.clock().state());
            await().atMost(Duration.ofSeconds(10)).until(() -> core.store().outbox().find(retour.distributionID()).state() == DeliveryState.SENT);
            advance(device, Duration.ofSeconds(2));
            deliver(core, transport, lrm.reference(retour, ReferenceStep.RECU).orElseThrow());
            HubMessage elsewhere = core.outgoing().statusChange(TestStore.CASE_B, TestStore.VLM4, ResourceStatus.DEPART,
                    OffsetDateTime.now(world), false, TestStore.LRM).orElseThrow();
            hubReports(core, elsewhere);
            advance(device, Duration.ofSeconds(2));
            hubReports(core, elsewhere);
            assertEquals(HubClock.State.CORRECTED, core.clock().state(), "offset " + core.clock().offset());

            advance(device, Duration.between(world.instant(), closedReally.plus(MissionRetention.DEFAULT_KEEP).minus(Duration.ofMinutes(1))));
            assertEquals(List.of(), purgeDue(core), "not purged before 72 h of real time, however the clock was corrected since");
            advance(device, Duration.ofMinutes(1));
            List<RetentionOutcome> due = purgeDue(core);
            assertEquals(1, due.size(), "72 h after the close: " + due);
            assertTrue(due.get(0).purged(), due.get(0).why());
        }
    }

    @Test
    void fourHundredMessagesDatedThirtyHoursBackWhileTheCrewTapsLeaveItsStatusesDatedRight() {
        MutableClock device = new MutableClock(TRUE_NOW);
        try (TabletCore core = new TabletCore(transport, TestStore.TABLET, org.opensmur.core.hub.validation.ModelLine.CURRENT, dir, TestStore.keys(), device)) {
            core.trust(java.util.Set.of(TestStore.LRM));
            core.start();
            // The LRM and the Hub first: the device is right.
            OutgoingMessages lrm = party(TestStore.LRM, Duration.ZERO);
            deliver(core, transport, eda(lrm));
            HubMessage about = tap(core, TestStore.CASE_A, ResourceStatus.DEPART);
            hubReports(core, about);
            advance(device, Duration.ofSeconds(1));
            deliver(core, transport, eda(lrm));
            hubReports(core, about);
            assertEquals(HubClock.State.RIGHT, core.clock().state(), "offset " + core.clock().offset());

            // 400 RS-EDA dated 30 h back: half from one party, half from twenty; the crew taps 20 statuses meanwhile.
            int taps = 0;
            for (int i = 0; i < 400; i++) {
                String sender = i % 2 == 0 ? FOREIGN : "fr.health.samu" + (100 + i % 40);
                deliver(core, transport, ownCase(party(sender, Duration.ofHours(-30))));
                advance(device, Duration.ofMillis(300));
                if (i % 20 == 19) {
                    HubMessage status = tap(core, TestStore.CASE_A, ResourceStatus.DEPART);
                    assertDatedRight(status);
                    taps++;
                }
            }
            assertEquals(20, taps);
            assertEquals(device.instant(), core.clock().instant());
            assertEquals(HubClock.State.RIGHT, core.clock().state());
        }
    }
}
