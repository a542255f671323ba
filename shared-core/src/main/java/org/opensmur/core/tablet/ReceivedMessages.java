package org.opensmur.core.tablet;

import java.time.Instant;
import java.util.List;
import org.opensmur.core.hub.codec.Decoded;

/**
 * What the tablet received, as kept (the store's inbox, which keeps it through the Hub client's
 * {@code ReceivedStore}): read again by the mission core (a request still ringing after a restart) and the journal.
 */
public interface ReceivedMessages {

    /** One received message as the journal lists it (no body: its type, case and time only). */
    record Received(String distributionId, String type, String caseId, Instant receivedAt) {
    }

    /** The {@code limit} messages received last, newest first (kept across restarts). */
    List<Received> recent(int limit);

    /** The messages kept about {@code caseId}, newest first. */
    List<Received> about(String caseId);

    /** A kept message, decoded again from what was received; null when none is kept under that id. */
    Decoded read(String distributionId);

    /** How many copies about {@code caseId} are kept apart, never applied (other content, or from a party not steering it). */
    int conflictCount(String caseId);
}
