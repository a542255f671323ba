package org.opensmur.core.mission;

import org.opensmur.core.hub.model.OnlyIn;
import java.time.OffsetDateTime;
import java.util.List;
import org.opensmur.core.hub.model.CodeList;
import org.opensmur.core.hub.model.HubPattern;
import org.opensmur.core.hub.model.InCodeList;
import org.opensmur.core.hub.model.Matches;
import org.opensmur.core.hub.model.Required;
import org.opensmur.core.status.ResourceState;

/** An engaged resource. */
public record ResourceInfo(
        @Required OffsetDateTime datetime,
        @Required @Matches(HubPattern.RESOURCE_ID) String resourceId,
        @Matches(HubPattern.REQUEST_ID) String requestId,
        String missionId,
        String orgId,
        @OnlyIn("3") String patientId,
        String centerName,
        @Required @InCodeList(CodeList.VEHICLE_TYPE) String vehicleType,
        String name,
        @Matches(HubPattern.INSEE_CODE) String centerCity,
        Team team,
        List<ResourceState> state,
        ResourceContact contact,
        List<String> freetext) {
}
