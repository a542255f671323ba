package org.opensmur.core.mission;

import java.util.List;
import org.opensmur.core.hub.model.HubPattern;
import org.opensmur.core.hub.model.Matches;

/** How to reach the patient once at the address. */
public record Access(
        String floor,
        String roomNumber,
        String interphone,
        List<String> accessCode,
        String elevator,
        String buildingName,
        String entrance,
        String entity,
        @Matches(HubPattern.PHONE) String phoneNumber) {
}
