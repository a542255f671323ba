package org.opensmur.core.mission;

import java.util.List;
import org.opensmur.core.hub.model.Payload;
import org.opensmur.core.hub.model.HubPattern;
import org.opensmur.core.hub.model.Items;
import org.opensmur.core.hub.model.Matches;
import org.opensmur.core.hub.model.Required;

/** RS-RI {@code resourcesInfo}: resources engaged on a case (the tablet's reply to an RS-ER, or the others). */
public record ResourcesInfo(
        @Required @Matches(HubPattern.CASE_ID) String caseId,
        @Required @Items(min = 1) List<ResourceInfo> resource) implements Payload {
}
