package org.opensmur.core.mission;

import org.opensmur.core.hub.model.HubPattern;
import org.opensmur.core.hub.model.Matches;
import org.opensmur.core.hub.model.Required;

/** What happened (nomenclature code Cnn.nn.nn). */
public record WhatsHappen(
        @Required @Matches(HubPattern.WHATS_HAPPEN_CODE) String code,
        @Required String label) {
}
