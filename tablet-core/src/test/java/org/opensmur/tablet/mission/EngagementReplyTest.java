package org.opensmur.tablet.mission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.mission.ResourceInfo;
import org.opensmur.core.mission.ResourcesEngagement;
import org.opensmur.core.mission.ResourcesInfo;
import org.opensmur.core.outgoing.Built;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.shift.ShiftSetup;
import org.opensmur.core.status.ResourceState;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.testing.MutableClock;
import org.opensmur.store.TestStore;

/** The RS-RI says the vehicle the crew rides and every state the crew gives, as the official replies do. */
class EngagementReplyTest {

    private static final Crew CREW = new Crew(TestStore.VLM4, TestStore.LRM, "SMUR", "VLM 4", "Équipe 4");
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 6, 13, 22, 30, 0, ZoneOffset.ofHours(1));

    static List<ModelLine> lines() {
        return ModelLine.all();
    }

    /** The official request that asks for an SMUR.AR (the pregnant woman's case). */
    private static ResourcesEngagement askingForAnAr(ModelLine line) {
        var request = (ResourcesEngagement) SharedCorpus.examplePayload(line, MessageType.RS_ER, "DelphineVIGNEAU.02");
        assertEquals("SMUR.AR", request.resource().get(0).vehicleType(), "the fixture asks for an ambulance");
        return request;
    }

    private static ResourceInfo resource(Built reply) {
        assertTrue(reply.isValid(), () -> "valid: " + reply.issues());
        return ((ResourcesInfo) reply.orElseThrow().payload()).resource().get(0);
    }

    private static void officiallyValid(ModelLine line, OutgoingMessages outgoing, Built reply) {
        var tree = SharedCorpus.readBytes(outgoing.codec().encode(reply.orElseThrow()));
        assertEquals(Set.of(), SharedCorpus.officialErrors(SharedCorpus.officialEnvelopeSchema(line), tree));
    }

    @ParameterizedTest
    @MethodSource("lines")
    void theVehicleTypeIsTheOneTheCrewRidesNotTheOneAskedFor(ModelLine line) {
        OutgoingMessages outgoing = OutgoingMessages.of(TestStore.TABLET, new MutableClock(NOW.toInstant()), line);
        ShiftSetup shift = new ShiftSetup("VLM4", "Equipe SMUR 4", null, List.of(), null, null, null, null, "SMUR.VLM", false);
        Built reply = EngagementReply.build(outgoing, askingForAnAr(line), TestStore.LRM, CREW, shift, null, NOW);
        assertEquals("SMUR.VLM", resource(reply).vehicleType());
        officiallyValid(line, outgoing, reply);
        Built unsaid = EngagementReply.build(outgoing, askingForAnAr(line), TestStore.LRM, CREW,
                new ShiftSetup("VLM4", null, null, List.of(), null, null, null, null), null, NOW);
        assertEquals("SMUR.AR", resource(unsaid).vehicleType(), "the shift silent: the request's");
    }

    @ParameterizedTest
    @MethodSource("lines")
    void theTriggerGoesBesideTheDecisionWithItsOwnTimeNewestFirst(ModelLine line) {
        OutgoingMessages outgoing = OutgoingMessages.of(TestStore.TABLET, new MutableClock(Instant.from(NOW)), line);
        OffsetDateTime triggered = NOW.plusMinutes(2).withSecond(0);
        Built reply = EngagementReply.build(outgoing, askingForAnAr(line), TestStore.LRM, CREW, null, null, NOW,
                List.of(new ResourceState(triggered, ResourceStatus.DECLENCHE, false)));
        List<ResourceState> states = resource(reply).state();
        assertEquals(List.of(ResourceStatus.DECLENCHE, ResourceStatus.DECISION), states.stream().map(ResourceState::status).toList());
        assertEquals(triggered, states.get(0).datetime());
        assertEquals(Boolean.FALSE, states.get(0).availability(), "triggered: not available");
        assertEquals(NOW.withSecond(30), states.get(1).datetime(), "accepted now");
        officiallyValid(line, outgoing, reply);

        Built earlier = EngagementReply.build(outgoing, askingForAnAr(line), TestStore.LRM, CREW, null, null, NOW,
                List.of(new ResourceState(NOW.minusMinutes(5), ResourceStatus.DECLENCHE, false),
                        new ResourceState(NOW.minusMinutes(1), ResourceStatus.DECISION, null)));
        assertEquals(List.of(ResourceStatus.DECISION, ResourceStatus.DECLENCHE),
                resource(earlier).state().stream().map(ResourceState::status).toList(), "newest first; DECISION once, the reply's own");
    }

    @ParameterizedTest
    @MethodSource("lines")
    void aTriggerTypedInTheMinuteOfTheAcceptanceIsTheNewestState(ModelLine line) {
        OutgoingMessages outgoing = OutgoingMessages.of(TestStore.TABLET, new MutableClock(Instant.from(NOW)), line);
        // The crew types hh:mm: "13:22" while the reply leaves at 13:22:30 is the same minute, the trigger after the decision.
        Built reply = EngagementReply.build(outgoing, askingForAnAr(line), TestStore.LRM, CREW, null, null, NOW,
                List.of(new ResourceState(NOW.withSecond(0), ResourceStatus.DECLENCHE, false)));
        List<ResourceState> states = resource(reply).state();
        assertEquals(List.of(ResourceStatus.DECLENCHE, ResourceStatus.DECISION), states.stream().map(ResourceState::status).toList());
        assertEquals(NOW, states.get(1).datetime(), "accepted now, to the second");
        assertEquals(NOW, states.get(0).datetime(), "in this minute, not before the decision it follows: the order and the times agree");
        officiallyValid(line, outgoing, reply);
    }

    @ParameterizedTest
    @MethodSource("lines")
    void theHomeCentreOfTheShiftGoesInTheReplyAndNothingWhenItIsNotSaid(ModelLine line) {
        OutgoingMessages outgoing = OutgoingMessages.of(TestStore.TABLET, new MutableClock(NOW.toInstant()), line);
        ShiftSetup shift = new ShiftSetup("VLM4", "Equipe SMUR 4", null, List.of(), "0240000000", null, null, null, "SMUR.VLM", false,
                "SMUR de Saint-Nazaire", "44184");
        ResourceInfo said = resource(EngagementReply.build(outgoing, askingForAnAr(line), TestStore.LRM, CREW, shift, null, NOW));
        assertEquals(shift.centerName(), said.centerName());
        assertEquals(shift.centerCity(), said.centerCity());
        officiallyValid(line, outgoing, EngagementReply.build(outgoing, askingForAnAr(line), TestStore.LRM, CREW, shift, null, NOW));
        ResourceInfo unsaid = resource(EngagementReply.build(outgoing, askingForAnAr(line), TestStore.LRM, CREW,
                new ShiftSetup("VLM4", null, null, List.of(), null, null, null, null), null, NOW));
        assertEquals(null, unsaid.centerName(), "not entered: not sent");
        assertEquals(null, unsaid.centerCity(), "not entered: not sent");
    }

    @ParameterizedTest
    @MethodSource("lines")
    void theGeoResSaysTheVehicleAndThePhoneOfTheShiftAndTheOfficialSchemaTakesIt(ModelLine line) {
        OutgoingMessages outgoing = OutgoingMessages.of(TestStore.TABLET, new MutableClock(NOW.toInstant()), line);
        ShiftSetup shift = new ShiftSetup("VLM 7", null, null, List.of(), "0612345678", null, null, null);
        org.opensmur.core.geo.GeoResource described = CREW.described(shift);
        assertEquals("VLM 7", described.name(), "the vehicle the shift rides");
        assertEquals(List.of(new org.opensmur.core.geo.GeoResource.GeoContact(org.opensmur.core.geo.GeoContactType.PHNADD, "0612345678")),
                described.contacts());
        Built geoRes = outgoing.geoResources(List.of(described), TestStore.LRM);
        assertTrue(geoRes.isValid(), () -> "valid: " + geoRes.issues());
        officiallyValid(line, outgoing, geoRes);
        org.opensmur.core.geo.GeoResource noShift = CREW.described(null);
        assertEquals(CREW.vehicleName(), noShift.name());
        assertEquals(null, noShift.contacts(), "no phone entered: no contact made up");
        assertEquals(null, noShift.capacity(), "the team's level not said: no capacity made up");

        // how it moves and whom it carries, as the Hub's vehicle list says of the type the shift rides
        org.opensmur.core.geo.GeoResource vlm = CREW.described(new ShiftSetup("VLM 7", null, org.opensmur.core.mission.MedicalLevel.MED,
                List.of(), null, null, null, null, "SMUR.VLM", false));
        assertEquals(org.opensmur.core.geo.GeoResourceMobility.VEHICULE, vlm.mobility());
        assertEquals(null, vlm.capacity(), "a VLM carries no patient");
        org.opensmur.core.geo.GeoResource heli = CREW.described(new ShiftSetup("Dragon", null, org.opensmur.core.mission.MedicalLevel.MED,
                List.of(), null, null, null, null, "SMUR.HELISMUR", false));
        assertEquals(org.opensmur.core.geo.GeoResourceMobility.HELICOPTERE, heli.mobility());
        assertEquals(org.opensmur.core.geo.GeoResourceCapacity.MEDICALE, heli.capacity());
        Built both = outgoing.geoResources(List.of(vlm, heli), TestStore.LRM);
        assertTrue(both.isValid(), () -> "valid: " + both.issues());
        officiallyValid(line, outgoing, both);
    }
}
