package org.opensmur.core.rpis;

import org.opensmur.core.hub.model.CodeList;
import org.opensmur.core.hub.model.InCodeList;
import org.opensmur.core.hub.model.Required;
import org.opensmur.core.mission.MedicalLevel;

/** Resource decided for the transport. */
public record RpisDecision(
        @Required @InCodeList(CodeList.RESOURCE_TYPE) String resourceType,
        @Required @InCodeList(CodeList.VEHICLE_TYPE) String vehicleType,
        @Required MedicalLevel medicalLevel) {
}
