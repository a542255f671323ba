package org.opensmur.core.mission;

import org.opensmur.core.hub.model.HubPattern;
import org.opensmur.core.hub.model.Matches;

/** Physical details and history of a patient. */
public record PatientDetail(
        Double weight,
        Double height,
        @Matches(HubPattern.AGE) String age,
        CareLevel careLevel,
        String medicalHistory,
        String treatment) {
}
