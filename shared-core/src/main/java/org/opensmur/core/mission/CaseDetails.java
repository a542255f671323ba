package org.opensmur.core.mission;

import org.opensmur.core.hub.validation.CodeList;
import org.opensmur.core.hub.validation.InCodeList;

/** Status, attribution, priority and care level of the case. */
public record CaseDetails(
        CaseStatus status,
        @InCodeList(CodeList.ATTRIBUTION) String attribution,
        Priority priority,
        CareLevel careLevel) {
}
