package org.opensmur.core.mission;



/** Case details an update may change. */
public record CaseDetailsUpdate(
        CaseStatus status,
        Priority priority,
        CareLevel careLevel) {
}
