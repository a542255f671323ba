package org.opensmur.core.hub.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opensmur.core.hub.codec.ContentDigest;
import org.opensmur.core.hub.codec.Decoded;

/**
 * Durable storage of received messages (the offline store's inbox). {@link #store} must have committed
 * the message before it returns: only then is the delivery acknowledged to the Hub.
 */
@FunctionalInterface
public interface ReceivedStore {

    /** What storing a received message found. */
    enum Outcome {
        /** Never seen: stored, to be acted on. */
        NEW,
        /** The same distributionID with the same content: a redelivery or a republication, no second effect. */
        REDELIVERY,
        /** The same distributionID with other content: kept apart, never applied, refused to its sender. */
        CONFLICT,
        /**
         * Other content again, beyond what is kept apart (copies per distributionID, bytes per sender): not
         * stored, refused to its sender this once; later copies are {@link #DROPPED}.
         */
        OVER_QUOTA,
        /** Beyond the quota and already refused once: not stored, not answered (a flood is not answered in kind). */
        DROPPED,
        /**
         * About a case its sender does not own ({@code Steering}): kept apart, never applied, refused to its
         * sender (703) and said to the crew.
         */
        FOREIGN
    }

    /**
     * Stores a readable received message keyed by its distributionID and the digest of its content.
     *
     * @throws RuntimeException when it could not be stored: the delivery is given back and retried later
     */
    Outcome store(Decoded message);

    /** Received ids and digests kept in memory (simulators and tools; the tablet's store is durable). */
    static ReceivedStore inMemory() {
        Map<String, String> digests = new ConcurrentHashMap<>();
        return decoded -> {
            String digest = ContentDigest.of(decoded.tree());
            String before = digests.putIfAbsent(decoded.envelope().distributionID(), digest);
            return before == null ? Outcome.NEW : before.equals(digest) ? Outcome.REDELIVERY : Outcome.CONFLICT;
        };
    }
}
