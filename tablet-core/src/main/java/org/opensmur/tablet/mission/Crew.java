package org.opensmur.tablet.mission;

/**
 * The SMUR resource a tablet stands for, and what its engagement reply says where the shift set-up is
 * silent (the shift set-up, when there is one, speaks first: {@link EngagementReply}).
 *
 * @param vehicleType the Hub's code of the vehicle when the request names none the Hub knows
 */
public record Crew(String resourceId, String orgId, String vehicleType, String vehicleName, String crewName) {
}
