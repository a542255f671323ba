package org.opensmur.core.hub.amqp;

import org.junit.jupiter.api.Tag;
import org.opensmur.core.hub.transport.ConnectionState;
import org.opensmur.core.hub.transport.Delivery;
import org.opensmur.core.hub.transport.Inbound;
import org.opensmur.core.hub.transport.PublishOutcome;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensmur.core.hub.codec.Decoded;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.status.ResourceStatus;

/**
 * The network breaks during a burst of publications: every publication still ends in exactly one
 * outcome, nothing unconfirmed is reported sent, and the transport recovers by itself.
 */
@Tag("rabbitmq") // on the machine's RabbitMQ, whose queues the broker tests share: one at a time
@Tag("slow") // network cuts and heartbeats timed for real: run by ./bin/test and .ci/run, not by ./bin/test --quick
class TransportFaultTest {

    private static final int BURST = 1000;
    private final HubCodec codec = new HubCodec();
    private HubBroker broker;
    private TcpProxy proxy;
    private AmqpHubTransport transport;

    @BeforeEach
    void start() throws Exception {
        broker = HubBroker.require();
        broker.purgeAll();
        proxy = new TcpProxy("127.0.0.1", new InetSocketAddress("127.0.0.1", 5671));
    }

    @AfterEach
    void stop() {
        if (transport != null) {
            transport.close();
        }
        if (proxy != null) { // null: skipped, no broker here
            proxy.close();
        }
    }

    private AmqpHubTransport connectThroughProxy(Inbound inbound) {
        Map<String, String> settings = broker.settings(HubBroker.TABLET);
        settings.put("HUB_HOSTNAME", "127.0.0.1");
        settings.put("HUB_PORT", String.valueOf(proxy.port()));
        transport = new AmqpHubTransport(broker.config(settings), Clock.systemUTC());
        transport.start(inbound);
        await().atMost(Duration.ofSeconds(20)).until(() -> transport.state().isConnected());
        return transport;
    }

    private List<HubMessage> statuses(int count) {
        OutgoingMessages out = OutgoingMessages.of(HubBroker.TABLET, Clock.systemDefaultZone());
        List<HubMessage> messages = new ArrayList<>();
        List<ResourceStatus> statuses = org.opensmur.core.hub.validation.ModelLine.CURRENT.codes(ResourceStatus.class);
        for (int i = 0; i < count; i++) {
            messages.add(out.statusChange("fr.health.samu440.DRFR154402414300123", "fr.health.samu440.resource.VLM4",
                    statuses.get(i % statuses.size()), OffsetDateTime.now(), null, HubBroker.LRM).orElseThrow());
        }
        return messages;
    }

