package org.opensmur.core.mission;

import org.opensmur.core.hub.validation.HubPattern;
import org.opensmur.core.hub.validation.Matches;
import org.opensmur.core.hub.validation.Required;

/** What happened (nomenclature code Cnn.nn.nn). */
public record WhatsHappen(
        @Required @Matches(HubPattern.WHATS_HAPPEN_CODE) String code,
        @Required String label) {
}
