package org.opensmur.oru.consolidate;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges a version into a record, field by field:
 * <ul>
 *   <li>a field the record lacks is taken, with its provenance;</li>
 *   <li>the same value again (a copy, the LRM's copy of the tablet's record, a redelivery) changes nothing;
 *       times are the same when they name the same instant, whatever their offset;</li>
 *   <li>another sender giving the same value agrees with it: copies that agree are one value;</li>
 *   <li>a later version of a sender the value came from (its first sender or one that agreed) supersedes it,
 *       one sent in the same second too (it was received after); an earlier one arriving late is kept in the
 *       history only;</li>
 *   <li>another sender's differing value is flagged as a conflict beside the value, never written over it;
 *       it is resolved when either side comes to agree.</li>
 * </ul>
 * A field a version leaves out is left as it was: nothing says it was withdrawn.
 */
public final class Consolidation {

    /** The fields that change (to be written) and what happened to each. */
    public record Result(Map<String, FieldState> changed, List<Change> changes) {

        public boolean changedAnything() {
            return !changed.isEmpty();
        }
    }

    private Consolidation() {
    }

    public static Result apply(Map<String, FieldState> current, Version version) {
        Map<String, FieldState> changed = new LinkedHashMap<>();
        List<Change> changes = new ArrayList<>();
        String sender = version.senderId();
        for (Map.Entry<String, JsonNode> field : version.fields().entrySet()) {
            String path = field.getKey();
            JsonNode value = field.getValue();
            FieldState now = current.get(path);
            if (now == null) {
                changed.put(path, new FieldState(path, value, sender, version.distributionId(), version.sentAt(), null, null, null));
                changes.add(new Change(path, Change.Kind.SET, null, value));
                continue;
            }
            if (same(now.value(), value)) {
                boolean resolves = now.inConflict() && sender.equals(now.conflictSource());
                if (resolves || !sender.equals(now.source())) {
                    // another sender gives the record's value: one value, which it may correct later as its own
                    FieldState agreed = new FieldState(path, now.value(), now.source(), now.distributionId(), now.sentAt(),
                            resolves ? null : now.conflictValue(), resolves ? null : now.conflictSource(), agreeing(now, version));
                    if (!agreed.equals(now)) {
                        changed.put(path, agreed);
                    }
                }
                if (resolves) {
                    // the sender that disagreed now gives the record's value: agreed again
                    changes.add(new Change(path, Change.Kind.RESOLVED, now.conflictValue(), value));
                }
                continue;
            }
            Instant own = ownSentAt(now, sender);
            if (own != null) {
                // a sender correcting the value it gave (first, or as an agreeing copy): the latest of its versions wins
                if (version.sentAt().isBefore(own)) {
                    changes.add(new Change(path, Change.Kind.OLDER, now.value(), value));
                    continue;
                }
                boolean agrees = now.inConflict() && same(now.conflictValue(), value);
                changed.put(path, new FieldState(path, value, sender, version.distributionId(), version.sentAt(),
                        agrees ? null : now.conflictValue(), agrees ? null : now.conflictSource(), null));
                changes.add(new Change(path, agrees ? Change.Kind.RESOLVED : Change.Kind.SUPERSEDED, now.value(), value));
                continue;
            }
            // another sender, another value
            if (now.inConflict() && sender.equals(now.conflictSource()) && same(now.conflictValue(), value)) {
                continue; // the same disagreement again
            }
            changed.put(path, new FieldState(path, now.value(), now.source(), now.distributionId(), now.sentAt(), value, sender,
                    now.agreeing()));
            changes.add(new Change(path, Change.Kind.CONFLICT, now.value(), value));
        }
        return new Result(changed, changes);
    }

    /**
     * When {@code sender} last gave the field's value: as its source or as an agreeing copy; null when it did
     * not. Versions are ordered by {@code sentAt}, which is to the second: a version sent in the same second as
     * the one it follows is taken as the later, since it was received after (the reception order).
     */
    private static Instant ownSentAt(FieldState now, String sender) {
        if (sender.equals(now.source())) {
            return now.sentAt();
        }
        return now.agreeing().stream().filter(a -> a.source().equals(sender)).map(FieldState.Agreeing::sentAt).findFirst().orElse(null);
    }

    /** The agreeing senders with {@code version}'s sender's latest version of the value. */
    private static List<FieldState.Agreeing> agreeing(FieldState now, Version version) {
        List<FieldState.Agreeing> agreeing = new ArrayList<>();
        FieldState.Agreeing before = null;
        for (FieldState.Agreeing a : now.agreeing()) {
            if (a.source().equals(version.senderId())) {
                before = a;
            } else {
                agreeing.add(a);
            }
        }
        agreeing.add(before != null && before.sentAt().isAfter(version.sentAt()) ? before
                : new FieldState.Agreeing(version.senderId(), version.distributionId(), version.sentAt()));
        return agreeing;
    }

    /** The same value: equal JSON, or two date-times naming the same instant. */
    static boolean same(JsonNode a, JsonNode b) {
        if (a.equals(b)) {
            return true;
        }
        if (a.isTextual() && b.isTextual() && a.asText().length() > 18 && b.asText().length() > 18) {
            try {
                return OffsetDateTime.parse(a.asText()).toInstant().equals(OffsetDateTime.parse(b.asText()).toInstant());
            } catch (DateTimeException e) {
                return false;
            }
        }
        return false;
    }
}
