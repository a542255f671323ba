package org.opensmur.core.mission;

import org.opensmur.core.hub.validation.HubPattern;
import org.opensmur.core.hub.validation.Matches;
import org.opensmur.core.hub.validation.Required;

/** Medical motive of the call (nomenclature code Mnn.nn[.nn]). */
public record HealthMotive(
        @Required @Matches(HubPattern.HEALTH_MOTIVE_CODE) String code,
        @Required String label) {
}
