package org.opensmur.core.tablet;

import java.time.Instant;
import org.opensmur.core.hub.message.MessageType;

/**
 * What the ledger shows of one outgoing message (no patient data: the body stays encrypted).
 * {@code modelLine}: the model line it was written in; it leaves only on a vhost of that line.
 */
public record OutboxEntry(long id, String distributionId, MessageType type, String recipient, String orderKeys,
                          DeliveryState state, Instant enqueuedAt, Instant expiresAt, int attempts, Instant sentAt,
                          Integer errorCode, String modelLine) {
}
