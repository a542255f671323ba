package org.opensmur.hubsim.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opensmur.core.hub.amqp.AmqpHubTransport;
import org.opensmur.core.hub.amqp.HubBroker;
import org.opensmur.core.hub.amqp.HubTopology;
import org.opensmur.core.hub.amqp.TcpProxy;
import org.opensmur.core.hub.client.HubClient;
import org.opensmur.core.hub.client.HubEvent;
import org.opensmur.core.hub.client.ReceivedStore;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.transport.HubConfig;
import org.opensmur.core.outgoing.Built;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.status.ResourcesStatus;
import org.opensmur.hubsim.fixture.LocalBroker;

/**
 * The LRM's link freezes while the tablet's status is in flight to it (the local Hub stopped with SIGSTOP, a
 * network that holds the bytes): both ends give up on the link, and the status must arrive when the LRM is back,
 * as RabbitMQ delivers it, not be dead-lettered. Once per broker the local Hub runs on.
 */
@Tag("flow") // timed for real (heartbeats): run by ./bin/test and .ci/run, not by ./bin/test --quick
abstract class LinkFrozenMidDelivery {

    abstract LocalBroker localBroker();

    /** The vhost: on RabbitMQ one where no other broker test consumes OTHER's queues. */
    String vhost() {
        return "opensmur-test";
    }

    @Test
    void aStatusInFlightWhileTheRecipientsLinkIsFrozenArrivesAfterTheFreeze() throws Exception {
        HubBroker broker = localBroker().broker(vhost());
        // OTHER: a client id no party of the other tests consumes for good; its RC-REF is not sent (no dispatcher here).
        String recipientId = HubBroker.OTHER;
        int port = Integer.parseInt(broker.settings(recipientId).get("HUB_PORT"));
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", new InetSocketAddress("127.0.0.1", port));
             Connection admin = broker.admin(); Channel publisher = admin.createChannel()) {
            publisher.queuePurge(recipientId + ".message");
            // The recipient as the LRM simulator is: our transport and client (heartbeats every 2 s), through the proxy.
            var settings = broker.settings(recipientId);
            settings.put("HUB_PORT", String.valueOf(proxy.port()));
            HubConfig config = broker.config(settings);
            AmqpHubTransport transport = new AmqpHubTransport(config, Clock.systemUTC());
            HubCodec codec = new HubCodec();
            List<HubMessage> received = new CopyOnWriteArrayList<>();
            try (HubClient recipient = new HubClient(transport, codec, decoded -> ReceivedStore.Outcome.NEW, (message, step) -> { },
                    event -> {
                        if (event instanceof HubEvent.MessageReceived in && !in.duplicate()) {
                            received.add(in.message());
                        }
                    })) {
                recipient.start();
                waitFor(() -> transport.state().isConnected(), Duration.ofSeconds(30), "the recipient connected");

                // The tablet's status, as the dispatcher forwards it, while the recipient's link is frozen.
                Built status = OutgoingMessages.of(HubBroker.TABLET, Clock.systemUTC()).statusChange(
                        "fr.health.samu440.DRFR154402413800236", "fr.health.samu440.resource.VLM1", ResourceStatus.ARRIVEE,
                        OffsetDateTime.now(), false, recipientId);
                assertTrue(status.isValid(), status.issues().toString());
                proxy.blackhole(true);
                publisher.basicPublish(HubTopology.DISTRIBUTION, recipientId + ".message", new com.rabbitmq.client.AMQP.BasicProperties.Builder()
                        .contentType("application/json").deliveryMode(2).build(), codec.encode(status.message()));
                waitFor(() -> !transport.state().isConnected(), Duration.ofSeconds(30), "the frozen link seen as lost");
                Thread.sleep(Duration.ofSeconds(6).toMillis()); // past the broker's own heartbeat timeout (2 x 2 s): it gives up too
                assertTrue(received.isEmpty(), "nothing came through the frozen link");
                proxy.blackhole(false); // the link comes back

                try {
                    waitFor(() -> !received.isEmpty(), Duration.ofSeconds(60), "the status delivered after the freeze");
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + " (recipient " + transport.state() + "; in its queue: "
                            + publisher.queueDeclarePassive(recipientId + ".message").getMessageCount() + ", dead letters: "
                            + publisher.queueDeclarePassive(HubTopology.DISPATCH_DLQ).getMessageCount() + ")", e);
                }
                HubMessage arrived = received.get(0);
                assertEquals(status.message().distributionID(), arrived.distributionID());
                assertEquals(ResourceStatus.ARRIVEE, ((ResourcesStatus) arrived.payload()).state().status());
            }
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
