package org.opensmur.core.document;

import org.opensmur.core.hub.model.OnlyIn;
import java.util.List;
import org.opensmur.core.hub.model.Payload;
import org.opensmur.core.hub.model.HubPattern;
import org.opensmur.core.hub.model.Items;
import org.opensmur.core.hub.model.Matches;
import org.opensmur.core.hub.model.Required;

/** RS-URL {@code documentLink}: links to documents about a case (bilan, photo, ECG...). */
public record DocumentLink(
        @Required @Matches(HubPattern.CASE_ID) String caseId,
        @Matches(HubPattern.PATIENT_ID) String patientId,
        @OnlyIn("3") String code,
        @Required @Items(min = 1) List<Document> document) implements Payload {
}
