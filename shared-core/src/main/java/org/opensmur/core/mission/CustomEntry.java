package org.opensmur.core.mission;

import org.opensmur.core.hub.model.Required;

/** An extra key/value entry. */
public record CustomEntry(
        @Required String key,
        String label,
        @Required String value,
        String freetext) {
}
