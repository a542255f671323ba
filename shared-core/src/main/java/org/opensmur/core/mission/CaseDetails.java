package org.opensmur.core.mission;

import org.opensmur.core.hub.model.CodeList;
import org.opensmur.core.hub.model.InCodeList;

/** Status, attribution, priority and care level of the case. */
public record CaseDetails(
        CaseStatus status,
        @InCodeList(CodeList.ATTRIBUTION) String attribution,
        Priority priority,
        CareLevel careLevel) {
}