    /** Publishes the burst, breaking the network after {@code breakAfter} publications. */
    private List<PublishOutcome> burst(List<HubMessage> messages, int breakAfter, Runnable breakNetwork) {
        List<CompletableFuture<PublishOutcome>> futures = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            if (i == breakAfter) {
                breakNetwork.run();
            }
            HubMessage m = messages.get(i);
            futures.add(transport.publish(codec.encode(m), m.distributionID()));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).orTimeout(90, TimeUnit.SECONDS).join();
        return futures.stream().map(CompletableFuture::join).toList();
    }

    /** Every confirmed publication is in the Hub's dispatch queue: "confirmed" never lies. */
    private void assertConfirmedAreDispatched(List<PublishOutcome> outcomes) throws Exception {
        Set<String> dispatched = new HashSet<>();
        try (Connection admin = broker.admin(); Channel channel = admin.createChannel()) {
            for (GetResponse r = channel.basicGet(HubTopology.DISPATCH, true); r != null; r = channel.basicGet(HubTopology.DISPATCH, true)) {
                dispatched.add(codec.decode(r.getBody()).envelope().distributionID());
            }
        }
        for (PublishOutcome outcome : outcomes) {
            if (outcome.isConfirmed()) {
                assertTrue(dispatched.contains(outcome.distributionId()), "confirmed but not in dispatch: " + outcome);
            }
        }
    }

    private void assertPublishingWorks() throws Exception {
        HubMessage after = statuses(1).get(0);
        assertEquals(new PublishOutcome.Confirmed(after.distributionID()),
                transport.publish(codec.encode(after), after.distributionID()).get(20, TimeUnit.SECONDS));
    }

    private static String summary(List<PublishOutcome> outcomes) {
        long confirmed = outcomes.stream().filter(o -> o instanceof PublishOutcome.Confirmed).count();
        long nacked = outcomes.stream().filter(o -> o instanceof PublishOutcome.Nacked).count();
        long unknown = outcomes.stream().filter(o -> o instanceof PublishOutcome.Unknown).count();
        return confirmed + " confirmed, " + nacked + " nacked, " + unknown + " unknown";
    }

    @Test
    void aHardCutDuringABurstLeavesNoPublicationWithoutOutcome() throws Exception {
        connectThroughProxy(delivery -> Inbound.Disposition.STORED);
        List<PublishOutcome> outcomes = burst(statuses(BURST), BURST / 3, proxy::cut);

        System.out.println("hard cut during " + BURST + " publications: " + summary(outcomes));
        assertEquals(BURST, outcomes.size());
        assertEquals(0, transport.awaitingConfirm());
        assertTrue(outcomes.stream().anyMatch(o -> !o.isConfirmed()), "the cut must have cost something");
        await().atMost(Duration.ofSeconds(30)).until(() -> transport.state().isConnected());
        assertPublishingWorks();
        assertConfirmedAreDispatched(outcomes);
    }

    @Test
    void aSilentBlackholeIsDetectedByHeartbeatsAndRecovered() throws Exception {
        connectThroughProxy(delivery -> Inbound.Disposition.STORED);
        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        transport.onStateChange(states::add);
        long[] blackholedAt = new long[1];
        List<HubMessage> messages = statuses(BURST);
        CompletableFuture<List<PublishOutcome>> running = CompletableFuture.supplyAsync(() -> burst(messages, BURST / 3, () -> {
            blackholedAt[0] = System.nanoTime();
            proxy.blackhole(true);
        }));
        await().atMost(Duration.ofSeconds(30)).until(() -> states.stream().anyMatch(s -> !s.isConnected()));
        long detectedMs = (System.nanoTime() - blackholedAt[0]) / 1_000_000;
        proxy.blackhole(false);
        List<PublishOutcome> outcomes = running.get(120, TimeUnit.SECONDS);
        long recoveryStart = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).until(() -> transport.state().isConnected());
        long recoveredMs = (System.nanoTime() - recoveryStart) / 1_000_000;

        System.out.println("blackhole during " + BURST + " publications: " + summary(outcomes) + "; detected after "
                + detectedMs + " ms (heartbeat 2 s), reconnected " + recoveredMs + " ms after the network came back");
        assertEquals(0, transport.awaitingConfirm());
        assertPublishingWorks();
        assertConfirmedAreDispatched(outcomes);
    }

    @Test
    void aBrokerRestartIsSurvivedAndUnackedDeliveriesComeBackMarkedRedelivered() throws Exception {
        BrokerControl.requireRabbitmqctl();
        CountDownLatch firstDelivery = new CountDownLatch(1);
        CountDownLatch holdFirst = new CountDownLatch(1);
        List<Delivery> seen = new CopyOnWriteArrayList<>();
        connectThroughProxy(delivery -> {
            seen.add(delivery);
            if (seen.size() == 1) {
                firstDelivery.countDown();
                try {
                    holdFirst.await(60, TimeUnit.SECONDS); // stored only after the broker went away
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Inbound.Disposition.STORED;
        });
        HubMessage caseUpdate = statuses(1).get(0);
        try (Connection admin = broker.admin(); Channel channel = admin.createChannel()) {
            channel.basicPublish(HubTopology.DISTRIBUTION, HubBroker.TABLET + ".message",
                    new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2).build(), codec.encode(caseUpdate));
        }
        assertTrue(firstDelivery.await(20, TimeUnit.SECONDS));
        try {
            BrokerControl.stopApp();
            await().atMost(Duration.ofSeconds(30)).until(() -> !transport.state().isConnected());
            holdFirst.countDown(); // its ack now has nowhere to go
        } finally {
            BrokerControl.startApp();
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> transport.state().isConnected());
        await().atMost(Duration.ofSeconds(30)).until(() -> seen.size() >= 2);

        Delivery again = seen.get(1);
        assertTrue(again.redelivered(), "the broker marks what it gives again");
        Decoded first = codec.decode(seen.get(0).body());
        Decoded second = codec.decode(again.body());
        assertEquals(first.envelope().distributionID(), second.envelope().distributionID(), "recognisable by its distributionID");
        assertPublishingWorks();
    }
}
