package org.opensmur.core.mission;

import java.util.List;
import org.opensmur.core.hub.model.Payload;
import org.opensmur.core.hub.model.HubPattern;
import org.opensmur.core.hub.model.Matches;
import org.opensmur.core.hub.model.Required;

/** RS-EDA-MAJ {@code createCaseHealthUpdate}: a partial update of a case, keyed by caseId. */
public record CreateCaseHealthUpdate(
        @Required @Matches(HubPattern.CASE_ID) String caseId,
        String senderCaseId,
        Perimeter perimeter,
        QualificationUpdate qualification,
        LocationUpdate location,
        AlertUpdate initialAlert,
        @Matches(HubPattern.OWNER_ID) String owner,
        List<Patient> patient,
        List<MedicalNote> medicalNote,
        List<Decision> decision,
        String freetext,
        AdditionalInformation additionalInformation) implements Payload {
}
