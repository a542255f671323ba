package org.opensmur.store.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.core.document.DocumentType;
import org.opensmur.core.hub.error.ErrorStatus;
import org.opensmur.core.hub.error.HubError;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.outgoing.Built;
import org.opensmur.core.reference.ReferenceStep;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.tablet.DeliveryState;
import org.opensmur.core.tablet.OutboxEntry;
import org.opensmur.core.testing.FakeTransport;
import org.opensmur.store.TestStore;

class OutboxTest {

    @TempDir
    Path dir;
    private TestStore t;
    private OutboxRelay relay;
    private final FakeTransport transport = new FakeTransport();

    private Outbox outbox() {
        return t.store.outbox();
    }

    private void startRelay(int window) {
        relay = t.store.relay(transport, t.clock, window);
        relay.start();
    }

    @AfterEach
    void close() {
        if (relay != null) {
            relay.close();
        }
        t.store.close();
    }

    @Test
    void anEnqueuedMessageIsOnDiskWhenEnqueueReturns() {
        t = new TestStore(dir);
        Built tap = t.status(TestStore.CASE_A, ResourceStatus.DEPART);
        OutboxEntry entry = outbox().enqueue(tap);
        t.store.close();

        t = new TestStore(dir); // as after a crash: a new process, the same files
        OutboxEntry again = outbox().find(entry.distributionId());
        assertEquals(DeliveryState.QUEUED, again.state());
        assertArrayEquals(t.codec.encode(tap.message()), outbox().body(entry.distributionId()));
    }

    @Test
    void aMessageThatFailedValidationIsNeverQueued() {
        t = new TestStore(dir);
        Built invalid = t.out.statusChange("not a case", TestStore.VLM4, ResourceStatus.DEPART,
                java.time.OffsetDateTime.now(t.clock), null, TestStore.LRM);
        assertThrows(Built.InvalidMessageException.class, () -> outbox().enqueue(invalid));
        assertEquals(0, outbox().waiting());
    }

    @Test
    void retriesKeepTheDistributionIdAndTheTapTime() {
        t = new TestStore(dir);
        transport.disconnect();
        HubMessage tap = t.status(TestStore.CASE_A, ResourceStatus.ARRIVEE).orElseThrow();
        outbox().enqueue(new Built(tap, List.of()));
        transport.autoConfirm(false);
        startRelay(10);
        transport.connect();
        await().until(() -> transport.published().size() == 1);
        transport.disconnect(); // lost before the confirm
        await().until(() -> outbox().find(tap.distributionID()).attempts() == 1 && relay.inFlight() == 0);
        t.clock.advance(Duration.ofMinutes(5));
        transport.autoConfirm(true);
        transport.connect();
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox().find(tap.distributionID()).state() == DeliveryState.SENT);

