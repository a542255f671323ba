package org.opensmur.core.status;

import java.time.OffsetDateTime;
import org.opensmur.core.hub.model.Required;

/** A status of a vehicle at a given time. */
public record ResourceState(
        @Required OffsetDateTime datetime,
        @Required ResourceStatus status,
        Boolean availability) {
}
