package org.opensmur.core.mission;

import org.opensmur.core.hub.model.OnlyIn;
import org.opensmur.core.hub.model.HubPattern;
import org.opensmur.core.hub.model.Matches;
import org.opensmur.core.hub.model.Required;

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
