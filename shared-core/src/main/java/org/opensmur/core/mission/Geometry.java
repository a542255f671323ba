package org.opensmur.core.mission;

import java.time.OffsetDateTime;
import org.opensmur.core.hub.model.Required;

/** Geographic position of the case. */
public record Geometry(
        @Required OffsetDateTime datetime,
        Point point) {
}
