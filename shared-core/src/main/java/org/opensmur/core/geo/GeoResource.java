package org.opensmur.core.geo;

import java.util.List;
import org.opensmur.core.hub.model.HubPattern;
import org.opensmur.core.hub.model.Matches;
import org.opensmur.core.hub.model.Required;

/** One resource described in a GEO-RES: who it is, whose it is, what it can do, how to reach it. */
public record GeoResource(
        @Required @Matches(HubPattern.RESOURCE_ID) String resourceId,
        @Required String orgId,
        String name,
        @Required GeoResourceType resourceType,
        GeoResourceNature nature,
        GeoResourceMobility mobility,
        GeoResourceCapacity capacity,
        List<GeoContact> contacts) {

    /** How to reach the resource: a radio address or a phone number. */
    public record GeoContact(GeoContactType type, String details) {
    }
}
