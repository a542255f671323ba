package org.opensmur.core.rpis;

import java.time.OffsetDateTime;
import org.opensmur.core.hub.model.HubPattern;
import org.opensmur.core.hub.model.Matches;
import org.opensmur.core.hub.model.Required;

/** Which SAMU case and which SMUR the record is about. */
public record RpisContext(
        @Required @Matches(HubPattern.CASE_ID) String orgId,
        @Required String senderCaseId,
        @Required OffsetDateTime creationDate,
        @Required OffsetDateTime decisionDate,
        @Required String ressourceFinessLegal,
        @Required String ressourceFinessGeo,
        @Required String ressourceStructure) {
}
