package org.opensmur.core.mission;

import org.opensmur.core.hub.model.HubPattern;
import org.opensmur.core.hub.model.Matches;
import org.opensmur.core.hub.model.Required;

/** A risk or threat on the scene (nomenclature code Rnn). */
public record RiskThreat(
        @Required @Matches(HubPattern.RISK_CODE) String code,
        @Required String label) {
}
