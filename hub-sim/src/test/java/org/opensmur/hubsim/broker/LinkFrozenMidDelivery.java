package org.opensmur.hubsim.broker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Delivery;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opensmur.core.hub.amqp.HubBroker;
import org.opensmur.core.hub.amqp.HubTopology;
import org.opensmur.core.hub.amqp.TcpProxy;
import org.opensmur.hubsim.fixture.LocalBroker;
import org.opensmur.signing.KeyMaterial;

/**
 * A recipient's link freezes while a message is delivered to it and not yet acknowledged (the LRM's connection
 * when the local Hub was stopped with SIGSTOP): the broker gives up on the link, and the message must come again
 * when the recipient is back, as RabbitMQ does, not be dead-lettered. Once per broker the local Hub runs on.
 */
@Tag("flow") // timed for real (heartbeats): run by ./bin/test and .ci/run, not by ./bin/test --quick
abstract class LinkFrozenMidDelivery {

    abstract LocalBroker localBroker();

    @Test
    void aMessageDeliveredWhileTheRecipientsLinkFreezesComesAgainAfterTheFreeze() throws Exception {
        HubBroker broker = localBroker().broker();
        // OTHER: a client id no party of the other tests consumes for good.
        String queue = HubBroker.OTHER + ".message";
        int port = Integer.parseInt(broker.settings(HubBroker.OTHER).get("HUB_PORT"));
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", new InetSocketAddress("127.0.0.1", port));
             Connection admin = broker.admin(); Channel publisher = admin.createChannel()) {
            byte[] body = ("frozen-mid-delivery " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
            ConnectionFactory factory = broker.rawTls(KeyMaterial.keyManagers(broker.tlsDir().resolve(HubBroker.OTHER + ".p12"), null,
                    broker.password(), Instant.now()), broker.trust());
            factory.setPort(proxy.port());
            factory.setRequestedHeartbeat(2);
            factory.setAutomaticRecoveryEnabled(true); // as our transport: the link and its consumer come back
            factory.setNetworkRecoveryInterval(500);
            List<Delivery> deliveries = new CopyOnWriteArrayList<>();
            Connection recipient = factory.newConnection("frozen-recipient");
            try {
                Channel channel = recipient.createChannel();
                channel.basicConsume(queue, false, (tag, delivery) -> {
                    if (java.util.Arrays.equals(delivery.getBody(), body)) {
                        deliveries.add(delivery);
                        if (deliveries.size() > 1) {
                            channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false); // the second time it is taken
                        }
                    }
                }, tag -> { });
                publisher.basicPublish(HubTopology.DISTRIBUTION, queue, null, body);
                waitFor(() -> deliveries.size() == 1, Duration.ofSeconds(10), "delivered once");

                proxy.blackhole(true); // frozen, unacknowledged: the broker stops hearing the recipient
                waitFor(() -> !recipient.isOpen(), Duration.ofSeconds(30), "the frozen link given up");
                Thread.sleep(Duration.ofSeconds(6).toMillis()); // past the broker's own heartbeat timeout (2 x 2 s)
                proxy.blackhole(false); // the link comes back

                waitFor(() -> deliveries.size() >= 2, Duration.ofSeconds(40), "delivered again after the freeze");
                assertArrayEquals(body, deliveries.get(1).getBody());
                assertTrue(deliveries.get(1).getEnvelope().isRedeliver(), "marked as a redelivery");
            } finally {
                recipient.abort();
            }
            assertFalse(publisher.basicGet(queue, true) != null && deliveries.size() < 2, "nothing left behind");
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration within, String what) throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within " + within.toSeconds() + " s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
