package org.opensmur.core.mission;

import java.util.List;
import org.opensmur.core.hub.message.Payload;
import org.opensmur.core.hub.validation.HubPattern;
import org.opensmur.core.hub.validation.Items;
import org.opensmur.core.hub.validation.Matches;
import org.opensmur.core.hub.validation.Required;

/** RS-RI {@code resourcesInfo}: resources engaged on a case (the tablet's reply to an RS-ER, or the others). */
public record ResourcesInfo(
        @Required @Matches(HubPattern.CASE_ID) String caseId,
        @Required @Items(min = 1) List<ResourceInfo> resource) implements Payload {
}
