package org.opensmur.core.mission;

import java.util.List;
import org.opensmur.core.hub.model.CodeList;
import org.opensmur.core.hub.model.InCodeList;
import org.opensmur.core.hub.model.Required;

/** A resource the SAMU asks for (it has no id yet: the SMUR assigns it). */
public record RequestedResource(
        @Required @InCodeList(CodeList.VEHICLE_TYPE) String vehicleType,
        String name,
        Team team,
        List<String> freetext) {
}
