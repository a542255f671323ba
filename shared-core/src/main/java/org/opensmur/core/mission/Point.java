package org.opensmur.core.mission;

import org.opensmur.core.hub.model.Required;

/** A point, possibly from an AML emergency location. */
public record Point(
        @Required CaseCoordinates coord,
        Boolean isAml) {
}
