package org.opensmur.hubsim.broker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Connection;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.core.hub.amqp.HubBroker;
import org.opensmur.hubsim.fixture.LocalBroker;
import org.opensmur.signing.DevCa;
import org.opensmur.signing.KeyMaterial;
import org.opensmur.signing.Pki;

/**
 * The embedded broker speaks to clients as the Hub does: mutual TLS with the login taken from the
 * certificate (SASL EXTERNAL), and nothing for a client the Hub's authority did not certify.
 */
class EmbeddedHubTest {

    private final HubBroker broker = LocalBroker.EMBEDDED.broker();

    /**
     * A port the broker cannot open fails its start, naming it: the broker otherwise said "ready" without it, and the
     * demo then failed on a refused connection. (A port found free beforehand was taken before the broker bound it,
     * once in the suite: the local Hub now lets the system choose at the bind.)
     */
    @Test
    void aHubWhosePortIsTakenDoesNotStartAndAHubOnChosenPortsAnswersWhereItSays(@TempDir Path dir) throws Exception {
        java.util.List<String> clients = java.util.List.of(HubBroker.TABLET);
        EmbeddedHub.issueLocal(dir, clients);
        char[] password = java.nio.file.Files.readString(dir.resolve("password")).strip().toCharArray();
        java.net.InetAddress loopback = java.net.InetAddress.getByName("127.0.0.1"); // where the broker binds
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, loopback)) {
            java.io.IOException refused = assertThrows(java.io.IOException.class, () -> EmbeddedHub.start(dir, password,
                    taken.getLocalPort(), 0, "taken", dir.resolve("qpid-taken")));
            assertTrue(refused.getMessage().contains("AMQPS port (asked " + taken.getLocalPort() + ", state ERRORED)"), refused.getMessage());
        }
        try (EmbeddedHub hub = EmbeddedHub.startLocalOn(dir, clients, "chosen")) {
            assertTrue(hub.tlsPort() > 0 && hub.adminUri().matches("amqp://guest:guest@127\\.0\\.0\\.1:[1-9][0-9]*/chosen"), hub.adminUri());
            try (java.net.Socket tls = new java.net.Socket(loopback, hub.tlsPort())) {
                assertTrue(tls.isConnected(), "the broker listens where it says");
            }
        }
    }

    @Test
    void aCertifiedClientLogsInWithSaslExternal() throws Exception {
        try (Connection connection = broker.rawTls(KeyMaterial.keyManagers(broker.tlsDir().resolve(HubBroker.TABLET + ".p12"), null,
                broker.password(), Instant.now()), broker.trust()).newConnection()) {
            assertTrue(connection.isOpen());
        }
    }

    /**
     * As RabbitMQ (handshake_timeout, 10 s): a client slow to start TLS and send the AMQP header (a loaded machine, a
     * slow link) is still served after 3 s. Qpid's own default, 2 s, closed it "as possible DoS", and the demo then
     * said the party's certificate was refused.
     */
    @Test
    void aClientSlowToGreetIsServedAsRabbitMqWould() throws Exception {
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(KeyMaterial.keyManagers(broker.tlsDir().resolve(HubBroker.TABLET + ".p12"), null, broker.password(), Instant.now())
                .getKeyManagers(), broker.trust().getTrustManagers(), null);
        int port = broker.config(HubBroker.TABLET).port();
        try (java.net.Socket tcp = new java.net.Socket("localhost", port)) {
            Thread.sleep(3_000); // connected, silent
            try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) tls.getSocketFactory().createSocket(tcp, "localhost", port, true)) {
                socket.setSoTimeout(5_000);
                socket.startHandshake();
                socket.getOutputStream().write(new byte[] {'A', 'M', 'Q', 'P', 0, 0, 9, 1});
                socket.getOutputStream().flush();
                assertEquals(1, socket.getInputStream().read(), "the broker answers with connection.start (a method frame)");
            }
        }
    }

    @Test
    void aClientWithoutCertificateIsRefused() throws Exception {
        var factory = broker.rawTls(null, broker.trust());
        assertThrows(Exception.class, factory::newConnection);
    }

    @Test
    void aCertificateFromAnotherAuthorityIsRefused(@TempDir Path dir) throws Exception {
        DevCa stranger = DevCa.create("Stranger CA", Instant.now(), Duration.ofDays(1));
        Path store = dir.resolve("stranger.p12");
        Pki.write(stranger.client(HubBroker.TABLET, Instant.now(), Duration.ofDays(1)).keyStore(broker.password()), broker.password(), store);
        var factory = broker.rawTls(KeyMaterial.keyManagers(store, null, broker.password(), Instant.now()), broker.trust());
        assertThrows(Exception.class, factory::newConnection);
    }

    /**
     * As RabbitMQ does: a delivery whose consumer's connection dies unacknowledged is delivered again (it was
     * dead-lettered at once when the queues allowed one attempt, and a status tapped while the LRM's link froze
     * never reached the LRM); a delivery the consumer rejects still goes to the dead letters, where the Hub's
     * dispatcher reports it.
     */
    @Test
    void aDeliveryLostWithItsConsumersConnectionIsDeliveredAgainAndARejectedOneIsDeadLettered() throws Exception {
        String queue = HubBroker.OTHER + ".message";
        try (Connection admin = broker.admin(); com.rabbitmq.client.Channel channel = admin.createChannel()) {
            channel.queuePurge(queue);
            channel.queuePurge(org.opensmur.core.hub.amqp.HubTopology.DISPATCH_DLQ);
            byte[] body = ("lost-then-found " + System.nanoTime()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            channel.basicPublish(org.opensmur.core.hub.amqp.HubTopology.DISTRIBUTION, queue, null, body);

            // Delivered, then the consumer's connection dies before the acknowledgement.
            Connection lost = broker.admin();
            com.rabbitmq.client.Channel first = lost.createChannel();
            java.util.concurrent.CompletableFuture<byte[]> firstDelivery = new java.util.concurrent.CompletableFuture<>();
            first.basicConsume(queue, false, (tag, delivery) -> firstDelivery.complete(delivery.getBody()), tag -> { });
            assertArrayEquals(body, firstDelivery.get(10, java.util.concurrent.TimeUnit.SECONDS));
            lost.abort();

            // The consumer that comes back (as the LRM does when its link is up again) gets it.
            com.rabbitmq.client.Channel second = admin.createChannel();
            java.util.concurrent.CompletableFuture<com.rabbitmq.client.Delivery> secondDelivery = new java.util.concurrent.CompletableFuture<>();
            String consumer = second.basicConsume(queue, false, (tag, delivery) -> secondDelivery.complete(delivery), tag -> { });
            com.rabbitmq.client.Delivery again = secondDelivery.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertArrayEquals(body, again.getBody(), "delivered again to the next consumer");
            assertTrue(again.getEnvelope().isRedeliver());
            assertNull(channel.basicGet(org.opensmur.core.hub.amqp.HubTopology.DISPATCH_DLQ, true), "not dead-lettered");

            // Given back (a tablet whose store could not write it: "retry later"): delivered again, as RabbitMQ does.
            second.basicCancel(consumer);
            second.basicNack(again.getEnvelope().getDeliveryTag(), false, true);
            com.rabbitmq.client.Channel third = admin.createChannel();
            java.util.concurrent.CompletableFuture<com.rabbitmq.client.Delivery> thirdDelivery = new java.util.concurrent.CompletableFuture<>();
            String consumerAgain = third.basicConsume(queue, false, (tag, delivery) -> thirdDelivery.complete(delivery), tag -> { });
            com.rabbitmq.client.Delivery givenBack = thirdDelivery.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertArrayEquals(body, givenBack.getBody(), "a delivery given back comes again");
            assertNull(channel.basicGet(org.opensmur.core.hub.amqp.HubTopology.DISPATCH_DLQ, true), "not dead-lettered");

            third.basicCancel(consumerAgain);
            third.basicReject(givenBack.getEnvelope().getDeliveryTag(), false);
            com.rabbitmq.client.GetResponse dead = null;
            for (long until = System.nanoTime() + Duration.ofSeconds(10).toNanos(); dead == null && System.nanoTime() < until; ) {
                dead = channel.basicGet(org.opensmur.core.hub.amqp.HubTopology.DISPATCH_DLQ, true);
                if (dead == null) {
                    Thread.sleep(50);
                }
            }
            assertNotNull(dead, "a rejected delivery goes to the dead letters");
            assertArrayEquals(body, dead.getBody());
            assertNull(channel.basicGet(queue, true), "and leaves the queue");
        }
    }
}
