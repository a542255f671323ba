package org.opensmur.core.mission;

import org.opensmur.core.hub.model.Required;

/** Name of a person. */
public record PersonName(
        @Required String complete,
        String lastName,
        String firstName) {
}
