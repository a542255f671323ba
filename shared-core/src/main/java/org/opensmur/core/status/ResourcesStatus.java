package org.opensmur.core.status;

import org.opensmur.core.hub.model.Payload;
import org.opensmur.core.hub.model.HubPattern;
import org.opensmur.core.hub.model.Matches;
import org.opensmur.core.hub.model.Required;

/** RS-SR {@code resourcesStatus}: a status change of a vehicle. */
public record ResourcesStatus(
        @Required @Matches(HubPattern.CASE_ID) String caseId,
        @Required @Matches(HubPattern.RESOURCE_ID) String resourceId,
        @Required ResourceState state) implements Payload {
}
