package org.opensmur.core.mission;

import org.opensmur.core.hub.model.HubPattern;
import org.opensmur.core.hub.model.Matches;
import org.opensmur.core.hub.model.Required;

/** Kind of place (nomenclature code Lnn.nn.nn). */
public record LocationKind(
        @Required @Matches(HubPattern.LOCATION_KIND_CODE) String code,
        @Required String label) {
}
