package org.opensmur.core.hub.amqp;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.TopologyRecoveryException;
import com.rabbitmq.client.impl.ForgivingExceptionHandler;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the AMQP client reports of a connection it runs on its own. A link lost to the network (no heartbeat, a
 * reset, a closed socket: a tunnel, a dead zone) is the tablet's daily life: one warning line naming the Hub and why,
 * not the client's ERROR with its stack each time coverage drops (the connection state says the rest, and automatic
 * recovery brings it back). Anything else stays an error, with its stack. A consumer that could not be recovered goes
 * to {@code consumersLost}.
 */
final class LinkExceptionHandler extends ForgivingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LinkExceptionHandler.class);
    private final String hub;
    private final Consumer<TopologyRecoveryException> consumersLost;

    LinkExceptionHandler(String hub, Consumer<TopologyRecoveryException> consumersLost) {
        this.hub = hub;
        this.consumersLost = consumersLost;
    }

    @Override
    public void handleUnexpectedConnectionDriverException(Connection conn, Throwable exception) {
        if (!saidAsLost(exception, "the link to {} was lost ({}): the client reconnects")) {
            super.handleUnexpectedConnectionDriverException(conn, exception);
        }
    }

    /** Each attempt of the automatic recovery that the network refused: one line each, as the backoff spaces them. */
    @Override
    public void handleConnectionRecoveryException(Connection conn, Throwable exception) {
        if (!saidAsLost(exception, "{} still out of reach ({}): the client tries again")) {
            super.handleConnectionRecoveryException(conn, exception);
        }
    }

    /** A loss to the network, said in one line ({@code words}: the Hub, then why); false for anything else. */
    private boolean saidAsLost(Throwable exception, String words) {
        if (!lostToTheNetwork(exception)) {
            return false;
        }
        LOG.warn(words, hub, AmqpHubTransport.describe(exception));
        return true;
    }

    @Override
    public void handleTopologyRecoveryException(Connection conn, Channel ch, TopologyRecoveryException e) {
        consumersLost.accept(e);
    }

    /**
     * A heartbeat missed, a socket reset, refused or closed, a timeout, a name that does not resolve: what a moving
     * vehicle meets. Never a certificate refused, whatever the socket did after it: that one stays an error.
     */
    static boolean lostToTheNetwork(Throwable exception) {
        boolean network = false;
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof java.security.cert.CertificateException || t instanceof javax.net.ssl.SSLHandshakeException) {
                return false;
            }
            network |= t instanceof com.rabbitmq.client.MissedHeartbeatException || t instanceof java.net.SocketException
                    || t instanceof java.net.SocketTimeoutException || t instanceof java.io.EOFException
                    || t instanceof java.net.UnknownHostException;
        }
        return network;
    }
}
