package org.opensmur.core.geo;

import org.opensmur.core.hub.model.Required;

/** WGS84 coordinates (degrees) and height (metres). */
public record Coordinates(
        @Required Double lat,
        @Required Double lon,
        Double height) {
}
