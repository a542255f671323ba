package org.opensmur.core.hub.amqp;

import org.junit.jupiter.api.Tag;
import org.opensmur.core.hub.transport.ConnectionState;
import org.opensmur.core.hub.transport.HubConfig;
import org.opensmur.core.hub.transport.Inbound;
import org.opensmur.core.hub.transport.PublishOutcome;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.signing.DevCa;
import org.opensmur.signing.KeyMaterial;
import org.opensmur.signing.Pki;

/** Mutual TLS against the real RabbitMQ: who gets in, who does not, and what the crew is told. */
@Tag("rabbitmq") // on the machine's RabbitMQ, whose queues the broker tests share: one at a time
class TlsConnectionTest {

    private static HubBroker broker;

    @BeforeAll
    static void broker() {
        broker = HubBroker.require();
    }

    @Test
    void connectsWithAValidCertificate() {
        try (AmqpHubTransport transport = new AmqpHubTransport(broker.config(HubBroker.TABLET), Clock.systemUTC())) {
            transport.start(delivery -> Inbound.Disposition.RETRY_LATER);
            await().atMost(Duration.ofSeconds(20)).until(() -> transport.state().isConnected());
        }
    }

    @Test
    void aCertificateFromAnotherAuthorityIsRefused(@TempDir Path dir) throws Exception {
        DevCa stranger = DevCa.create("Stranger CA", Instant.now(), Duration.ofDays(1));
        Path store = dir.resolve("stranger.p12");
        Pki.write(stranger.client(HubBroker.TABLET, Instant.now(), Duration.ofDays(1)).keyStore(broker.password()), broker.password(), store);
        Map<String, String> settings = broker.settings(HubBroker.TABLET);
        settings.put("CERTIFICATE_PATH", store.toString());

        String reason = refusal(broker.config(settings));
        assertTrue(reason.startsWith("TLS refused"), reason);
        assertEquals(ConnectionState.Cause.TLS_REFUSED, refusalCause(broker.config(settings)));
    }

    @Test
    void anExpiredCertificateIsRefusedHereAndByTheBroker(@TempDir Path dir) throws Exception {
        DevCa ca = DevCa.load(broker.tlsDir(), broker.password());
        Instant now = Instant.now();
        DevCa.Issued expired = ca.issue(HubBroker.TABLET, Pki.Usage.CLIENT, now.minus(Duration.ofDays(30)),
                now.minus(Duration.ofDays(1)), List.of(), List.of());
        Path store = dir.resolve("expired.p12");
        Pki.write(expired.keyStore(broker.password()), broker.password(), store);
        Map<String, String> settings = broker.settings(HubBroker.TABLET);
        settings.put("CERTIFICATE_PATH", store.toString());

        String local = refusal(broker.config(settings));
        assertTrue(local.contains("expired"), local);
        try (AmqpHubTransport transport = new AmqpHubTransport(broker.config(settings), Clock.systemUTC())) {
            transport.start(delivery -> Inbound.Disposition.RETRY_LATER);
            await().atMost(Duration.ofSeconds(10)).until(() -> transport.state() instanceof ConnectionState.Reconnecting);
            // The device's clock may be what is wrong: said with the dates, and tried again, never given up.
            String reason = ((ConnectionState.Reconnecting) transport.state()).reason();
            assertTrue(reason.contains("expired on " + expired.certificate().getNotAfter().toInstant())
                    && reason.contains("valid from " + expired.certificate().getNotBefore().toInstant()), reason);
            assertTrue(((ConnectionState.Reconnecting) transport.state()).nextAttempt() != null, "a next attempt is planned");
            assertEquals(ConnectionState.Cause.CLOCK, ((ConnectionState.Reconnecting) transport.state()).cause());
        }

        // Bypassing our own check, the broker refuses it too.
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(expired.keyStore(broker.password()), broker.password());
        assertThrows(Exception.class, () -> rawTls(keys, trust()).newConnection().close());
    }

    @Test
    void aConnectionWithoutClientCertificateIsRefused() throws Exception {
        assertThrows(Exception.class, () -> rawTls(null, trust()).newConnection().close());
    }

    @Test
    void aServerWhoseNameDoesNotMatchIsRefused() throws Exception {
        // The broker's certificate names localhost and 127.0.0.1; reach it as 127.0.0.2.
        try (TcpProxy proxy = new TcpProxy("127.0.0.2", new InetSocketAddress("127.0.0.1", 5671))) {
            Map<String, String> settings = broker.settings(HubBroker.TABLET);
            settings.put("HUB_HOSTNAME", "127.0.0.2");
            settings.put("HUB_PORT", String.valueOf(proxy.port()));
            String reason = refusal(broker.config(settings));
            assertTrue(reason.startsWith("TLS refused") && reason.contains("127.0.0.2"), reason);
            assertEquals(ConnectionState.Cause.TLS_REFUSED, refusalCause(broker.config(settings)));
        }
    }

