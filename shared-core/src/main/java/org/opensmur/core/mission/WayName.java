package org.opensmur.core.mission;

import org.opensmur.core.hub.model.Required;

/** Name of a street. */
public record WayName(
        @Required String complete,
        String type,
        String name) {
}
