package org.opensmur.core.geo;

import java.util.List;
import org.opensmur.core.hub.model.Payload;
import org.opensmur.core.hub.model.Items;
import org.opensmur.core.hub.model.Required;

/** GEO-POS {@code geoPositionsUpdate}: position fixes of vehicles. */
public record GeoPositionsUpdate(
        @Required @Items(min = 1) List<Position> position) implements Payload {
}
