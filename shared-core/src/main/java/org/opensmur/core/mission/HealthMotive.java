package org.opensmur.core.mission;

import org.opensmur.core.hub.model.HubPattern;
import org.opensmur.core.hub.model.Matches;
import org.opensmur.core.hub.model.Required;

/** Medical motive of the call (nomenclature code Mnn.nn[.nn]). */
public record HealthMotive(
        @Required @Matches(HubPattern.HEALTH_MOTIVE_CODE) String code,
        @Required String label) {
}
