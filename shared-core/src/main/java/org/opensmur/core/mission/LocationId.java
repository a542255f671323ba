package org.opensmur.core.mission;

import org.opensmur.core.hub.model.HubPattern;
import org.opensmur.core.hub.model.Matches;
import org.opensmur.core.hub.model.Required;

/** An official identifier of a place (FINESS, SIREN...). */
public record LocationId(
        @Required LocationIdSource source,
        @Required @Matches(HubPattern.LOCATION_ID) String value) {
}
