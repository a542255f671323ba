package org.opensmur.tablet.owed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.tablet.DeliveryState;
import org.opensmur.core.tablet.DraftStore;
import org.opensmur.core.tablet.OutboxEntry;

/**
 * The acknowledgements the tablet is owed, with a deadline: what the SAMU (or the ORU) must integrate, and
 * has not said it did ([DST] §3.3.2: until the RC-REF arrives the sender treats the message as not delivered
 * and tells its users, who may contact the recipient directly). Each type has its deadline, counted from the
 * crew's action (the message's enqueuing). What the crew did about one (sent it again, or gave it by radio)
 * is kept, encrypted, in the drafts, so that it survives a restart and is never asked again.
 */
public final class OwedAcknowledgements {

    /** What the crew did about an owed acknowledgement. */
    public enum Settled { GIVEN_BY_RADIO, SENT_AGAIN }

    /** An owed acknowledgement past its deadline: the message, and how long since the crew's action. */
    public record Overdue(OutboxEntry entry, Duration since) {
    }

    private static final String KEY = "owed:settled";
    private static final Map<MessageType, Duration> DEADLINES = Map.of(
            MessageType.RS_SR, Duration.ofMinutes(2),   // a status: the regulation follows the vehicle by it
            MessageType.RS_RI, Duration.ofMinutes(2),   // the engagement's answer
            MessageType.RS_URL, Duration.ofMinutes(5),
            MessageType.RS_BPV, Duration.ofMinutes(5),  // a bilan
            MessageType.RS_RPIS, Duration.ofMinutes(10)); // the ORU's record, at the end of the mission

    private final DraftStore drafts;

    public OwedAcknowledgements(DraftStore drafts) {
        this.drafts = drafts;
    }

    /** The deadline of {@code type}'s acknowledgement; empty for a type that owes none (positions, RC-REF...). */
    public static Optional<Duration> deadline(MessageType type) {
        return Optional.ofNullable(DEADLINES.get(type));
    }

    /**
     * Of {@code entries}, those past their type's deadline at {@code now} and still not acknowledged (queued or
     * sent: a final state, refused or not delivered, is already told as such), the crew having done nothing
     * about them ({@code settled}); oldest first.
     */
    public static List<Overdue> overdue(List<OutboxEntry> entries, Map<String, Settled> settled, Instant now) {
        List<Overdue> found = new ArrayList<>();
        for (OutboxEntry e : entries) {
            Optional<Duration> deadline = deadline(e.type());
            if (deadline.isEmpty() || settled.containsKey(e.distributionId())
                    || (e.state() != DeliveryState.QUEUED && e.state() != DeliveryState.SENT)) {
                continue;
            }
            Duration since = Duration.between(e.enqueuedAt(), now);
            if (since.compareTo(deadline.get()) >= 0) {
                found.add(new Overdue(e, since));
            }
        }
        found.sort(java.util.Comparator.comparing(o -> o.entry().enqueuedAt()));
        return found;
    }

    /** What the crew did, by distribution id. I/O: off the UI thread. */
    public Map<String, Settled> settled() {
        Map<String, Settled> settled = new HashMap<>();
        drafts.load(KEY).orElse(Map.of()).forEach((id, how) -> settled.put(id, Settled.valueOf(how)));
        return settled;
    }

    /** Records what the crew did about {@code distributionId}'s acknowledgement. I/O: off the UI thread. */
    public synchronized void settle(String distributionId, Settled how) {
        Map<String, String> all = new HashMap<>(drafts.load(KEY).orElse(Map.of()));
        all.put(distributionId, how.name());
        drafts.save(KEY, all);
    }
}
