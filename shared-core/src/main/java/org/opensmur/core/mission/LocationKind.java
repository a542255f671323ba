package org.opensmur.core.mission;

import org.opensmur.core.hub.validation.HubPattern;
import org.opensmur.core.hub.validation.Matches;
import org.opensmur.core.hub.validation.Required;

/** Kind of place (nomenclature code Lnn.nn.nn). */
public record LocationKind(
        @Required @Matches(HubPattern.LOCATION_KIND_CODE) String code,
        @Required String label) {
}
