package org.opensmur.core.mission;

import java.util.List;

/** Where the intervention takes place. */
public record CaseLocation(
        String name,
        List<LocationId> externalLocationId,
        DetailedAddress detailedAddress,
        City city,
        Access access,
        Geometry geometry,
        List<ExternalInfo> externalInfo,
        String freetext) {
}
