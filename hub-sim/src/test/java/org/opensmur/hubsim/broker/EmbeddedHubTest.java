package org.opensmur.hubsim.broker;

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

    @Test
    void aCertifiedClientLogsInWithSaslExternal() throws Exception {
        try (Connection connection = broker.rawTls(KeyMaterial.keyManagers(broker.tlsDir().resolve(HubBroker.TABLET + ".p12"), null,
                broker.password(), Instant.now()), broker.trust()).newConnection()) {
            assertTrue(connection.isOpen());
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
}
