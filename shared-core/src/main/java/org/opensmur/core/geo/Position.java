package org.opensmur.core.geo;

import org.opensmur.core.hub.model.OnlyIn;
import java.time.OffsetDateTime;
import org.opensmur.core.hub.model.HubPattern;
import org.opensmur.core.hub.model.Matches;
import org.opensmur.core.hub.model.Required;

/** A position fix of a vehicle. */
public record Position(
        @Required @Matches(HubPattern.RESOURCE_ID) String resourceId,
        @Required OffsetDateTime datetime,
        @Required Coordinates coord,
        Double speed,
        Double cap,
        Motion move,
        Boolean engineOn,
        Boolean groundStatus,
        Availability status,
        EngagedStatus engagedStatus,
        /** When the fix reached the system that sends it (model 2.0 only; 3.0 dropped it). */
        @OnlyIn("2.0") OffsetDateTime receptionDatetime) {
}
