package org.opensmur.core.mission;

import java.time.OffsetDateTime;

/** A note taken during the call. */
public record AlertNote(
        OffsetDateTime creation,
        String freetext) {
}
