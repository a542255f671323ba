package org.opensmur.tablet;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.core.conformance.SharedCorpus;
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
import org.opensmur.core.testing.MutableClock;
import org.opensmur.core.testing.FakeTransport;
import org.opensmur.store.TestStore;
import org.opensmur.tablet.TabletCore;

/**
 * A mission over is purged after the retention delay, on a clock that moves: not before, never while one of
 * its messages is undelivered, and nothing of another mission goes with it.
 */
class MissionRetentionTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final FakeTransport transport = new FakeTransport();
    private final OutgoingMessages lrm = OutgoingMessages.of(TestStore.LRM, clock);

    private void deliver(TabletCore core, HubMessage message) {
        transport.inbound().onDelivery(new Delivery(HubQueue.of(message.distributionKind()), core.outgoing().codec().encode(message),
                "application/json", false));
    }

    private HubMessage tap(TabletCore core, String caseId, ResourceStatus status) {
        HubMessage message = core.outgoing().statusChange(caseId, TestStore.VLM4, status, OffsetDateTime.now(clock), false,
                TestStore.LRM).orElseThrow();
        core.send(core.outgoing().check(message));
        return message;
    }

    private void recu(TabletCore core, HubMessage... sent) {
        for (HubMessage message : sent) {
            await().atMost(Duration.ofSeconds(10)).until(() -> core.store().outbox().find(message.distributionID()).state() == DeliveryState.SENT);
            deliver(core, lrm.reference(message, ReferenceStep.RECU).orElseThrow());
        }
    }

    @Test
    void aMissionOverIsPurgedAfterTheDelayOnlyOnceEverythingIsDeliveredAndAloneOfItsKind() {
        try (TabletCore core = new TabletCore(transport, TestStore.TABLET, org.opensmur.core.hub.validation.ModelLine.CURRENT, dir, TestStore.keys(), clock)) {
            core.start();
            HubMessage eda = lrm.build(SharedCorpus.examplePayload(MessageType.RS_EDA, "AliceGregoireNormand.01"), TestStore.TABLET).orElseThrow();
            String caseId = ((CreateCaseHealth) eda.payload()).caseId();
            deliver(core, eda);
            core.store().drafts().save("bilan:" + caseId, Map.of("diagnosis", "T59.7"));
            // the RPIS answers of one of its patients (the case, then the patient's id, which itself names the case)
            core.store().drafts().save("rpis:" + caseId + ":" + caseId + ".patient.1", Map.of("returnSmur", "11:20"));
            core.store().drafts().save("session:mission", Map.of("caseId", caseId, "lrmId", TestStore.LRM));
            HubMessage depart = tap(core, caseId, ResourceStatus.DEPART);
            String other = tap(core, TestStore.CASE_B, ResourceStatus.DEPART).distributionID(); // another mission, still going
            core.store().drafts().save("bilan:" + TestStore.CASE_B, Map.of("diagnosis", "I21"));
            assertTrue(core.store().retention().closedAt(caseId).isEmpty(), "not over while the crew is on it");
            HubMessage retour = tap(core, caseId, ResourceStatus.RETOUR);
            assertEquals(clock.instant(), core.store().retention().closedAt(caseId).orElseThrow(), "RETOUR ends the mission");
            // Sent before the clock jumps: a row still queued 73 hours later has expired, and would never be "sent".
            for (String id : List.of(depart.distributionID(), other, retour.distributionID())) {
                await().atMost(Duration.ofSeconds(10)).until(() -> core.store().outbox().find(id).state() == DeliveryState.SENT);
            }

            clock.advance(Duration.ofHours(73));
            List<RetentionOutcome> kept = core.store().retention().purgeDue();
            assertEquals(1, kept.size());
            assertFalse(kept.get(0).purged());
            assertEquals("2 message(s) of the mission not yet delivered", kept.get(0).why(), "sent, but no RC-REF yet");
            assertTrue(core.store().cases().caseIds().contains(caseId));

            recu(core, depart, retour);
            await().atMost(Duration.ofSeconds(10)).until(() -> core.store().outbox().find(retour.distributionID()).state() == DeliveryState.RECEIVED);
            RetentionOutcome purged = core.store().retention().purgeDue().get(0);
            assertTrue(purged.purged(), purged.why());
            assertEquals(1, purged.counts().get("received"));
            assertEquals(1, purged.counts().get("case"));
            assertEquals(3, purged.counts().get("drafts"), "the bilan draft, a patient's RPIS answers and the app's memory of the mission");
            assertTrue(purged.counts().get("sent") >= 3, "the two statuses and the RC-REF of the case: " + purged.counts());

            assertFalse(core.store().cases().caseIds().contains(caseId));
            assertNull(core.store().outbox().find(retour.distributionID()));
            assertTrue(core.store().drafts().load("bilan:" + caseId).isEmpty());
            assertTrue(core.store().drafts().load("rpis:" + caseId + ":" + caseId + ".patient.1").isEmpty());
            assertTrue(core.store().drafts().load("session:mission").isEmpty());
            assertTrue(core.store().retention().closedAt(caseId).isEmpty());
            // The other mission is whole.
            assertEquals(Map.of("diagnosis", "I21"), core.store().drafts().load("bilan:" + TestStore.CASE_B).orElseThrow());
            assertEquals(DeliveryState.SENT, core.store().outbox().find(other).state());
            assertEquals(List.of(), core.store().retention().purgeDue(), "nothing else is due");
        }
    }

    @Test
    void whatWasReceivedAboutNoCaseIsPurgedAfterTheSameDelay() {
        try (TabletCore core = new TabletCore(transport, TestStore.TABLET, org.opensmur.core.hub.validation.ModelLine.CURRENT, dir, TestStore.keys(), clock)) {
            core.start();
            HubMessage depart = tap(core, TestStore.CASE_A, ResourceStatus.DEPART); // a mission still going
            recu(core, depart);
            String acknowledgement = core.store().inbox().recent(10).stream()
                    .filter(r -> r.type().equals("RC-REF")).findFirst().orElseThrow().distributionId();

            clock.advance(Duration.ofHours(71));
            core.store().retention().purgeDue();
            assertTrue(core.store().inbox().read(acknowledgement) != null, "kept as long as a mission's messages");

            clock.advance(Duration.ofHours(2));
            core.store().retention().purgeDue();
            assertNull(core.store().inbox().read(acknowledgement), "an RC-REF about no case goes after 72 h");
            assertEquals(DeliveryState.RECEIVED, core.store().outbox().find(depart.distributionID()).state(),
                    "what it acknowledged stays as long as its mission");
        }
    }

    @Test
    void aCaseClosedByTheSamuCountsFromItsClosureAndTheCrewMayEraseItAtOnce() {
        try (TabletCore core = new TabletCore(transport, TestStore.TABLET, org.opensmur.core.hub.validation.ModelLine.CURRENT, dir, TestStore.keys(), clock)) {
            core.start();
            HubMessage eda = lrm.build(SharedCorpus.examplePayload(MessageType.RS_EDA, "AliceGregoireNormand.01"), TestStore.TABLET).orElseThrow();
            String caseId = ((CreateCaseHealth) eda.payload()).caseId();
            deliver(core, eda);
            assertFalse(core.store().retention().purgeNow(caseId).over());
            assertFalse(core.store().retention().purgeNow(caseId).purged(), "an open mission is never erased, even when asked");

            clock.advance(Duration.ofHours(1));
            HubMessage closing = lrm.build(SharedCorpus.examplePayload(MessageType.RS_EDA_MAJ, "AliceGregoireNormand.16"), TestStore.TABLET)
                    .orElseThrow();
            deliver(core, closing);
            assertEquals(clock.instant(), core.store().retention().closedAt(caseId).orElseThrow(), "CLOTURE closes it");

            clock.advance(Duration.ofHours(71));
            assertEquals(List.of(), core.store().retention().purgeDue(), "72 h after the closure, not after the case");
            await().atMost(Duration.ofSeconds(10)).until(() -> core.store().outbox().waiting() == 0); // its RC-REFs left
            RetentionOutcome now = core.store().retention().purgeNow(caseId);
            assertTrue(now.purged(), now.why());
            assertFalse(core.store().cases().caseIds().contains(caseId));
            assertEquals(2, now.counts().get("received"));
        }
    }

    @Test
    void aCaseIdWithAnUnderscoreErasesItsOwnRowsOnlyNotThoseOfACaseItWouldMatchAsAPattern() {
        try (TabletCore core = new TabletCore(transport, TestStore.TABLET, org.opensmur.core.hub.validation.ModelLine.CURRENT, dir, TestStore.keys(), clock)) {
            core.start();
            String closing = "fr.health.samu440.DRFR15_44";
            String open = "fr.health.samu440.DRFR15A44"; // what 'DRFR15_44' matches when '_' is a wildcard
            tap(core, open, ResourceStatus.DEPART);
            core.store().drafts().save("bilan:" + open, Map.of("diagnosis", "I21"));
            HubMessage depart = tap(core, closing, ResourceStatus.DEPART);
            HubMessage retour = tap(core, closing, ResourceStatus.RETOUR);
            core.store().drafts().save("bilan:" + closing, Map.of("diagnosis", "T59.7"));
            recu(core, depart, retour);
            await().atMost(Duration.ofSeconds(10)).until(() -> core.store().outbox().find(retour.distributionID()).state() == DeliveryState.RECEIVED);

            assertEquals(List.of(retour.distributionID(), depart.distributionID()),
                    core.store().outbox().list(closing, 10).stream().map(e -> e.distributionId()).toList(),
                    "the case's own statuses only (what a restart reads back)");
            RetentionOutcome erased = core.store().retention().purgeNow(closing);
            assertTrue(erased.purged(), erased.why());
            assertEquals(2, erased.counts().get("sent"), erased.counts().toString());
            assertEquals(1, erased.counts().get("drafts"));
            assertEquals(1, core.store().outbox().list(open, 10).size(), "the other case's status is still there");
            assertEquals(Map.of("diagnosis", "I21"), core.store().drafts().load("bilan:" + open).orElseThrow());
        }
    }

    @Test
    void aDraftWrittenAsItsMissionWasPurgedGoesTooUnlessTheCaseIsBack() {
        try (TabletCore core = new TabletCore(transport, TestStore.TABLET, org.opensmur.core.hub.validation.ModelLine.CURRENT, dir, TestStore.keys(), clock)) {
            core.start();
            HubMessage eda = lrm.build(SharedCorpus.examplePayload(MessageType.RS_EDA, "AliceGregoireNormand.01"), TestStore.TABLET).orElseThrow();
            String caseId = ((CreateCaseHealth) eda.payload()).caseId();
            deliver(core, eda);
            deliver(core, lrm.build(SharedCorpus.examplePayload(MessageType.RS_EDA_MAJ, "AliceGregoireNormand.16"), TestStore.TABLET).orElseThrow());
            await().atMost(Duration.ofSeconds(10)).until(() -> core.store().outbox().waiting() == 0);
            assertTrue(core.store().retention().purgeNow(caseId).purged());
            // a keystroke of the bilan saved just after, and a draft of another case
            core.drafts().save("bilan:" + caseId + ":" + caseId + ".patient.1", Map.of("bilan.history", "asthme"));
            core.drafts().save("rpis:" + caseId + ":p2", Map.of("rpis.destination", "Nantes"));
            core.drafts().save("bilan:" + caseId + "2:p1", Map.of("bilan.history", "autre"));

            assertEquals(2, core.store().retention().forgetLateDrafts(caseId));
            assertTrue(core.drafts().load("bilan:" + caseId + ":" + caseId + ".patient.1").isEmpty());
            assertTrue(core.drafts().load("rpis:" + caseId + ":p2").isEmpty());
            assertTrue(core.drafts().load("bilan:" + caseId + "2:p1").isPresent(), "another case's is not touched");

            // the SAMU shares the case again: what is written of it now is the new mission's
            deliver(core, lrm.build(SharedCorpus.examplePayload(MessageType.RS_EDA, "AliceGregoireNormand.01"), TestStore.TABLET).orElseThrow());
            core.drafts().save("bilan:" + caseId + ":p1", Map.of("bilan.history", "asthme"));
            core.drafts().save("session:mission", Map.of("caseId", caseId, "lrmId", TestStore.LRM));
            assertEquals(0, core.store().retention().forgetLateDrafts(caseId));
            assertTrue(core.drafts().load("bilan:" + caseId + ":p1").isPresent());
            assertTrue(core.drafts().load("session:mission").isPresent(), "the new mission's memory stays too");
        }
    }
}
