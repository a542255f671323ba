package org.opensmur.core.hub.transport;

import java.time.Instant;

/** What the crew sees of the link: connected, or trying again (when, and why), or stopped. */
public sealed interface ConnectionState {

    record Connecting(Instant since) implements ConnectionState {
    }

    record Connected(Instant since) implements ConnectionState {
    }

    /** Lost or not yet established; the next attempt is due at {@code nextAttempt}. {@code reason} is for people. */
    record Reconnecting(Instant since, Instant nextAttempt, String reason) implements ConnectionState {
    }

    /** Given up (closed by the application, or a problem that retrying cannot solve). */
    record Failed(Instant since, String reason) implements ConnectionState {
    }

    record Closed(Instant since) implements ConnectionState {
    }

    default boolean isConnected() {
        return this instanceof Connected;
    }
}
