package org.opensmur.core.hub.transport;

import java.time.Instant;

/** What the crew sees of the link: connected, or trying again (when, and why), or stopped. */
public sealed interface ConnectionState {

    record Connecting(Instant since) implements ConnectionState {
    }

    record Connected(Instant since) implements ConnectionState {
    }

    /**
     * Why the link is down, for the crew's words (the screens say it in their language, with what to do);
     * {@code reason} beside it is the detail for the integrator.
     */
    enum Cause {
        /** Nothing answers at the Hub's address (no network, no coverage, wrong address). */
        UNREACHABLE,
        /** Something answered but too slowly. */
        TIMEOUT,
        /** The link was up and was cut. */
        LINK_LOST,
        /** The client library is bringing a cut link back. */
        RECOVERING,
        /** The TLS handshake failed or the Hub closed it (certificate not accepted). */
        TLS_REFUSED,
        /** The Hub refused this certificate's login. */
        LOGIN_REFUSED,
        /** A certificate not valid at the tablet's time: the tablet's clock may be wrong. */
        CLOCK,
        /** The tablet's queues do not exist on the vhost. */
        QUEUE_MISSING,
        /**
         * Another connection consumes this client id's queues (the Hub delivers a queue to one consumer):
         * another device holds this certificate. Retried: the other may stop.
         */
        IDENTITY_IN_USE,
        /** This tablet's own previous connection, cut on our side, is still open at the Hub until it times out. */
        PREVIOUS_CONNECTION,
        /** The tablet's own settings or key material (retrying cannot cure it). */
        SETTINGS,
        OTHER
    }

    /** Lost or not yet established; the next attempt is due at {@code nextAttempt}. {@code reason} is for people. */
    record Reconnecting(Instant since, Instant nextAttempt, String reason, Cause cause) implements ConnectionState {
        public Reconnecting(Instant since, Instant nextAttempt, String reason) {
            this(since, nextAttempt, reason, Cause.OTHER);
        }
    }

    /** Given up (closed by the application, or a problem that retrying cannot solve). */
    record Failed(Instant since, String reason, Cause cause) implements ConnectionState {
        public Failed(Instant since, String reason) {
            this(since, reason, Cause.SETTINGS);
        }
    }

    record Closed(Instant since) implements ConnectionState {
    }

    default boolean isConnected() {
        return this instanceof Connected;
    }
}
