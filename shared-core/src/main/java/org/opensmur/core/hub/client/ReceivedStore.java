package org.opensmur.core.hub.client;

import org.opensmur.core.hub.codec.Decoded;

/**
 * Durable storage of received messages (the offline store's inbox). {@link #store} must have committed
 * the message before it returns: only then is the delivery acknowledged to the Hub.
 */
@FunctionalInterface
public interface ReceivedStore {

    /**
     * Stores a readable received message keyed by its distributionID.
     *
     * @return true when new, false when this distributionID was already stored (a redelivery or a duplicate)
     * @throws RuntimeException when it could not be stored: the delivery is given back and retried later
     */
    boolean store(Decoded message);
}
