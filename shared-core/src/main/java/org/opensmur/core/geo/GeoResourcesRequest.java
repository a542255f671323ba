package org.opensmur.core.geo;

import java.util.List;
import org.opensmur.core.hub.message.Payload;
import org.opensmur.core.hub.validation.HubPattern;
import org.opensmur.core.hub.validation.Items;
import org.opensmur.core.hub.validation.Matches;
import org.opensmur.core.hub.validation.Required;

/** GEO-REQ {@code geoResourcesRequest}: a partner asks for the description of these resources. */
public record GeoResourcesRequest(
        @Required @Items(min = 1) @Matches(HubPattern.RESOURCE_ID) List<String> resourceId) implements Payload {
}
