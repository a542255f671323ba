package org.opensmur.store.resilience;

import org.junit.jupiter.api.Tag;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.hub.client.HubClient;
import org.opensmur.core.hub.client.HubEvent;
import org.opensmur.core.hub.client.ReceivedStore;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.hub.amqp.AmqpHubTransport;
import org.opensmur.core.hub.amqp.HubBroker;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.tablet.OutboxEntry;
import org.opensmur.store.db.StoreDatabase;
import org.opensmur.store.outbox.OutboxPolicy;
import org.opensmur.store.TestStore;
import org.opensmur.store.db.StoreException;

/** The store on a real disk that fills up and empties again, and a database file that vanishes under it. */
@Tag("rabbitmq") // on the machine's RabbitMQ, whose queues the broker tests share: one at a time
@Tag("slow") // real redelivery back-off (2 s, 4 s) and a full disk: run by ./bin/test and .ci/run, not by ./bin/test --quick
class StorageFaultTest {

    @TempDir
    Path dir;

    @Test
    void aFullDiskRefusesTapsWithItsRealCauseAndTheStoreRecoversByItselfWhenSpaceReturns() throws Exception {
        try (SmallDisk disk = new SmallDisk(dir, 4)) {
            TestStore t = new TestStore(disk.folder("store"));
            List<String> saved = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                saved.add(t.store.outbox().enqueue(t.status(TestStore.CASE_A, ResourceStatus.DEPART)).distributionId());
            }
            disk.fill();
            StoreException full = null;
            for (int i = 0; i < 200 && full == null; i++) {
                try {
                    saved.add(t.store.outbox().enqueue(t.status(TestStore.CASE_A, ResourceStatus.ARRIVEE)).distributionId());
                } catch (StoreException e) {
                    full = e;
                }
            }
            assertTrue(full != null, "the disk never filled");
            assertEquals(StoreException.Kind.FULL, full.kind(), full.getMessage());

            disk.free();
            for (int i = 0; i < 20; i++) {
                saved.add(t.store.outbox().enqueue(t.status(TestStore.CASE_A, ResourceStatus.PEC)).distributionId());
            }
            t.store.close();
            TestStore reopened = new TestStore(disk.folder("store"));
            for (String id : saved) {
                OutboxEntry entry = reopened.store.outbox().find(id);
                assertTrue(entry != null, "reported saved, then lost: " + id);
            }
            reopened.store.close();
        }
    }

    @Test
    void aMessageThatCannotBeStoredStaysWithTheBrokerIsRetriedWithBackoffAndStoredWhenSpaceReturns() throws Exception {
        HubBroker broker = HubBroker.require();
        broker.purgeAll();
        try (SmallDisk disk = new SmallDisk(dir, 4)) {
            TestStore t = new TestStore(disk.folder("store"), OutboxPolicy.defaults(), HubBroker.TABLET);
            t.store.inbox().keepFree(0); // a 4 MB disk is all reserve: this test is about the disk itself being full
            AtomicInteger attempts = new AtomicInteger();
            List<Long> attemptedAt = new CopyOnWriteArrayList<>();
            List<HubEvent> events = new CopyOnWriteArrayList<>();
            ReceivedStore counted = decoded -> {
                attempts.incrementAndGet();
                attemptedAt.add(System.nanoTime());
                return t.store.inbox().store(decoded);
            };
            HubMessage created = OutgoingMessages.of(HubBroker.LRM, Clock.systemUTC())
                    .build(SharedCorpus.examplePayload(MessageType.RS_EDA, "AliceGregoireNormand.01"), HubBroker.TABLET).orElseThrow();
            try (AmqpHubTransport transport = new AmqpHubTransport(broker.config(HubBroker.TABLET), Clock.systemUTC())) {
                HubClient client = new HubClient(transport, t.codec, counted, t.store.acknowledger(), events::add);
                client.start();
                await().atMost(Duration.ofSeconds(20)).until(() -> transport.state().isConnected());
                disk.fill();
                try (Connection admin = broker.admin(); Channel channel = admin.createChannel()) {
                    channel.basicPublish("", HubBroker.TABLET + ".message", new AMQP.BasicProperties.Builder()
                            .contentType("application/json").deliveryMode(2).build(), t.codec.encode(created));
                }
                // 2 s, then 4 s between attempts (8 s next): not one every few milliseconds. Waited for, not slept.
                await().atMost(Duration.ofSeconds(30)).until(() -> attempts.get() >= 3);
                int whileFull = attempts.get();
                long firstGap = attemptedAt.get(1) - attemptedAt.get(0);
                long secondGap = attemptedAt.get(2) - attemptedAt.get(1);
                assertTrue(firstGap >= Duration.ofMillis(1_500).toNanos(), "first retry after " + firstGap / 1_000_000 + " ms");
                assertTrue(secondGap >= Duration.ofMillis(3_500).toNanos() && secondGap > firstGap,
                        "the wait grows: " + firstGap / 1_000_000 + " ms, then " + secondGap / 1_000_000 + " ms");
                assertTrue(whileFull <= 4, "attempts while the disk was full: " + whileFull);
                assertEquals(null, t.store.inbox().read(created.distributionID()));

                disk.free();
                await().atMost(Duration.ofSeconds(40)).until(() -> t.store.inbox().read(created.distributionID()) != null);
                assertTrue(events.stream().anyMatch(e -> e instanceof HubEvent.MessageReceived r
                        && r.message().distributionID().equals(created.distributionID())));
                System.out.printf("full disk: an RS-EDA was offered %d times (2 s, then 4 s apart) while it could not be stored, then stored%n",
                        whileFull);
            } finally {
                t.store.close();
            }
        }
    }

    @Test
    void aDatabaseDeletedUnderTheTabletIsNeverReportedSavedAndComesBackFromItsRescueCopy() throws Exception {
        Path folder = dir.resolve("store");
        TestStore t = new TestStore(folder);
        List<String> saved = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            saved.add(t.store.outbox().enqueue(t.status(TestStore.CASE_A, ResourceStatus.DEPART)).distributionId());
        }
        Files.delete(folder.resolve("store.db"));

        StoreException gone = assertThrows(StoreException.class,
                () -> t.store.outbox().enqueue(t.status(TestStore.CASE_A, ResourceStatus.ARRIVEE)));
        assertEquals(StoreException.Kind.MISSING, gone.kind());
        assertTrue(gone.getMessage().contains("base de données introuvable"), gone.getMessage());
        StoreException again = assertThrows(StoreException.class,
                () -> t.store.outbox().enqueue(t.status(TestStore.CASE_A, ResourceStatus.PEC)));
        assertEquals(StoreException.Kind.MISSING, again.kind(), "no tap is accepted any more");
        t.store.close();
        List<Path> rescued;
        try (var files = Files.list(folder)) {
            rescued = files.filter(f -> f.getFileName().toString().startsWith("store-rescued-")).toList();
        }
        assertEquals(1, rescued.size(), "one rescue copy: " + gone.getMessage());
        assertTrue(gone.getMessage().contains(rescued.get(0).toString()), "the error names the copy");

        StoreException atStart = assertThrows(StoreException.class, () -> new TestStore(folder));
        assertEquals(StoreException.Kind.MISSING, atStart.kind(), "never an empty store created silently");
        assertTrue(atStart.getMessage().contains("--restore-store " + rescued.get(0)), atStart.getMessage());
        assertTrue(Files.notExists(folder.resolve("store.db")));

        // A tablet killed meanwhile leaves the old database's journal behind: it must not be replayed into the new one.
        Files.write(folder.resolve("store.db-wal"), new byte[] {1, 2, 3});
        StoreDatabase.restore(rescued.get(0), folder.resolve("store.db"));
        try (var files = Files.list(folder)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("store.db-wal.orphan-")), "moved aside, kept");
        }
        TestStore restored = new TestStore(folder);
        for (String id : saved) {
            assertTrue(restored.store.outbox().find(id) != null, "saved before the deletion, kept: " + id);
        }
        restored.store.close();
    }

    @Test
    void aDatabaseReplacedUnderTheTabletIsDetectedByTheWatch() throws Exception {
        Path folder = dir.resolve("store");
        TestStore t = new TestStore(folder);
        String first = t.store.outbox().enqueue(t.status(TestStore.CASE_A, ResourceStatus.DEPART)).distributionId();
        Files.copy(folder.resolve("store.db"), dir.resolve("older.db"));
        Files.move(dir.resolve("older.db"), folder.resolve("store.db"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        StoreException replaced = assertThrows(StoreException.class, () -> t.store.verify());
        assertEquals(StoreException.Kind.MISSING, replaced.kind());
        assertTrue(replaced.getMessage().contains("replaced"), replaced.getMessage());
        assertThrows(StoreException.class, () -> t.store.outbox().find(first));
        t.store.close();
    }
}
