package org.opensmur.core.hub.amqp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Coverage lost in a moving vehicle is one warning line that names the Hub; what the tablet cannot explain stays an
 * error with its stack, and a consumer the client could not recover is handed on.
 */
class LinkExceptionHandlerTest {

    private static final String HUB = "amqps://hub.esante.gouv.fr:5671/15-smur_v1.6";

    private static String logOf(Runnable reported) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            reported.run();
        } finally {
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLinkLostToTheNetworkIsOneWarningLineNamingTheHub() {
        LinkExceptionHandler handler = new LinkExceptionHandler(HUB, e -> { });
        for (Throwable lost : List.of(new com.rabbitmq.client.MissedHeartbeatException("Heartbeat missing with heartbeat = 5 seconds"),
                new java.net.SocketException("Connection reset"),
                new javax.net.ssl.SSLException("closed", new java.net.SocketException("Broken pipe")),
                new java.io.IOException("read", new java.io.EOFException()))) {
            String log = logOf(() -> handler.handleUnexpectedConnectionDriverException(null, lost));
            assertTrue(log.startsWith("WARN") || log.contains(" WARN "), lost + ": " + log);
            assertTrue(log.contains(HUB) && log.contains("reconnects"), log);
            assertEquals(1, log.strip().lines().count(), "no stack for " + lost + ": " + log);
        }
        // the recovery's attempts in a dead zone, a name that does not resolve there included
        for (Throwable unreachable : List.of(new java.net.UnknownHostException("hub.esante.gouv.fr"), new java.net.NoRouteToHostException("no route"),
                new java.io.IOException(new java.net.SocketTimeoutException("connect timed out")))) {
            String log = logOf(() -> handler.handleConnectionRecoveryException(null, unreachable));
            assertTrue(log.contains("WARN") && log.contains(HUB) && log.contains("tries again"), log);
            assertEquals(1, log.strip().lines().count(), "no stack for " + unreachable + ": " + log);
        }
    }

    @Test
    void whatTheTabletCannotExplainStaysAnErrorWithItsStackAndALostConsumerIsHandedOn() {
        List<com.rabbitmq.client.TopologyRecoveryException> handedOn = new ArrayList<>();
        LinkExceptionHandler handler = new LinkExceptionHandler(HUB, handedOn::add);
        String log = logOf(() -> handler.handleUnexpectedConnectionDriverException(null, new IllegalStateException("frame of unknown type 9")));
        assertTrue(log.contains("ERROR") && log.contains("frame of unknown type 9"), log);
        assertTrue(log.lines().anyMatch(l -> l.strip().startsWith("at ")), "its stack: " + log);
        assertFalse(LinkExceptionHandler.lostToTheNetwork(new IllegalStateException("x", new RuntimeException())));
        // a certificate refused stays an error, even when the socket was closed after it
        var refusedCertificate = new javax.net.ssl.SSLHandshakeException("PKIX path building failed");
        refusedCertificate.initCause(new java.security.cert.CertificateException("unable to find valid certification path"));
        String certificateLog = logOf(() -> handler.handleConnectionRecoveryException(null, new java.net.SocketException("closed") {
            @Override
            public synchronized Throwable getCause() {
                return refusedCertificate;
            }
        }));
        assertTrue(certificateLog.contains("ERROR") && certificateLog.lines().anyMatch(l -> l.strip().startsWith("at ")), certificateLog);
        var refused = new com.rabbitmq.client.TopologyRecoveryException("consumer not recovered", new java.io.IOException("exclusive"));
        handler.handleTopologyRecoveryException(null, null, refused);
        assertEquals(List.of(refused), handedOn);
    }
}
