package org.opensmur.tablet.bench;

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
import org.opensmur.core.hub.amqp.AmqpHubTransport;
import org.opensmur.core.hub.transport.HubConfig;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.tablet.DeliveryState;
import org.opensmur.core.testing.FakeTransport;
import org.opensmur.tablet.TabletCore;
import org.opensmur.core.hub.amqp.BareConfirmLoop;
import org.opensmur.core.hub.amqp.HubBroker;
import org.opensmur.core.hub.transport.Inbound;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.signing.KeyMaterial;
import org.opensmur.store.OfflineStore;
import org.opensmur.store.outbox.OutboxPolicy;
import org.opensmur.store.outbox.OutboxRelay;
import org.sqlite.SQLiteConfig;

/**
 * 1. Tap to durable: from the crew's tap to durable (building, validating, encrypting and committing an
 *    RS-SR through TabletCore.send), beside a bare single-row SQLite insert-and-commit with the same
 *    settings (the physical floor here), interleaved.
 * 2. Backlog drain: 10,000 queued messages drained by the relay to the local RabbitMQ over mutual TLS,
 *    production's windows, beside the bare amqp-client asynchronous-confirm loop with the same window
 *    publishing the same kind of bodies; alternating, queues purged before each run.
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
        // The crew's tap as the app runs it, offline (nothing drains meanwhile): build and validate the RS-SR,
        // then TabletCore.send (encode, encrypt, insert, commit with synchronous=FULL). Durable when it returns.
        FakeTransport offline = new FakeTransport();
        offline.disconnect();
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        byte[] row = new byte[codec.encode(out.statusChange(CASE, VLM4, ResourceStatus.DEPART, OffsetDateTime.now(clock), null,
                HubBroker.LRM).orElseThrow()).length + 29];
        long[] ours = new long[TAPS];
        long[] floor = new long[TAPS];
        try (TabletCore core = new TabletCore(offline, HubBroker.TABLET, ModelLine.CURRENT, dir.resolve("taps"), "bench".toCharArray(), clock);
             java.sql.Connection bare = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("floor.db"), config.toProperties())) {
            bare.createStatement().execute("CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT UNIQUE, body BLOB)");
            PreparedStatement insert = bare.prepareStatement("INSERT INTO t (k, body) VALUES (?, ?)");
            for (int i = 0; i < TAPS + 200; i++) { // the first 200 of each warm up
                ResourceStatus status = STATUSES.get(i % STATUSES.size());
                long oursTook;
                long floorTook;
                if (i % 2 == 0) { // which goes first changes each time: neither always finds the disk just synced
                    oursTook = tap(core, status);
                    floorTook = bareCommit(bare, insert, i, row);
                } else {
                    floorTook = bareCommit(bare, insert, i, row);
                    oursTook = tap(core, status);
                }
                if (i >= 200) {
                    ours[i - 200] = oursTook;
                    floor[i - 200] = floorTook;
                }
            }
        }
        Arrays.sort(ours);
        Arrays.sort(floor);
        System.out.printf("Tap to durable (%d RS-SR: from the tap, build and validate, then TabletCore.send: encode, encrypt, insert, commit with synchronous=FULL):%n", TAPS);
        System.out.printf("RESULT tap to durable p50 %.2f ms, p99 %.2f ms%n", ms(ours, 0.50), ms(ours, 0.99));
        System.out.printf("RESULT bare SQLite single-row insert+commit (same settings) p50 %.2f ms, p99 %.2f ms%n", ms(floor, 0.50), ms(floor, 0.99));
        double ratio = ms(ours, 0.99) / ms(floor, 0.99);
        System.out.printf("RESULT p99 ratio ours/bare: %.2f (goal: <= 1.5): %s%n", ratio, ratio <= 1.5 ? "met" : "NOT met");
    }

    private static long tap(TabletCore core, ResourceStatus status) {
        long start = System.nanoTime();
        core.send(core.outgoing().statusChange(CASE, VLM4, status, OffsetDateTime.now(core.clock()), null, HubBroker.LRM));
        return System.nanoTime() - start;
    }

    private static long bareCommit(java.sql.Connection bare, PreparedStatement insert, int i, byte[] row) throws Exception {
        long start = System.nanoTime();
        bare.setAutoCommit(false);
        insert.setString(1, "k" + i);
        insert.setBytes(2, row);
        insert.executeUpdate();
        bare.commit();
        return System.nanoTime() - start;
    }

    private static final int ROUNDS = 5;

    private static void backlogDrain(Path dir, Clock clock, HubCodec codec, OutgoingMessages out) throws Exception {
        HubBroker broker = HubBroker.require();
        // Production's windows: the transport's in-flight window (256) and the relay's (TabletCore's, 256);
        // the bare loop gets the same window.
        HubConfig config = broker.config(broker.settings(HubBroker.TABLET));
        int window = config.maxInFlight();
        double[] ours = new double[ROUNDS];
        double[] bare = new double[ROUNDS];
        System.out.printf("Backlog drain (%d queued RS-SR, 3 cases, mutual TLS to the local RabbitMQ, window %d for both, %d rounds alternating, queues purged before each run):%n",
                BACKLOG, window, ROUNDS);
        try (AmqpHubTransport transport = new AmqpHubTransport(config, clock);
             Connection raw = broker.rawTls(KeyMaterial.keyManagers(broker.tlsDir().resolve(HubBroker.TABLET + ".p12"), null,
                     broker.password(), Instant.now()), broker.trust()).newConnection("bare-drain")) {
            transport.start(delivery -> Inbound.Disposition.RETRY_LATER);
            while (!transport.state().isConnected()) {
                Thread.sleep(20);
            }
            // A round of each to warm up (the JIT, the broker's queues), not counted.
            broker.purgeAll();
            drain(dir.resolve("warm-up"), transport, window, clock, codec, out);
            broker.purgeAll();
            bareLoop(raw, bodies(out, codec, clock), window);
            for (int round = 0; round < ROUNDS; round++) {
                for (int turn = 0; turn < 2; turn++) {
                    broker.purgeAll();
                    if ((round + turn) % 2 == 0) {
                        ours[round] = drain(dir.resolve("drain" + round), transport, window, clock, codec, out);
                    } else {
                        bare[round] = bareLoop(raw, bodies(out, codec, clock), window);
                    }
                }
                System.out.printf("round %d: outbox drain %,.0f msg/s, bare amqp-client %,.0f msg/s (%s first)%n", round + 1, ours[round],
                        bare[round], round % 2 == 0 ? "drain" : "bare");
            }
        }
        broker.purgeAll();
        Arrays.sort(ours);
        Arrays.sort(bare);
        System.out.printf("RESULT outbox drain: %,.0f msg/s (median; every row marked SENT on its own confirm)%n", ours[ROUNDS / 2]);
        System.out.printf("RESULT bare amqp-client async-confirm loop (same window): %,.0f msg/s (median)%n", bare[ROUNDS / 2]);
        double ratio = ours[ROUNDS / 2] / bare[ROUNDS / 2];
        System.out.printf("RESULT ratio drain/bare: %.2f (goal: >= 0.8): %s%n", ratio, ratio >= 0.8 ? "met" : "NOT met");
    }

    /** A backlog of {@link #BACKLOG} taps queued offline, then drained by the relay as the tablet does. */
    private static double drain(Path folder, AmqpHubTransport transport, int window, Clock clock, HubCodec codec, OutgoingMessages out)
            throws Exception {
        OfflineStore store = OfflineStore.open(folder, "bench".toCharArray(), out, codec, OutboxPolicy.defaults(), clock);
        backlog(store, out, clock);
        OutboxRelay relay = store.relay(transport, clock, window);
        long start = System.nanoTime();
        relay.start();
        while (store.outbox().waiting() > 0 || relay.inFlight() > 0) {
            Thread.sleep(2);
        }
        double rate = BACKLOG / ((System.nanoTime() - start) / 1e9);
        relay.close();
        long sent = store.outbox().list(null, BACKLOG).stream().filter(e -> e.state() == DeliveryState.SENT).count();
        store.close();
        if (sent != BACKLOG) {
            throw new IllegalStateException("only " + sent + " marked SENT");
        }
        return rate;
    }

    private static final String[] CASES = {CASE, "fr.health.samu440.DRFR154402414300124", "fr.health.samu440.DRFR154402414300125"};

    private static void backlog(OfflineStore store, OutgoingMessages out, Clock clock) {
        for (int i = 0; i < BACKLOG; i++) {
            store.outbox().enqueue(status(out, clock, i));
        }
    }

    /** The same kind of bodies for the bare loop (built, not stored). */
    private static List<byte[]> bodies(OutgoingMessages out, HubCodec codec, Clock clock) {
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < BACKLOG; i++) {
            bodies.add(codec.encode(status(out, clock, i).message()));
        }
        return bodies;
    }

    private static org.opensmur.core.outgoing.Built status(OutgoingMessages out, Clock clock, int i) {
        return out.statusChange(CASES[i % 3], "fr.health.samu440.resource.VLM" + (i % 3), STATUSES.get(i % STATUSES.size()),
                OffsetDateTime.now(clock), null, HubBroker.LRM);
    }

    private static double bareLoop(Connection raw, List<byte[]> bodies, int window) throws Exception {
        try (Channel channel = raw.createChannel()) {
            return BareConfirmLoop.publishAll(channel, bodies, window);
        }
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(quantile * (sorted.length - 1)))] / 1e6;
    }
}
