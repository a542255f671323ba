package org.opensmur.core.rpis;

import org.opensmur.core.hub.model.Required;
import org.opensmur.core.mission.Sex;

/** The patient, as the ORU needs it. */
public record RpisPatient(
        @Required String patientId,
        @Required String birthDate,
        @Required Sex sex,
        InseeAddress residentialAddress) {
}
