package org.opensmur.core.rpis;

import org.opensmur.core.hub.validation.HubPattern;
import org.opensmur.core.hub.validation.Matches;
import org.opensmur.core.hub.validation.Required;

/** Place of the intervention. */
public record RpisLocation(
        @Matches(HubPattern.LOCATION_KIND_CODE) String type,
        String finessGeo,
        String service,
        @Required InseeAddress detailedAddress) {
}
