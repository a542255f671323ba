package org.opensmur.store.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.transport.AmqpHubTransport;
import org.opensmur.core.hub.transport.BareConfirmLoop;
import org.opensmur.core.hub.transport.HubBroker;
import org.opensmur.core.hub.transport.Inbound;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.signing.KeyMaterial;
import org.opensmur.store.OfflineStore;
import org.opensmur.store.outbox.DeliveryState;
import org.opensmur.store.outbox.OutboxPolicy;
import org.opensmur.store.outbox.OutboxRelay;
import org.sqlite.SQLiteConfig;

/**
 * 1. Tap to durable: latency of building, validating, encrypting and committing an RS-SR in the outbox,
 *    beside a bare single-row SQLite insert-and-commit with the same settings (the physical floor here).
 * 2. Backlog drain: 10,000 queued messages drained to the local RabbitMQ over mutual TLS, beside the bare
 *    amqp-client asynchronous-confirm loop publishing the same bodies.
 * Run: bin/bench store (after bin/hub-broker-setup).
 */
public final class StoreBenchmark {

    private static final java.util.List<ResourceStatus> STATUSES =
            org.opensmur.core.hub.validation.ModelLine.CURRENT.codes(ResourceStatus.class);

    private static final int TAPS = 2_000;
    private static final int BACKLOG = 10_000;
    private static final String CASE = "fr.health.samu440.DRFR154402414300123";
    private static final String VLM4 = "fr.health.samu440.resource.VLM4";

