package org.opensmur.core.bilan;

import java.time.OffsetDateTime;
import org.opensmur.core.hub.message.Payload;
import org.opensmur.core.hub.validation.HubPattern;
import org.opensmur.core.hub.validation.Matches;
import org.opensmur.core.hub.validation.Required;
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
