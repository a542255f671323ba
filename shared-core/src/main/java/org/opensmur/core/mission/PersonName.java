package org.opensmur.core.mission;

import org.opensmur.core.hub.validation.Required;

/** Name of a person. */
public record PersonName(
        @Required String complete,
        String lastName,
        String firstName) {
}
