package org.opensmur.core.mission;

import org.opensmur.core.hub.validation.HubPattern;
import org.opensmur.core.hub.validation.Matches;
import org.opensmur.core.hub.validation.Required;

/** A risk or threat on the scene (nomenclature code Rnn). */
public record RiskThreat(
        @Required @Matches(HubPattern.RISK_CODE) String code,
        @Required String label) {
}
