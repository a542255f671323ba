package org.opensmur.core.mission;

import java.util.List;
import org.opensmur.core.hub.validation.CodeList;
import org.opensmur.core.hub.validation.InCodeList;
import org.opensmur.core.hub.validation.Required;

/** A resource the SAMU asks for (it has no id yet: the SMUR assigns it). */
public record RequestedResource(
        @Required @InCodeList(CodeList.VEHICLE_TYPE) String vehicleType,
        String name,
        Team team,
        List<String> freetext) {
}
