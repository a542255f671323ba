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
        if (lostToTheNetwork(exception)) {
            LOG.warn("the link to {} was lost ({}): the client reconnects", hub, AmqpHubTransport.describe(exception));
        } else {
            super.handleUnexpectedConnectionDriverException(conn, exception);
        }
    }

    @Override
    public void handleTopologyRecoveryException(Connection conn, Channel ch, TopologyRecoveryException e) {
        consumersLost.accept(e);
    }

    /** A heartbeat missed, a socket reset or closed, a timeout: what a moving vehicle meets. */
    static boolean lostToTheNetwork(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof com.rabbitmq.client.MissedHeartbeatException || t instanceof java.net.SocketException
                    || t instanceof java.net.SocketTimeoutException || t instanceof java.io.EOFException
                    || t instanceof javax.net.ssl.SSLException && t.getCause() instanceof java.net.SocketException) {
                return true;
            }
        }
        return false;
    }
}
