package org.opensmur.core.hub.transport;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The tablet's link to the Hub, as the rest of the application sees it: no AMQP type crosses this
 * interface. One implementation speaks AMQP 0-9-1 over mutual TLS ({@code hub.amqp.AmqpHubTransport});
 * {@link org.opensmur.core.hub.HubTransports} picks it.
 */
public interface HubTransport extends AutoCloseable {

    /** Connects (retrying until it succeeds or {@link #close()}) and starts consuming into {@code inbound}. */
    void start(Inbound inbound);

    /**
     * Publishes one encoded message. The future always completes, with exactly one outcome: confirmed by
     * the broker, nacked, or unknown (connection lost or confirm too late). Never completes exceptionally.
     */
    CompletableFuture<PublishOutcome> publish(byte[] body, String distributionId);

    ConnectionState state();

    /**
     * What to publish, as this client, when the broker refuses its queues because another connection holds
     * them: a word for the device that holds them (the Hub routes it to this client's own queues, which that
     * device reads). Published at most every few minutes; null or never set: nothing.
     */
    default void whenRefusedForAnother(java.util.function.Supplier<byte[]> notice) {
    }

    /** Called on every state change (on a transport thread: hand over to the UI thread if needed). */
    void onStateChange(Consumer<ConnectionState> listener);

    @Override
    void close();
}
