package org.opensmur.core.hub.transport;

/**
 * Receives what the Hub delivers. Called on the transport's consumer thread, one delivery at a time per
 * queue. The delivery is acknowledged to the broker only when this returns {@link Disposition#STORED}.
 */
@FunctionalInterface
public interface Inbound {

    enum Disposition {
        /** Durably stored (or recognised as already stored): ack it, the Hub may forget it. */
        STORED,
        /** Malformed or invalid: reject without requeue (the Hub then tells the sender, error 500). */
        REJECTED,
        /** A local fault (disk full, database locked): give it back to the broker and try again later. */
        RETRY_LATER
    }

    Disposition onDelivery(Delivery delivery);
}
