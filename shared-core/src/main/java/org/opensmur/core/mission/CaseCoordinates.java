package org.opensmur.core.mission;

import org.opensmur.core.hub.model.Required;

/** Coordinates of the case location with their precision. */
public record CaseCoordinates(
        @Required Double lat,
        @Required Double lon,
        Double height,
        @Required PositionPrecision precision) {
}
