package org.opensmur.core.rpis;

import org.opensmur.core.hub.model.HubPattern;
import org.opensmur.core.hub.model.Matches;
import org.opensmur.core.hub.model.Required;

/** Place of the intervention. */
public record RpisLocation(
        @Matches(HubPattern.LOCATION_KIND_CODE) String type,
        String finessGeo,
        String service,
        @Required InseeAddress detailedAddress) {
}
