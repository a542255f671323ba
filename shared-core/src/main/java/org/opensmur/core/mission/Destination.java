package org.opensmur.core.mission;

import java.util.List;

/** Where the patient is to be taken. */
public record Destination(
        List<LocationId> externalLocationId,
        String freetext) {
}
