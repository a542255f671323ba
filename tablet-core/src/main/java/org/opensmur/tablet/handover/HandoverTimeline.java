package org.opensmur.tablet.handover;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.tablet.OutboxEntry;
import org.opensmur.tablet.care.CareGiven;
import org.opensmur.tablet.mission.Tap;
import org.opensmur.tablet.mission.Timeline;

/**
 * The whole of a patient's mission in time order, for the handover at the emergency department: the
 * statuses that stand (the core's {@link Timeline}), each vitals series, the acts and drugs given, and the
 * messages sent about the case (statuses are already their RS-SRs: not said twice).
 */
public final class HandoverTimeline {

    private HandoverTimeline() {
    }

    /** A vitals series as the bilan describes it, at the time it was taken. */
    public record Series(OffsetDateTime taken, String described) {
    }

    /** A message sent about the case, when it was written and what became of it ("reçu par le SAMU"). */
    public record Sent(OffsetDateTime at, MessageType type, String state) {
    }

    /**
     * Everything in order: by minute, then statuses, vitals, acts, drugs and messages within a minute, then by time.
     *
     * @param statuses the mission's statuses (empty when no mission is open)
     */
    public static List<HandoverEntry> assemble(Optional<Timeline> statuses, List<Series> vitals, List<CareGiven> given, List<Sent> sent) {
        return assemble(statuses, org.opensmur.core.status.ResourceStatus::label, vitals, given, sent);
    }

    /** The same, each status in the words the screen gives it ({@code statusWords}), each message by its code. */
    public static List<HandoverEntry> assemble(Optional<Timeline> statuses, java.util.function.Function<org.opensmur.core.status.ResourceStatus, String> statusWords,
                                               List<Series> vitals, List<CareGiven> given, List<Sent> sent) {
        return assemble(statuses, statusWords, MessageType::code, vitals, given, sent);
    }

    /** The same, each message in the words the screen gives its type ({@code typeWords}: "Bilan", not "RS-BPV"). */
    public static List<HandoverEntry> assemble(Optional<Timeline> statuses, java.util.function.Function<org.opensmur.core.status.ResourceStatus, String> statusWords,
                                               java.util.function.Function<MessageType, String> typeWords,
                                               List<Series> vitals, List<CareGiven> given, List<Sent> sent) {
        List<HandoverEntry> all = new ArrayList<>();
        statuses.ifPresent(t -> {
            for (Tap tap : t.standing()) {
                all.add(new HandoverEntry(tap.at(), HandoverEntry.Kind.STATUS, statusWords.apply(tap.status())));
            }
        });
        vitals.forEach(s -> all.add(new HandoverEntry(s.taken(), HandoverEntry.Kind.VITALS, s.described())));
        given.forEach(g -> all.add(new HandoverEntry(g.at(), g.kind() == CareGiven.Kind.ACT ? HandoverEntry.Kind.ACT : HandoverEntry.Kind.DRUG,
                g.what())));
        sent.stream().filter(s -> s.type() != MessageType.RS_SR)
                .forEach(s -> all.add(new HandoverEntry(s.at(), HandoverEntry.Kind.MESSAGE, typeWords.apply(s.type()) + (s.state() == null ? "" : " · " + s.state()))));
        // Times are known to the minute (as shown, as the crew corrects them): within a minute, the status first
        // (on scene, then care), then the vitals, the acts, the drugs, and the messages that report them.
        all.sort(Comparator.comparing((HandoverEntry e) -> e.at().toInstant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES))
                .thenComparing(HandoverEntry::kind).thenComparing(e -> e.at().toInstant()));
        return List.copyOf(all);
    }

    /** The ledger's entries of the case as {@link Sent}, at the zone of {@code at} (oldest first). */
    public static List<Sent> sent(List<OutboxEntry> ledger, java.time.ZoneId zone, java.util.function.Function<OutboxEntry, String> state) {
        List<Sent> all = new ArrayList<>();
        for (OutboxEntry entry : ledger) {
            all.add(new Sent(entry.enqueuedAt().atZone(zone).toOffsetDateTime(), entry.type(), state.apply(entry)));
        }
        all.sort(Comparator.comparing(Sent::at));
        return all;
    }
}