    private StoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "off");
        Path dir = Files.createTempDirectory("store-bench");
        Clock clock = Clock.systemDefaultZone();
        HubCodec codec = new HubCodec();
        OutgoingMessages out = OutgoingMessages.of(HubBroker.TABLET, clock);
        tapToDurable(dir, clock, codec, out);
        backlogDrain(dir, clock, codec, out);
    }

    private static void tapToDurable(Path dir, Clock clock, HubCodec codec, OutgoingMessages out) throws Exception {
        OfflineStore store = OfflineStore.open(dir.resolve("taps"), "bench".toCharArray(), out, codec, OutboxPolicy.defaults(), clock);
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        byte[] row = new byte[codec.encode(out.statusChange(CASE, VLM4, ResourceStatus.DEPART, OffsetDateTime.now(clock), null,
                HubBroker.LRM).orElseThrow()).length + 29];
        long[] ours = new long[TAPS];
        long[] floor = new long[TAPS];
        try (java.sql.Connection bare = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("floor.db"), config.toProperties())) {
            bare.createStatement().execute("CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT UNIQUE, body BLOB)");
            PreparedStatement insert = bare.prepareStatement("INSERT INTO t (k, body) VALUES (?, ?)");
            for (int i = 0; i < TAPS + 200; i++) { // the first 200 of each warm up
                var tap = out.statusChange(CASE, VLM4, STATUSES.get(i % 18), OffsetDateTime.now(clock), null, HubBroker.LRM);
                long start = System.nanoTime();
                store.outbox().enqueue(tap);
                long middle = System.nanoTime();
                bare.setAutoCommit(false);
                insert.setString(1, "k" + i);
                insert.setBytes(2, row);
                insert.executeUpdate();
                bare.commit();
                long end = System.nanoTime();
                if (i >= 200) {
                    ours[i - 200] = middle - start;
                    floor[i - 200] = end - middle;
                }
            }
        }
        store.close();
        Arrays.sort(ours);
        Arrays.sort(floor);
        System.out.printf("Tap to durable (%d RS-SR built and validated, then enqueue: encode, encrypt, insert, commit with synchronous=FULL):%n", TAPS);
        System.out.printf("RESULT enqueue p50 %.2f ms, p99 %.2f ms%n", ms(ours, 0.50), ms(ours, 0.99));
        System.out.printf("RESULT bare SQLite insert+commit (same settings) p50 %.2f ms, p99 %.2f ms%n", ms(floor, 0.50), ms(floor, 0.99));
        System.out.printf("RESULT p99 ratio ours/floor: %.2f (goal: <= 1.5)%n", ms(ours, 0.99) / ms(floor, 0.99));
    }

    private static final int ROUNDS = 3;

    private static void backlogDrain(Path dir, Clock clock, HubCodec codec, OutgoingMessages out) throws Exception {
        HubBroker broker = HubBroker.require();
        Map<String, String> settings = broker.settings(HubBroker.TABLET);
        settings.put("MAX_IN_FLIGHT", "1000");
        double[] ours = new double[ROUNDS];
        double[] bare = new double[ROUNDS];
        System.out.printf("Backlog drain (%d queued RS-SR, 3 cases, mutual TLS to the local RabbitMQ, %d rounds):%n", BACKLOG, ROUNDS);
        try (AmqpHubTransport transport = new AmqpHubTransport(broker.config(settings), clock);
             Connection raw = broker.rawTls(KeyMaterial.keyManagers(broker.tlsDir().resolve(HubBroker.TABLET + ".p12"), null,
                     broker.password(), Instant.now()), broker.trust()).newConnection("bare-drain")) {
            transport.start(delivery -> Inbound.Disposition.RETRY_LATER);
            while (!transport.state().isConnected()) {
                Thread.sleep(20);
            }
            for (int round = 0; round < ROUNDS; round++) {
                broker.purgeAll();
                OfflineStore store = OfflineStore.open(dir.resolve("drain" + round), "bench".toCharArray(), out, codec,
                        OutboxPolicy.defaults(), clock);
                List<byte[]> bodies = backlog(store, out, codec, clock);
                // The transport's window (1,000) paces the relay; the relay keeps it full.
                OutboxRelay relay = store.relay(transport, clock, 4000);
                long start = System.nanoTime();
                relay.start();
                while (store.outbox().waiting() > 0 || relay.inFlight() > 0) {
                    Thread.sleep(2);
                }
                ours[round] = BACKLOG / ((System.nanoTime() - start) / 1e9);
                relay.close();
                long sent = store.outbox().list(null, BACKLOG).stream().filter(e -> e.state() == DeliveryState.SENT).count();
                store.close();
                if (sent != BACKLOG) {
                    throw new IllegalStateException("only " + sent + " marked SENT");
                }
                broker.purgeAll();
                bare[round] = bareLoop(raw, bodies);
                System.out.printf("round %d: outbox drain %,.0f msg/s, bare amqp-client %,.0f msg/s%n", round + 1, ours[round], bare[round]);
            }
        }
        broker.purgeAll();
        Arrays.sort(ours);
        Arrays.sort(bare);
        System.out.printf("RESULT outbox drain: %,.0f msg/s (median; every row marked SENT on its own confirm)%n", ours[ROUNDS / 2]);
        System.out.printf("RESULT bare amqp-client async-confirm loop: %,.0f msg/s (median)%n", bare[ROUNDS / 2]);
        System.out.printf("RESULT ratio drain/bare: %.2f (goal: >= 0.7)%n", ours[ROUNDS / 2] / bare[ROUNDS / 2]);
    }

    private static List<byte[]> backlog(OfflineStore store, OutgoingMessages out, HubCodec codec, Clock clock) {
        List<byte[]> bodies = new ArrayList<>();
        String[] cases = {CASE, "fr.health.samu440.DRFR154402414300124", "fr.health.samu440.DRFR154402414300125"};
        for (int i = 0; i < BACKLOG; i++) {
            var built = out.statusChange(cases[i % 3], "fr.health.samu440.resource.VLM" + (i % 3), STATUSES.get(i % 18),
                    OffsetDateTime.now(clock), null, HubBroker.LRM);
            store.outbox().enqueue(built);
            bodies.add(codec.encode(built.message()));
        }
        return bodies;
    }

    private static double bareLoop(Connection raw, List<byte[]> bodies) throws Exception {
        try (Channel channel = raw.createChannel()) {
            return BareConfirmLoop.publishAll(channel, bodies);
        }
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(quantile * (sorted.length - 1)))] / 1e6;
    }
}
