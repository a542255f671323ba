package org.opensmur.core.mission;

import java.util.List;

/** Qualification fields an update may change. */
public record QualificationUpdate(
        List<RiskThreat> riskThreat,
        CaseDetailsUpdate details) {
}
