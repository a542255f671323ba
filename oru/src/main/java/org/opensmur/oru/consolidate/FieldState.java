package org.opensmur.oru.consolidate;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A field of a consolidated record: its value, the sender and message (distributionID) it came from, the other
 * senders whose latest version gave the same value ({@code agreeing}: copies that agree are one value, which any
 * of them may correct), and a differing value another sender gave (a conflict, flagged and kept beside, never
 * written over the value).
 */
public record FieldState(String path, JsonNode value, String source, String distributionId, Instant sentAt,
                         JsonNode conflictValue, String conflictSource, List<Agreeing> agreeing) {

    /** Another sender's version that gave the field's value too. */
    public record Agreeing(String source, String distributionId, Instant sentAt) {
    }

    public FieldState {
        agreeing = agreeing == null ? List.of() : List.copyOf(agreeing);
    }

    public boolean inConflict() {
        return conflictValue != null;
    }
}
