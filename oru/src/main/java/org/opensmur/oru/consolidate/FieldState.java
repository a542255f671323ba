package org.opensmur.oru.consolidate;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A field of a consolidated record: its value, the sender and message (distributionID) it came from, and a differing
 * value another sender gave (a conflict, flagged and kept beside, never written over the value).
 */
public record FieldState(String path, JsonNode value, String source, String distributionId, Instant sentAt,
                         JsonNode conflictValue, String conflictSource) {

    public boolean inConflict() {
        return conflictValue != null;
    }
}
