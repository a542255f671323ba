package org.opensmur.core.tablet;

import java.util.List;

/**
 * The delivery ledger as the core and the screens read it (the offline store's outbox): what was sent and
 * where each message is. Reads the database: called off the UI thread.
 */
public interface Ledger {

    /** The message's row, or null when there is none. */
    OutboxEntry find(String distributionId);

    /** The ledger, newest first; {@code caseId} null for every case. */
    List<OutboxEntry> list(String caseId, int limit);

    /** Every state a message went through, in order (QUEUED first: its enqueue). */
    List<DeliveryState> history(String distributionId);

    /** The encoded message, decrypted, exactly as it was enqueued. */
    byte[] body(String distributionId);

    /** The error cause the Hub or the partner gave, decrypted (may quote the message). */
    String errorDetail(String distributionId);

    /** Messages waiting to leave on this vhost's line. */
    int waiting();

    /**
     * Messages written in another model line (the vhost was changed with them queued): they wait, kept
     * whole, and are never published on this line's vhost, nor changed to fit it.
     */
    int blocked();

    /** The model line this outbox sends in (that of the vhost in use). */
    String line();
}
