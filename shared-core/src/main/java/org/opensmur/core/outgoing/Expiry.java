package org.opensmur.core.outgoing;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.opensmur.core.hub.message.MessageType;

/**
 * How long each type of message stays worth delivering ({@code dateTimeExpires} is the Hub's only TTL).
 * A position is stale within minutes; a status or a bilan matters for the whole 24 h the Hub keeps it.
 */
public final class Expiry {

    public static final Duration HUB_QUEUE_TTL = Duration.ofHours(24);
    private final Map<MessageType, Duration> byType;

    private Expiry(Map<MessageType, Duration> byType) {
        this.byType = byType;
    }

    public static Expiry defaults() {
        Map<MessageType, Duration> map = new EnumMap<>(MessageType.class);
        for (MessageType type : MessageType.values()) {
            map.put(type, type.expiry());
        }
        return new Expiry(map);
    }

    public Expiry with(MessageType type, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("expiry of " + type + " must be positive");
        }
        Map<MessageType, Duration> map = new EnumMap<>(byType);
        map.put(type, duration);
        return new Expiry(map);
    }

    public Duration of(MessageType type) {
        return byType.get(type);
    }
}
