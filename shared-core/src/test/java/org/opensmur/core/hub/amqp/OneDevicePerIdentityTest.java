package org.opensmur.core.hub.amqp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opensmur.core.hub.transport.ConnectionState;
import org.opensmur.core.hub.transport.Inbound;

/**
 * The Hub gives a queue's messages round-robin to its consumers: two devices on one certificate would
 * each get half of the crew's messages. The tablet consumes exclusively; a second device is refused,
 * says why, retries, and takes over only when the first is gone.
 */
@Tag("rabbitmq") // on the machine's RabbitMQ, whose queues the broker tests share: one at a time
@Tag("slow") // connection refusals and retries timed for real: run by ./bin/test and .ci/run, not by ./bin/test --quick
class OneDevicePerIdentityTest {

    private HubBroker broker;
    private final List<AmqpHubTransport> transports = new CopyOnWriteArrayList<>();
    private TcpProxy proxy;

    @BeforeEach
    void start() throws Exception {
        broker = HubBroker.require();
        broker.purgeAll();
    }

    @AfterEach
    void stop() {
        transports.forEach(AmqpHubTransport::close);
        if (proxy != null) {
            proxy.close();
        }
    }

    private AmqpHubTransport device(Map<String, String> settings, List<String> received) {
        AmqpHubTransport transport = new AmqpHubTransport(broker.config(settings), Clock.systemUTC());
        transports.add(transport);
        transport.start(delivery -> {
            received.add(new String(delivery.body(), StandardCharsets.UTF_8));
            return Inbound.Disposition.STORED;
        });
        return transport;
    }

    private void sendToTheTablet(String body) throws Exception {
        try (Connection admin = broker.admin(); Channel channel = admin.createChannel()) {
            channel.basicPublish("", HubBroker.TABLET + ".message",
                    new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2).build(),
                    body.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aSecondDeviceOnTheSameCertificateIsRefusedSaysWhyAndTakesOverOnlyWhenTheFirstIsGone() throws Exception {
        List<String> first = new CopyOnWriteArrayList<>();
        List<String> second = new CopyOnWriteArrayList<>();
        AmqpHubTransport holder = device(broker.settings(HubBroker.TABLET), first);
        await().atMost(Duration.ofSeconds(20)).until(() -> holder.state().isConnected());
        AmqpHubTransport intruder = new AmqpHubTransport(broker.config(broker.settings(HubBroker.TABLET)), Clock.systemUTC());
        transports.add(intruder);
        byte[] notice = "{\"notice\":\"identity in use\"}".getBytes(StandardCharsets.UTF_8);
        intruder.whenRefusedForAnother(() -> notice);
        intruder.start(delivery -> {
            second.add(new String(delivery.body(), StandardCharsets.UTF_8));
            return Inbound.Disposition.STORED;
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> intruder.state() instanceof ConnectionState.Reconnecting r
                && r.cause() == ConnectionState.Cause.IDENTITY_IN_USE);
        // The refused device tells the holder, through the Hub (here: into its dispatch queue, as this client).
        try (Connection admin = broker.admin(); Channel channel = admin.createChannel()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> channel.messageCount(HubTopology.DISPATCH) >= 1);
            var published = channel.basicGet(HubTopology.DISPATCH, true);
            assertEquals(new String(notice, StandardCharsets.UTF_8), new String(published.getBody(), StandardCharsets.UTF_8));
            assertEquals(HubBroker.TABLET, published.getEnvelope().getRoutingKey(), "as this client: nobody else could");
            Thread.sleep(3_000); // retries meanwhile: told once, not at every retry
            assertEquals(0, channel.messageCount(HubTopology.DISPATCH));
        }
        assertTrue(((ConnectionState.Reconnecting) intruder.state()).reason().contains("another device"), intruder.state().toString());

        for (int i = 0; i < 20; i++) {
            sendToTheTablet("{\"n\":" + i + "}");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> first.size() == 20);
        assertEquals(List.of(), second, "no delivery consumed by the device that was refused");
        assertTrue(!intruder.state().isConnected());

        holder.close();
        await().atMost(Duration.ofSeconds(45)).until(() -> intruder.state().isConnected());
        sendToTheTablet("{\"n\":\"after\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> second.contains("{\"n\":\"after\"}"));
        assertEquals(20, first.size(), "the device that left got nothing more");
    }

    @Test
    void aDeviceWhoseLinkCameBackAfterAnotherTookTheQueueNeverConsumesInTurnSilently() throws Exception {
        proxy = new TcpProxy("127.0.0.1", new InetSocketAddress("127.0.0.1", 5671));
        Map<String, String> throughProxy = broker.settings(HubBroker.TABLET);
        throughProxy.put("HUB_HOSTNAME", "127.0.0.1");
        throughProxy.put("HUB_PORT", String.valueOf(proxy.port()));
        throughProxy.put("HEARTBEAT_SECONDS", "2");
        List<String> first = new CopyOnWriteArrayList<>();
        List<String> second = new CopyOnWriteArrayList<>();
        AmqpHubTransport cut = device(throughProxy, first);
        await().atMost(Duration.ofSeconds(20)).until(() -> cut.state().isConnected());

        // The first device loses its link (the broker drops its connection) and stays without one until the other has
        // taken the queue: its automatic recovery, half a second later, would otherwise race the other device for
        // the queue, and on a loaded machine it won (the other then retried, refused, for a minute).
        proxy.blackhole(true);
        proxy.cut();
        AmqpHubTransport other = device(broker.settings(HubBroker.TABLET), second);
        // Refused while the broker has not yet closed the cut connection, the second device retries after 0.5-1, 1-2,
        // 2-4, 4-8 then 8-16 s: its fifth try may come 31 s after the first.
        await().atMost(Duration.ofSeconds(60)).until(() -> other.state().isConnected());
        proxy.blackhole(false); // the first device's link comes back

        // The first device's link comes back (automatic recovery or a new connection): it must not take turns.
        for (int i = 0; i < 20; i++) {
            sendToTheTablet("{\"m\":" + i + "}");
            Thread.sleep(250); // spread over the first device's recovery attempts
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> second.size() == 20);
        assertEquals(List.of(), first, "the device whose queue was taken meanwhile consumed nothing");
        assertTrue(!cut.state().isConnected(), "it does not claim to be connected: " + cut.state());

        // Once the other has gone, the first comes back whole: one retry loop, consuming and publishing again.
        other.close();
        await().atMost(Duration.ofSeconds(90)).until(() -> cut.state().isConnected());
        sendToTheTablet("{\"m\":\"back\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> first.contains("{\"m\":\"back\"}"));
        assertTrue(cut.publish("{}".getBytes(StandardCharsets.UTF_8), HubBroker.TABLET + "_back").join().isConfirmed(),
                "its taps leave again");
        Thread.sleep(2_000); // a second retry loop, if there were one, would be refused by this very connection by now
        assertTrue(cut.state().isConnected(), "still connected: " + cut.state());
    }
}
