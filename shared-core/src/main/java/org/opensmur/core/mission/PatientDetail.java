package org.opensmur.core.mission;

import org.opensmur.core.hub.validation.HubPattern;
import org.opensmur.core.hub.validation.Matches;

/** Physical details and history of a patient. */
public record PatientDetail(
        Double weight,
        Double height,
        @Matches(HubPattern.AGE) String age,
        CareLevel careLevel,
        String medicalHistory,
        String treatment) {
}
