package org.opensmur.core.geo;

import java.util.List;
import org.opensmur.core.hub.message.Payload;
import org.opensmur.core.hub.validation.Items;
import org.opensmur.core.hub.validation.Required;

/** GEO-POS {@code geoPositionsUpdate}: position fixes of vehicles. */
public record GeoPositionsUpdate(
        @Required @Items(min = 1) List<Position> position) implements Payload {
}
