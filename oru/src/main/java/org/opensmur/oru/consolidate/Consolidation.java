package org.opensmur.oru.consolidate;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
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
 *   <li>a later version of the sender the value came from supersedes it; an earlier one arriving late
 *       is kept in the history only;</li>
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
        for (Map.Entry<String, JsonNode> field : version.fields().entrySet()) {
            String path = field.getKey();
            JsonNode value = field.getValue();
            FieldState now = current.get(path);
            if (now == null) {
                changed.put(path, new FieldState(path, value, version.senderId(), version.distributionId(), version.sentAt(), null, null));
                changes.add(new Change(path, Change.Kind.SET, null, value));
                continue;
            }
            boolean sameSource = now.source().equals(version.senderId());
            boolean later = version.sentAt().isAfter(now.sentAt());
            if (same(now.value(), value)) {
                if (now.inConflict() && version.senderId().equals(now.conflictSource())) {
                    // the sender that disagreed now gives the record's value: agreed again
                    changed.put(path, new FieldState(path, now.value(), now.source(), now.distributionId(), now.sentAt(), null, null));
                    changes.add(new Change(path, Change.Kind.RESOLVED, now.conflictValue(), value));
                }
                continue;
            }
            if (sameSource) {
                if (!later) {
                    changes.add(new Change(path, Change.Kind.OLDER, now.value(), value));
                    continue;
                }
                boolean agrees = now.inConflict() && same(now.conflictValue(), value);
                changed.put(path, new FieldState(path, value, version.senderId(), version.distributionId(), version.sentAt(),
                        agrees ? null : now.conflictValue(), agrees ? null : now.conflictSource()));
                changes.add(new Change(path, agrees ? Change.Kind.RESOLVED : Change.Kind.SUPERSEDED, now.value(), value));
                continue;
            }
            // another sender, another value
            if (now.inConflict() && version.senderId().equals(now.conflictSource()) && same(now.conflictValue(), value)) {
                continue; // the same disagreement again
            }
            changed.put(path, new FieldState(path, now.value(), now.source(), now.distributionId(), now.sentAt(), value, version.senderId()));
            changes.add(new Change(path, Change.Kind.CONFLICT, now.value(), value));
        }
        return new Result(changed, changes);
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
