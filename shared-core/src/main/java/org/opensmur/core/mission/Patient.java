package org.opensmur.core.mission;

import org.opensmur.core.hub.validation.OnlyIn;
import org.opensmur.core.hub.validation.HubPattern;
import org.opensmur.core.hub.validation.Matches;
import org.opensmur.core.hub.validation.Required;

/** A patient of the case. */
public record Patient(
        @Required @Matches(HubPattern.PATIENT_ID) String patientId,
        AdministrativeFile administrativeFile,
        Identity identity,
        PatientDetail detail,
        Hypothesis hypothesis,
        /** The patient's own medical motive (model 2.0 only). */
        @OnlyIn("2.0") HealthMotive healthMotive) {
}
