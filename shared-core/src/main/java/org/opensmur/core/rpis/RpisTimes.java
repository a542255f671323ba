package org.opensmur.core.rpis;

import java.time.OffsetDateTime;
import org.opensmur.core.hub.model.Required;

/** Status timestamps of the SMUR. */
public record RpisTimes(
        @Required OffsetDateTime departSmur,
        OffsetDateTime arrivedSmur,
        OffsetDateTime departLocation,
        OffsetDateTime arrivedDestination,
        @Required OffsetDateTime teamAvailable,
        @Required OffsetDateTime returnSmur) {
}
