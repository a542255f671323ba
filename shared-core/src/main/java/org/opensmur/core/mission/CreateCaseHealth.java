package org.opensmur.core.mission;

import java.time.OffsetDateTime;
import java.util.List;
import org.opensmur.core.hub.model.Payload;
import org.opensmur.core.hub.model.HubPattern;
import org.opensmur.core.hub.model.Matches;
import org.opensmur.core.hub.model.Required;

/** RS-EDA {@code createCaseHealth}: the case shared by the SAMU when a SMUR is engaged. */
public record CreateCaseHealth(
        @Required @Matches(HubPattern.CASE_ID) String caseId,
        String senderCaseId,
        @Required OffsetDateTime creation,
        Perimeter perimeter,
        InterventionType interventionType,
        @Required Qualification qualification,
        @Required CaseLocation location,
        Alert initialAlert,
        @Required @Matches(HubPattern.OWNER_ID) String owner,
        List<Patient> patient,
        List<MedicalNote> medicalNote,
        List<Decision> decision,
        AdditionalInformation additionalInformation) implements Payload {
}
