package org.opensmur.core.geo;

import java.util.List;
import org.opensmur.core.hub.model.Payload;

/** GEO-RES {@code geoResourcesDetails}: the description of resources, the answer to a GEO-REQ. */
public record GeoResourcesDetails(List<GeoResource> resource) implements Payload {
}
