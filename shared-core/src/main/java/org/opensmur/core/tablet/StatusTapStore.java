package org.opensmur.core.tablet;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.opensmur.core.status.ResourceStatus;

/**
 * The crew's status taps of each mission, one typed row per tap in the order tapped. Written within the
 * work that queues the tap's RS-SR (a tap is in both or in neither); what was tapped and when is kept sealed.
 */
public interface StatusTapStore {

    /**
     * One tap as kept: the status, when the crew tapped it, the message that carries it (or a local id, no
     * message: a case shared without engagement), when the crew took it back (null: it stands; its message stays
     * sent: a correction is a new message), whether it is itself the status a correction sent again, and the
     * message it was last sent again in (null: never; the crew's "send again" of a status not confirmed in time).
     */
    record Row(ResourceStatus status, OffsetDateTime at, String distributionId, Instant correctedAt, boolean correction,
               String resentAs) {

        public Row(ResourceStatus status, OffsetDateTime at, String distributionId, Instant correctedAt, boolean correction) {
            this(status, at, distributionId, correctedAt, correction, null);
        }
    }

    /** Appends the taps, in order (within the caller's transaction if there is one). */
    void append(String caseId, List<Row> taps);

    /** Marks a tap taken back at {@code at}; there must be one. */
    void markCorrected(String distributionId, Instant at);

    /**
     * The message {@code previous} was sent again as {@code again}: the tap it carries (its own message, or one
     * it was sent again in before) now follows {@code again}. Says whether {@code previous} carried a tap.
     */
    boolean resent(String previous, String again);

    /** The taps of a mission, in the order tapped; none when it has none (or was purged). */
    List<Row> of(String caseId);
}
