package org.opensmur.core.mission;

import org.opensmur.core.hub.model.Required;

/** A street address. */
public record DetailedAddress(
        Highway highway,
        @Required String complete,
        String number,
        WayName wayName) {
}
