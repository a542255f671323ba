package org.opensmur.tablet.mission;

import java.time.OffsetDateTime;
import java.util.List;
import org.opensmur.core.mission.ContactType;
import org.opensmur.core.mission.RequestedResource;
import org.opensmur.core.mission.ResourceContact;
import org.opensmur.core.mission.ResourceInfo;
import org.opensmur.core.mission.ResourcesEngagement;
import org.opensmur.core.mission.Team;
import org.opensmur.core.outgoing.Built;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.shift.ShiftSetup;
import org.opensmur.core.status.ResourceState;
import org.opensmur.core.status.ResourceStatus;

/** The RS-RI a crew answers an engagement request with: its resource, vehicle, team and crew, engaged now. */
public final class EngagementReply {

    private EngagementReply() {
    }

    /**
     * The SMUR's own mission number for a case: the case's regulation number and the mission's rank
     * ({@code DRFR15…0236.M001}), as the recette's RS-RI has it.
     */
    public static String missionNumber(String caseId) {
        return caseId.substring(caseId.lastIndexOf('.') + 1) + ".M001";
    }

    /**
     * The reply: what the shift set-up says (vehicle, team and its level, phone, crew), else the crew's
     * settings; what neither says is left out. The vehicle type is the request's, or the crew's own when the
     * request names one the Hub's list does not know.
     *
     * @param missionNumber the crew's, or null/blank for {@link #missionNumber(String)}
     */
    public static Built build(OutgoingMessages outgoing, ResourcesEngagement request, String lrmId, Crew crew, ShiftSetup shift,
                              String missionNumber, OffsetDateTime now) {
        RequestedResource requested = request.resource().isEmpty() ? null : request.resource().get(0);
        String vehicle = shift != null && shift.vehicleName() != null ? shift.vehicleName() : crew.vehicleName();
        String teamName = shift != null && shift.teamName() != null ? shift.teamName() : crew.crewName();
        Team team = (shift == null || shift.medicalLevel() == null) && teamName == null ? null
                : new Team(shift == null ? null : shift.medicalLevel(), teamName); // nothing said of the team: no team object
        ResourceContact contact = shift == null || shift.contactPhone() == null ? null : new ResourceContact(ContactType.TEL, shift.contactPhone());
        List<String> crewLine = shift == null || shift.crewLine().isEmpty() ? null : List.of(shift.crewLine());
        String mission = missionNumber == null || missionNumber.isBlank() ? missionNumber(request.caseId()) : missionNumber.strip();
        OffsetDateTime at = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        // Its state as the reply leaves: engaged by the regulation's decision, accepted now.
        List<ResourceState> state = List.of(new ResourceState(at, ResourceStatus.DECISION, null));
        String vehicleType = requested != null && requested.vehicleType() != null ? requested.vehicleType() : crew.vehicleType();
        Built reply = outgoing.engagementReply(request.caseId(), new ResourceInfo(at, crew.resourceId(), null, mission,
                crew.orgId(), null, null, vehicleType, vehicle, null, team, state, contact, crewLine), lrmId);
        if (!reply.isValid() && !vehicleType.equals(crew.vehicleType())) {
            // e.g. a vehicle type the request named but the Hub's list does not know: the crew's own is sent instead
            reply = outgoing.engagementReply(request.caseId(), new ResourceInfo(at, crew.resourceId(), null, mission,
                    crew.orgId(), null, null, crew.vehicleType(), vehicle, null, team, state, contact, crewLine), lrmId);
        }
        return reply;
    }
}
