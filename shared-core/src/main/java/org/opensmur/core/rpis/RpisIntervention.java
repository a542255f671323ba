package org.opensmur.core.rpis;

import java.util.List;
import org.opensmur.core.hub.model.Required;

/** Where, who, when and what was done. */
public record RpisIntervention(
        @Required RpisLocation location,
        @Required RpisTeam team,
        RpisTimes smurStatus,
        List<String> procedure,
        @Required String mainDiagnosis,
        String associatedDiagnosis) {
}
