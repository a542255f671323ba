package org.opensmur.core.mission;

import java.util.List;

/** Administrative identifiers and general practitioner of a patient. */
public record AdministrativeFile(
        List<PatientExternalId> externalId,
        GeneralPractitioner generalPractitioner) {
}
