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

    /** The reply with the one state it always has: engaged by the regulation's decision, accepted now. */
    public static Built build(OutgoingMessages outgoing, ResourcesEngagement request, String lrmId, Crew crew, ShiftSetup shift,
                              String missionNumber, OffsetDateTime now) {
        return build(outgoing, request, lrmId, crew, shift, missionNumber, now, List.of());
    }

    /**
     * The reply: what the shift set-up says (vehicle and its type, team and its level, phone, crew, home centre), else the
     * crew's settings; what neither says is left out. The vehicle type is the one the crew rides (the shift's),
     * else the request's, else the crew's own (also when the request names one the Hub's list does not know).
     * Its states: DECISION now, then each state the crew adds with its own time (the trigger DECLENCHE...,
     * as the official examples send it beside DECISION).
     *
     * @param missionNumber the crew's, or null/blank for {@link #missionNumber(String)}
     * @param more          the crew's further states (none: DECISION alone)
     */
    public static Built build(OutgoingMessages outgoing, ResourcesEngagement request, String lrmId, Crew crew, ShiftSetup shift,
                              String missionNumber, OffsetDateTime now, List<ResourceState> more) {
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
        // Newest first, as the official replies write them (DECLENCHE at 13:22, then DECISION at 13:20); on the same
        // minute the crew's own state first.
        List<ResourceState> state = new java.util.ArrayList<>();
        // The crew types a time to the minute: a trigger typed "13:22" while the reply leaves at 13:22:30 happened in
        // this minute, after the decision, so it carries the reply's time, not an earlier 13:22:00 (the order and the
        // times then agree).
        more.stream().filter(s -> s.status() != ResourceStatus.DECISION)
                .map(s -> new ResourceState(sameMinuteBefore(s.datetime(), at) ? at : s.datetime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                        s.status(), s.availability()))
                .forEach(state::add);
        state.add(new ResourceState(at, ResourceStatus.DECISION, null));
        state.sort(java.util.Comparator.comparing(ResourceState::datetime).reversed()); // stable: the crew's first on a tie
        String vehicleType = shift != null && shift.vehicleType() != null ? shift.vehicleType()
                : requested != null && requested.vehicleType() != null ? requested.vehicleType() : crew.vehicleType();
        String centerName = shift == null ? null : shift.centerName();
        String centerCity = shift == null ? null : shift.centerCity();
        Built reply = outgoing.engagementReply(request.caseId(), new ResourceInfo(at, crew.resourceId(), null, mission,
                crew.orgId(), null, centerName, vehicleType, vehicle, centerCity, team, state, contact, crewLine), lrmId);
        if (!reply.isValid() && !vehicleType.equals(crew.vehicleType())) {
            // e.g. a vehicle type the request named but the Hub's list does not know: the crew's own is sent instead
            reply = outgoing.engagementReply(request.caseId(), new ResourceInfo(at, crew.resourceId(), null, mission,
                    crew.orgId(), null, centerName, crew.vehicleType(), vehicle, centerCity, team, state, contact, crewLine), lrmId);
        }
        return reply;
    }

    /** {@code typed} earlier than {@code at} but in the same minute (the precision the crew types a time in). */
    private static boolean sameMinuteBefore(OffsetDateTime typed, OffsetDateTime at) {
        java.time.temporal.ChronoUnit minutes = java.time.temporal.ChronoUnit.MINUTES;
        return typed.isBefore(at) && typed.toInstant().truncatedTo(minutes).equals(at.toInstant().truncatedTo(minutes));
    }
}