    @Test
    void aServerSignedByAnUntrustedAuthorityIsRefused(@TempDir Path dir) throws Exception {
        DevCa stranger = DevCa.create("Stranger CA", Instant.now(), Duration.ofDays(1));
        Path trust = dir.resolve("trust.pem");
        Pki.writeText(trust, Pki.pem(stranger.certificate()), false);
        Map<String, String> settings = broker.settings(HubBroker.TABLET);
        settings.put("TRUST_STORE_PATH", trust.toString());
        String reason = refusal(broker.config(settings));
        assertTrue(reason.startsWith("TLS refused"), reason);
        assertEquals(ConnectionState.Cause.TLS_REFUSED, refusalCause(broker.config(settings)));
    }

    @Test
    void theBrokerRefusesAnyRoutingKeyButTheClientsOwn() throws Exception {
        KeyManagerFactory keys = KeyMaterial.keyManagers(broker.tlsDir().resolve(HubBroker.TABLET + ".p12"), null,
                broker.password(), Instant.now());
        try (Connection connection = rawTls(keys, trust()).newConnection()) {
            Channel channel = connection.createChannel();
            channel.confirmSelect();
            channel.basicPublish(HubConfig.HUB_EXCHANGE, HubBroker.LRM, null, "{}".getBytes(StandardCharsets.UTF_8));
            Exception refused = assertThrows(Exception.class, () -> channel.waitForConfirmsOrDie(5_000));
            assertTrue(String.valueOf(refused.getMessage()).contains("ACCESS_REFUSED")
                    || String.valueOf(refused.getCause()).contains("ACCESS_REFUSED"), refused.toString());
        }
    }

    @Test
    void aQueueThatDoesNotExistIsNamed() {
        Map<String, String> settings = broker.settings(HubBroker.TABLET);
        settings.put("CLIENT_ID", "fr.health.test.nobody");
        String reason = refusal(broker.config(settings));
        assertTrue(reason.contains("fr.health.test.nobody.message"), reason);
        assertEquals(ConnectionState.Cause.QUEUE_MISSING, refusalCause(broker.config(settings)));
    }

    @Test
    void aFailedConnectionIsRetriedAndObservable() {
        Map<String, String> settings = broker.settings(HubBroker.TABLET);
        settings.put("HUB_PORT", "1"); // nothing listens there
        try (AmqpHubTransport transport = new AmqpHubTransport(broker.config(settings), Clock.systemUTC())) {
            transport.start(delivery -> Inbound.Disposition.RETRY_LATER);
            await().atMost(Duration.ofSeconds(10)).until(() -> transport.state() instanceof ConnectionState.Reconnecting);
            ConnectionState.Reconnecting state = assertInstanceOf(ConnectionState.Reconnecting.class, transport.state());
            assertTrue(state.nextAttempt().isAfter(state.since()), state.toString());
            assertTrue(state.reason().contains("no answer"), state.reason());
            assertEquals(ConnectionState.Cause.UNREACHABLE, state.cause());
            assertEquals(new PublishOutcome.Unknown("x", "not connected"), transport.publish(new byte[0], "x").join());
        }
    }

    private static String refusal(HubConfig config) {
        AmqpHubTransport transport = new AmqpHubTransport(config, Clock.systemUTC());
        try {
            Exception e = assertThrows(Exception.class, transport::connectOnce);
            return AmqpHubTransport.describe(e);
        } finally {
            transport.close();
        }
    }

    private static ConnectionState.Cause refusalCause(HubConfig config) {
        AmqpHubTransport transport = new AmqpHubTransport(config, Clock.systemUTC());
        try {
            return AmqpHubTransport.causeOf(assertThrows(Exception.class, transport::connectOnce));
        } finally {
            transport.close();
        }
    }

    private static TrustManagerFactory trust() {
        return broker.trust();
    }

    private static ConnectionFactory rawTls(KeyManagerFactory keys, TrustManagerFactory trust) throws Exception {
        return broker.rawTls(keys, trust);
    }

    @Test
    void aTabletWhoseClockIsOneDayBehindKeepsTryingAndConnectsOnceTheClockIsRight() {
        // The broker's certificates were issued today: by a clock one day behind, ours is not valid yet.
        org.opensmur.core.testing.MutableClock clock = new org.opensmur.core.testing.MutableClock(Instant.now().minus(Duration.ofDays(1)));
        try (AmqpHubTransport transport = new AmqpHubTransport(broker.config(HubBroker.TABLET), clock)) {
            transport.start(delivery -> Inbound.Disposition.RETRY_LATER);
            await().atMost(Duration.ofSeconds(10)).until(() -> transport.state() instanceof ConnectionState.Reconnecting);
            String reason = ((ConnectionState.Reconnecting) transport.state()).reason();
            assertTrue(reason.contains("is not valid before") && reason.contains("clock"), reason);

            clock.advance(Duration.ofDays(1)); // NTP sets the clock right
            await().atMost(Duration.ofSeconds(20)).until(() -> transport.state().isConnected());
        }
    }
}
