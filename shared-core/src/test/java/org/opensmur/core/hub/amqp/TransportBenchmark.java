package org.opensmur.core.hub.amqp;

import org.opensmur.core.hub.transport.HubConfig;
import org.opensmur.core.hub.transport.Inbound;
import org.opensmur.core.hub.transport.PublishOutcome;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.opensmur.core.bench.CodecBenchmark;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.signing.KeyMaterial;

/**
 * Publishes 10,000 RS-SR with confirms through our transport and, in the same run, through a bare
 * amqp-client loop with asynchronous confirms (the RabbitMQ tutorial's way) bounded by the same in-flight
 * window (production's, 256), both over mutual TLS to the local broker, alternating, the queues purged
 * before each run; then measures how long a silent network drop takes to detect and to recover from.
 * Run: bin/bench transport (after bin/hub-broker-setup).
 */
public final class TransportBenchmark {

    private static final int MESSAGES = 10_000;
    private static final int ROUNDS = 5;

    private TransportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        HubBroker broker = HubBroker.require();
        HubCodec codec = new HubCodec();
        OutgoingMessages out = OutgoingMessages.of(HubBroker.TABLET, Clock.systemDefaultZone());
        List<HubMessage> messages = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            messages.add(out.statusChange("fr.health.samu440.DRFR154402414300123", "fr.health.samu440.resource.VLM4",
                    ResourceStatus.DEPART, OffsetDateTime.now(), null, HubBroker.LRM).orElseThrow());
        }
        List<byte[]> bodies = messages.stream().map(codec::encode).toList();
        System.out.printf("Transport benchmark: %d RS-SR of %d bytes, mutual TLS to 127.0.0.1:5671, publisher confirms%n",
                MESSAGES, bodies.get(0).length);

        // The production settings: the transport's own in-flight window (256), which the bare loop gets too.
        HubConfig config = broker.config(broker.settings(HubBroker.TABLET));
        int window = config.maxInFlight();
        System.out.printf("in-flight window: %d for both; the two alternate (which goes first changes each round), queues purged before each run%n", window);
        double[] ours = new double[ROUNDS];
        double[] bare = new double[ROUNDS];
        try (AmqpHubTransport transport = new AmqpHubTransport(config, Clock.systemUTC());
             Connection raw = rawConnection(broker)) {
            transport.start(delivery -> Inbound.Disposition.RETRY_LATER);
            while (!transport.state().isConnected()) {
                Thread.sleep(50);
            }
            runOurs(transport, messages, bodies);  // warm-up
            broker.purgeAll();
            runBare(raw, bodies, window);
            for (int round = 0; round < ROUNDS; round++) {
                for (int turn = 0; turn < 2; turn++) {
                    broker.purgeAll();
                    if ((round + turn) % 2 == 0) {
                        ours[round] = runOurs(transport, messages, bodies);
                    } else {
                        bare[round] = runBare(raw, bodies, window);
                    }
                }
                System.out.printf("round %d: ours %,.0f msg/s, bare amqp-client %,.0f msg/s (%s first)%n", round + 1, ours[round],
                        bare[round], round % 2 == 0 ? "ours" : "bare");
            }
            broker.purgeAll();
        }
        double oursMedian = CodecBenchmark.median(ours);
        double bareMedian = CodecBenchmark.median(bare);
        System.out.printf("RESULT publish with confirms, ours: %,.0f msg/s (median of %d rounds)%n", oursMedian, ROUNDS);
        System.out.printf("RESULT publish with confirms, bare amqp-client async-confirm loop (same window): %,.0f msg/s%n", bareMedian);
        double ratio = oursMedian / bareMedian;
        System.out.printf("RESULT ratio ours/bare: %.2f (goal: >= 0.8): %s%n", ratio, ratio >= 0.8 ? "met" : "NOT met");
        silentDrop(broker);
    }

    private static double runOurs(AmqpHubTransport transport, List<HubMessage> messages, List<byte[]> bodies) {
        long start = System.nanoTime();
        List<CompletableFuture<PublishOutcome>> futures = new ArrayList<>(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            futures.add(transport.publish(bodies.get(i), messages.get(i).distributionID()));
        }
        long confirmed = futures.stream().map(CompletableFuture::join).filter(PublishOutcome::isConfirmed).count();
        double rate = bodies.size() / ((System.nanoTime() - start) / 1e9);
        if (confirmed != bodies.size()) {
            throw new IllegalStateException("only " + confirmed + " confirmed");
        }
        return rate;
    }

    private static double runBare(Connection raw, List<byte[]> bodies, int window) throws Exception {
        try (Channel channel = raw.createChannel()) {
            return BareConfirmLoop.publishAll(channel, bodies, window);
        }
    }

    private static void silentDrop(HubBroker broker) throws Exception {
        for (String heartbeat : List.of("2", "10")) {
            try (TcpProxy proxy = new TcpProxy("127.0.0.1", new InetSocketAddress("127.0.0.1", 5671))) {
                Map<String, String> settings = broker.settings(HubBroker.TABLET);
                settings.put("HUB_HOSTNAME", "127.0.0.1");
                settings.put("HUB_PORT", String.valueOf(proxy.port()));
                settings.put("HEARTBEAT_SECONDS", heartbeat);
                try (AmqpHubTransport transport = new AmqpHubTransport(broker.config(settings), Clock.systemUTC())) {
                    transport.start(delivery -> Inbound.Disposition.RETRY_LATER);
                    while (!transport.state().isConnected()) {
                        Thread.sleep(20);
                    }
                    long dropped = System.nanoTime();
                    proxy.blackhole(true);
                    while (transport.state().isConnected()) {
                        Thread.sleep(20);
                    }
                    long detected = System.nanoTime();
                    proxy.blackhole(false);
                    while (!transport.state().isConnected()) {
                        Thread.sleep(20);
                    }
                    long recovered = System.nanoTime();
                    System.out.printf("RESULT silent drop, heartbeat %s s: detected after %,d ms, connected again %,d ms after the network returned%n",
                            heartbeat, (detected - dropped) / 1_000_000, (recovered - detected) / 1_000_000);
                }
            }
        }
    }

    private static Connection rawConnection(HubBroker broker) throws Exception {
        return broker.rawTls(KeyMaterial.keyManagers(broker.tlsDir().resolve(HubBroker.TABLET + ".p12"), null,
                broker.password(), Instant.now()), broker.trust()).newConnection("bare-benchmark");
    }

    static {
        // keep the figures readable
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "off");
    }

}
