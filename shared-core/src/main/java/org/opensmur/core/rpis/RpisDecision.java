package org.opensmur.core.rpis;

import org.opensmur.core.hub.validation.CodeList;
import org.opensmur.core.hub.validation.InCodeList;
import org.opensmur.core.hub.validation.Required;
import org.opensmur.core.mission.MedicalLevel;

/** Resource decided for the transport. */
public record RpisDecision(
        @Required @InCodeList(CodeList.RESOURCE_TYPE) String resourceType,
        @Required @InCodeList(CodeList.VEHICLE_TYPE) String vehicleType,
        @Required MedicalLevel medicalLevel) {
}
