package org.opensmur.core.mission;

import java.time.OffsetDateTime;
import java.util.List;
import org.opensmur.core.hub.model.Required;

/** The initial call. */
public record Alert(
        @Required OffsetDateTime reception,
        List<AlertNote> notes,
        @Required Caller caller) {
}
