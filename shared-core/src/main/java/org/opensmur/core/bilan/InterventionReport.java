package org.opensmur.core.bilan;

import java.time.OffsetDateTime;
import org.opensmur.core.hub.model.Payload;
import org.opensmur.core.hub.model.HubPattern;
import org.opensmur.core.hub.model.Matches;
import org.opensmur.core.hub.model.Required;
import org.opensmur.core.mission.Operator;

/** RS-BPV {@code interventionReport}: the SMUR physician's patient assessment (bilan). */
public record InterventionReport(
        @Required @Matches(HubPattern.CASE_ID) String caseId,
        @Required String reportId,
        @Required Operator redactor,
        @Required OffsetDateTime creation,
        @Required ReportPatient patient,
        Evaluation evaluation) implements Payload {
}
