package org.opensmur.core.mission;

import java.util.List;
import org.opensmur.core.hub.model.CodeList;
import org.opensmur.core.hub.model.InCodeList;

/** What the case is about: origin of the call, risks, nature, motive and priority. */
public record Qualification(
        @InCodeList(CodeList.ORIGIN) String origin,
        List<RiskThreat> riskThreat,
        WhatsHappen whatsHappen,
        LocationKind locationKind,
        HealthMotive healthMotive,
        CaseDetails details) {
}
