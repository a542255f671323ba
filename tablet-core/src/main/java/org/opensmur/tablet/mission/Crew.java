package org.opensmur.tablet.mission;

import java.util.List;
import org.opensmur.core.geo.GeoContactType;
import org.opensmur.core.geo.GeoResource;
import org.opensmur.core.geo.GeoResourceNature;
import org.opensmur.core.geo.GeoResourceType;
import org.opensmur.core.mission.SmurVehicles;
import org.opensmur.core.shift.ShiftSetup;

/**
 * The SMUR resource a tablet stands for, and what its engagement reply says where the shift set-up is
 * silent (the shift set-up, when there is one, speaks first: {@link EngagementReply}).
 *
 * @param vehicleType the Hub's code of the vehicle when the request names none the Hub knows
 */
public record Crew(String resourceId, String orgId, String vehicleType, String vehicleName, String crewName) {

    /**
     * What the tablet answers a GEO-REQ naming its resource with (GEO-RES): a SMUR resource of its unit, named as the
     * shift set-up names it, reachable at the team's phone when the shift gives one; how it moves and whom it can
     * carry as the Hub's vehicle list says of the type it rides (a VLM carries no patient), at the team's level.
     * Nothing made up: what the type or the shift does not say is not sent.
     */
    public GeoResource described(ShiftSetup shift) {
        String name = shift != null && shift.vehicleName() != null ? shift.vehicleName() : vehicleName;
        String type = shift != null && shift.vehicleType() != null ? shift.vehicleType() : vehicleType;
        List<GeoResource.GeoContact> contacts = shift == null || shift.contactPhone() == null ? null
                : List.of(new GeoResource.GeoContact(GeoContactType.PHNADD, shift.contactPhone()));
        return new GeoResource(resourceId, orgId, name, GeoResourceType.SMUR, GeoResourceNature.EFFECTEUR,
                SmurVehicles.mobility(type).orElse(null),
                SmurVehicles.capacity(type, shift == null ? null : shift.medicalLevel()).orElse(null), contacts);
    }
}
