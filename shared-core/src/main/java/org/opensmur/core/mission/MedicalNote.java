package org.opensmur.core.mission;

import java.time.OffsetDateTime;
import org.opensmur.core.hub.model.HubPattern;
import org.opensmur.core.hub.model.Matches;
import org.opensmur.core.hub.model.Required;

/** A medical note written at the SAMU. */
public record MedicalNote(
        @Matches(HubPattern.PATIENT_ID) String patientId,
        @Required Operator operator,
        @Required @Matches(HubPattern.NOTE_ID) String medicalNoteId,
        OffsetDateTime creation,
        @Required String freetext) {
}
