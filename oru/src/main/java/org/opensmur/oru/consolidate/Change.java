package org.opensmur.oru.consolidate;

import com.fasterxml.jackson.databind.JsonNode;

/** What a version did to one field; every change is kept in the record's history. */
public record Change(String path, Kind kind, JsonNode oldValue, JsonNode newValue) {

    public enum Kind {
        /** A field the record did not have yet. */
        SET,
        /** A later version of a sender the value came from (first, or agreeing with it) replaced it. */
        SUPERSEDED,
        /** Another sender gives another value: flagged, the value stays. */
        CONFLICT,
        /** The value another sender disagreed with now agrees again (one side corrected it). */
        RESOLVED,
        /** An earlier version of the same sender, arrived late: kept in the history, not applied. */
        OLDER
    }
}
