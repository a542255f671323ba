package org.opensmur.core.bilan;

import java.math.BigInteger;
import java.util.List;
import org.opensmur.core.hub.model.HubPattern;
import org.opensmur.core.hub.model.Matches;
import org.opensmur.core.hub.model.Required;
import org.opensmur.core.mission.PatientExternalId;
import org.opensmur.core.mission.Sex;

/**
 * The patient the bilan is about. Height and weight are JSON-schema integers, which have no bound: a
 * peer's 10^12 is valid and must be read, not overflow.
 */
public record ReportPatient(
        @Required @Matches(HubPattern.PATIENT_ID) String patientId,
        String birthName,
        @Required String lastName,
        @Required String firstName,
        String birthDate,
        String age,
        Sex sex,
        List<PatientExternalId> externalId,
        BigInteger height,
        BigInteger weight) {
}
