package org.opensmur.core.mission;

import java.util.List;
import org.opensmur.core.hub.model.Payload;
import org.opensmur.core.hub.model.HubPattern;
import org.opensmur.core.hub.model.Items;
import org.opensmur.core.hub.model.Matches;
import org.opensmur.core.hub.model.Required;

/** RS-ER {@code resourcesEngagement}: the SAMU asks for resources to be engaged on a case. */
public record ResourcesEngagement(
        @Required @Matches(HubPattern.CASE_ID) String caseId,
        @Required @Items(min = 1) List<RequestedResource> resource) implements Payload {
}