        List<String> attempts = transport.published().stream().map(FakeTransport.Published::distributionId).toList();
        assertEquals(List.of(tap.distributionID(), tap.distributionID()), attempts);
        HubMessage sent = t.codec.decode(transport.published().get(1).body()).envelope();
        assertEquals(tap, sent, "byte for byte the message that was tapped");
        assertEquals(List.of(DeliveryState.QUEUED, DeliveryState.SENT), outbox().history(tap.distributionID()));
    }

    @Test
    void messagesOfACaseLeaveInTheOrderTheyWereTapped() {
        t = new TestStore(dir);
        transport.disconnect();
        List<String> tapped = new ArrayList<>();
        ResourceStatus[] flow = {ResourceStatus.DEPART, ResourceStatus.ARRIVEE, ResourceStatus.PEC, ResourceStatus.TRANSP,
            ResourceStatus.DESTIN, ResourceStatus.RETOUR};
        for (int round = 0; round < 5; round++) {
            for (ResourceStatus status : flow) {
                tapped.add(outbox().enqueue(t.status(round % 2 == 0 ? TestStore.CASE_A : TestStore.CASE_B, status)).distributionId());
                t.clock.advance(Duration.ofSeconds(1));
            }
        }
        transport.autoConfirm(false);
        startRelay(8);
        transport.connect();
        // a connection loss in the middle of the drain, twice
        for (int cut = 0; cut < 2; cut++) {
            await().until(() -> transport.published().stream().anyMatch(p -> !p.outcome().isDone()));
            transport.confirmAll();
            await().until(() -> transport.published().stream().anyMatch(p -> !p.outcome().isDone()));
            transport.disconnect();
            await().until(() -> relay.inFlight() == 0);
            t.clock.advance(Duration.ofMinutes(2));
            transport.connect();
        }
        transport.autoConfirm(true);
        transport.confirmAll();
        await().atMost(Duration.ofSeconds(15)).until(() -> outbox().waiting() == 0);

        List<String> confirmed = transport.confirmed();
        assertEquals(tapped.size(), confirmed.stream().distinct().count());
        assertEquals(tapped, confirmed.stream().distinct().toList(), "every case and the resource in tap order");
    }

    @Test
    void statusesGoFirstAndQueuedPositionsAreCoalesced() {
        t = new TestStore(dir);
        transport.disconnect();
        for (int i = 0; i < 1000; i++) {
            outbox().enqueue(t.position(47 + i / 10_000.0));
        }
        String bilanLink = outbox().enqueue(t.out.documentLink(TestStore.CASE_A, null, DocumentType.BILAN,
                "https://docs.example/bilan/1", TestStore.LRM)).distributionId();
        String status = outbox().enqueue(t.status(TestStore.CASE_B, ResourceStatus.DEPART)).distributionId();
        assertEquals(3, outbox().waiting(), "999 fixes were replaced by the newest");

        startRelay(1);
        transport.connect();
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox().waiting() == 0);
        List<String> order = transport.confirmed();
        assertEquals(status, order.get(0));
        assertEquals(bilanLink, order.get(1));
        assertEquals(3, order.size());
        long superseded = outbox().list(null, 2000).stream().filter(e -> e.state() == DeliveryState.SUPERSEDED).count();
        assertEquals(999, superseded, "replaced, not deleted");
    }

    @Test
    void aTrackIntervalKeepsAThinnedTrack() {
        t = new TestStore(dir, new OutboxPolicy(Duration.ofSeconds(30), Duration.ofDays(7), Duration.ofSeconds(60)));
        transport.disconnect();
        for (int i = 0; i < 120; i++) { // one fix every 5 s for 10 minutes
            outbox().enqueue(t.position(47 + i / 10_000.0));
            t.clock.advance(Duration.ofSeconds(5));
        }
        int kept = outbox().waiting();
        assertTrue(kept >= 18 && kept <= 21, "about one fix per 30 s: " + kept);
    }

    @Test
    void anExpiredMessageIsNeverSent() {
        t = new TestStore(dir);
        transport.disconnect();
        String fix = outbox().enqueue(t.position(47.2)).distributionId();
        String status = outbox().enqueue(t.status(TestStore.CASE_A, ResourceStatus.DEPART)).distributionId();
        t.clock.advance(Duration.ofMinutes(10)); // positions live 5 minutes, statuses 24 hours
        startRelay(10);
        transport.connect();
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox().find(status).state() == DeliveryState.SENT);
        assertEquals(DeliveryState.EXPIRED, outbox().find(fix).state());
        assertEquals(List.of(status), transport.confirmed());
    }

    @Test
    void theLedgerFollowsReferencesAndErrorsAndTellsSubscribers() {
        t = new TestStore(dir);
        List<OutboxEntry> seen = new CopyOnWriteArrayList<>();
        outbox().subscribe(seen::add);
        String a = outbox().enqueue(t.status(TestStore.CASE_A, ResourceStatus.DEPART)).distributionId();
        String b = outbox().enqueue(t.status(TestStore.CASE_B, ResourceStatus.DEPART)).distributionId();
        startRelay(10);
        await().until(() -> outbox().waiting() == 0);

        assertEquals(LedgerVerdict.APPLIED, outbox().onReference(a, ReferenceStep.CONSULTE, false, TestStore.LRM));
        assertEquals(LedgerVerdict.NO_CHANGE, outbox().onReference(a, ReferenceStep.RECU, false, TestStore.LRM)); // late
        assertEquals(LedgerVerdict.APPLIED, outbox().onError(new HubError(new ErrorStatus(500, "DEAD_LETTER_QUEUED"),
                "message read from dead-letter-queue; reason was expired", null, b), HubError.HUB_ID));

        assertEquals(DeliveryState.CONSULTED, outbox().find(a).state());
        assertEquals(List.of(DeliveryState.QUEUED, DeliveryState.SENT, DeliveryState.CONSULTED), outbox().history(a));
        assertEquals(DeliveryState.ERROR, outbox().find(b).state());
        assertEquals(500, outbox().find(b).errorCode());
        assertTrue(outbox().errorDetail(b).contains("reason was expired"));
        assertEquals(List.of(a), outbox().list(TestStore.CASE_A, 10).stream().map(OutboxEntry::distributionId).toList());
        assertTrue(seen.stream().anyMatch(e -> e.distributionId().equals(a) && e.state() == DeliveryState.CONSULTED));
        assertTrue(seen.stream().anyMatch(e -> e.distributionId().equals(b) && e.state() == DeliveryState.ERROR));
    }

    @Test
    void thePurgeRemovesOnlyOldFinishedRowsAndSaysWhat() {
        t = new TestStore(dir);
        String sent = outbox().enqueue(t.status(TestStore.CASE_A, ResourceStatus.DEPART)).distributionId();
        startRelay(10);
        await().until(() -> outbox().waiting() == 0);
        relay.close();
        relay = null;
        transport.disconnect();
        String waiting = outbox().enqueue(t.status(TestStore.CASE_A, ResourceStatus.ARRIVEE)).distributionId();
        t.clock.advance(Duration.ofDays(8));

        Map<DeliveryState, Integer> purged = outbox().purge();
        assertEquals(Map.of(DeliveryState.SENT, 1), purged);
        assertEquals(null, outbox().find(sent));
        assertEquals(DeliveryState.QUEUED, outbox().find(waiting).state(), "a message not sent is never purged");
    }

    private static final String ORU = "fr.health.test.oru";

    @Test
    void anRcRefFromAPartyTheMessageDidNotGoToChangesNothingAndNeverStopsTheSend() {
        t = new TestStore(dir);
        transport.disconnect();
        String queued = outbox().enqueue(t.status(TestStore.CASE_A, ResourceStatus.DEPART)).distributionId();

        assertEquals(LedgerVerdict.UNEXPECTED_SENDER, outbox().onReference(queued, ReferenceStep.RECU, false, ORU));
        assertEquals(LedgerVerdict.UNEXPECTED_SENDER, outbox().onError(new HubError(new ErrorStatus(500, "DEAD_LETTER_QUEUED"),
                "forged", null, queued), ORU));
        assertEquals(DeliveryState.QUEUED, outbox().find(queued).state());
        assertEquals(null, outbox().find(queued).errorCode());

        startRelay(10);
        transport.connect();
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox().find(queued).state() == DeliveryState.SENT);
        assertEquals(List.of(queued), transport.confirmed(), "the forged RC-REF did not keep it from leaving");

        assertEquals(LedgerVerdict.UNEXPECTED_SENDER, outbox().onReference(queued, ReferenceStep.INTEGRE, false, ORU));
        assertEquals(DeliveryState.SENT, outbox().find(queued).state(), "a sent row moves only by its recipient's word");
        assertEquals(LedgerVerdict.APPLIED, outbox().onReference(queued, ReferenceStep.INTEGRE, false, TestStore.LRM));
        assertEquals(DeliveryState.INTEGRATED, outbox().find(queued).state());
    }

    @Test
    void theRecipientsWordAboutARowNotYetConfirmedIsHeldUntilItIsSent() {
        t = new TestStore(dir);
        transport.disconnect();
        String status = outbox().enqueue(t.status(TestStore.CASE_A, ResourceStatus.DEPART)).distributionId();
        String other = outbox().enqueue(t.status(TestStore.CASE_B, ResourceStatus.DEPART)).distributionId();
        // An earlier attempt reached the LRM but its confirm was lost: the LRM's RC-REF comes first.
        assertEquals(LedgerVerdict.HELD_UNTIL_SENT, outbox().onReference(status, ReferenceStep.RECU, false, TestStore.LRM));
        // The Hub's error reports are trusted too, and held the same way.
        assertEquals(LedgerVerdict.HELD_UNTIL_SENT, outbox().onError(new HubError(new ErrorStatus(400, "EXPIRED_MESSAGE_BEFORE_ROUTING"),
                "expired", null, other), HubError.HUB_ID));
        assertEquals(DeliveryState.QUEUED, outbox().find(status).state(), "still to be sent");

        startRelay(10);
        transport.connect();
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox().waiting() == 0);
        assertEquals(List.of(status, other), transport.confirmed(), "both left although words about them had come");
        assertEquals(DeliveryState.RECEIVED, outbox().find(status).state());
        assertEquals(List.of(DeliveryState.QUEUED, DeliveryState.SENT, DeliveryState.RECEIVED), outbox().history(status));
        assertEquals(DeliveryState.ERROR, outbox().find(other).state());
        assertEquals(400, outbox().find(other).errorCode());
    }

    @Test
    void rowsWrittenInOneModelLineAreBlockedNotLostOnAVhostOfAnother() {
        t = new TestStore(dir);
        transport.disconnect();
        List<String> queued = new ArrayList<>();
        for (ResourceStatus status : List.of(ResourceStatus.DEPART, ResourceStatus.ARRIVEE, ResourceStatus.FINPEC)) {
            queued.add(outbox().enqueue(t.status(TestStore.CASE_A, status)).distributionId());
        }
        t.store.close();
        // The integrator moves the tablet to 15-smur_v1.6 (model 2.0) with three 3.x statuses queued.
        // (another sender id only because the test store's ids restart at m00001 with each instance)
        t = new TestStore(dir, OutboxPolicy.defaults(), TestStore.TABLET + "b", org.opensmur.core.hub.validation.ModelLine.V2);
        assertEquals(0, outbox().waiting());
        assertEquals(3, outbox().blocked());
        String v2Status = outbox().enqueue(t.status(TestStore.CASE_B, ResourceStatus.FINMED)).distributionId();
        startRelay(10);
        transport.connect();
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox().find(v2Status).state() == DeliveryState.SENT);
        assertEquals(List.of(v2Status), transport.confirmed(), "only the row of this vhost's line left");
        for (String id : queued) {
            OutboxEntry entry = outbox().find(id);
            assertEquals(DeliveryState.QUEUED, entry.state(), "kept, not dropped");
            assertEquals("3", entry.modelLine());
        }
        relay.close();
        relay = null;
        t.store.close();

        // Back on a 3.x vhost: they leave as they were written.
        transport.disconnect();
        t = new TestStore(dir);
        assertEquals(0, outbox().blocked());
        startRelay(10);
        transport.connect();
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox().waiting() == 0);
        assertEquals(queued, transport.confirmed().subList(1, 4));
    }
}
