package org.opensmur.store.outbox;

import java.time.Duration;
import org.opensmur.core.geo.GeoPositionsUpdate;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;

/**
 * How the outbox orders, prioritises and thins messages. Order keys: a message never leaves before an
 * earlier one sharing a key (its case, its resource). Priority: among messages free to leave,
 * engagement replies, statuses and acknowledgements first, then bilans, documents and RPIS, positions last.
 *
 * @param positionTrack null: only the latest queued fix per resource is sent; otherwise queued fixes
 *                      are thinned to one per this interval (a track)
 * @param retention     how long sent and final rows are kept before the purge job removes them
 */
public record OutboxPolicy(Duration positionTrack, Duration retention, Duration maxRetryDelay) {

    public static OutboxPolicy defaults() {
        return new OutboxPolicy(null, Duration.ofDays(7), Duration.ofSeconds(60));
    }

    public int priority(HubMessage message) {
        return message.type().outboxPriority();
    }

    /** Space-separated keys this message is ordered by (declared with its type: {@link MessageType#orderKeys}). */
    public String orderKeys(HubMessage message) {
        return String.join(" ", message.type().orderKeys(message.payload(), message.distributionID()));
    }

    /** The key under which queued positions replace each other (null when not a position). */
    public String coalesceKey(HubMessage message) {
        return message.payload() instanceof GeoPositionsUpdate positions && positions.position().size() == 1
                ? positions.position().get(0).resourceId() : null;
    }

    public Duration retryDelay(int attempts) {
        long millis = Math.min(maxRetryDelay.toMillis(), 1_000L << Math.min(attempts, 10));
        return Duration.ofMillis(millis);
    }
}
