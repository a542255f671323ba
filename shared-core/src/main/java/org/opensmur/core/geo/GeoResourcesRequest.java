package org.opensmur.core.geo;

import java.util.List;
import org.opensmur.core.hub.model.Payload;
import org.opensmur.core.hub.model.HubPattern;
import org.opensmur.core.hub.model.Items;
import org.opensmur.core.hub.model.Matches;
import org.opensmur.core.hub.model.Required;

/** GEO-REQ {@code geoResourcesRequest}: a partner asks for the description of these resources. */
public record GeoResourcesRequest(
        @Required @Items(min = 1) @Matches(HubPattern.RESOURCE_ID) List<String> resourceId) implements Payload {
}
