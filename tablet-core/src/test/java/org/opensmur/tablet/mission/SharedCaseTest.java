package org.opensmur.tablet.mission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.document.Document;
import org.opensmur.core.document.DocumentLink;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.mission.CreateCaseHealth;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.rpis.Rpis;
import org.opensmur.core.rpis.RpisTimes;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.tablet.OutboxEntry;
import org.opensmur.core.testing.FakeTransport;
import org.opensmur.core.testing.MutableClock;
import org.opensmur.store.TestStore;
import org.opensmur.tablet.TabletCore;
import org.opensmur.tablet.rpis.RpisPrefill;
import org.opensmur.tablet.testing.Deliveries;

/**
 * Périmètre 1, the flow the 15-SMUR pilots deploy first: the SAMU shares its case (RS-EDA, then RS-EDA-MAJ) and
 * sends no engagement request; the crew opens it as a shared case, taps its statuses for the RPIS times (no RS-SR
 * leaves), sends document links (RS-URL) and the RPIS; an RS-ER arriving later for the same case continues the
 * mission from what was entered. On both model lines, each message sent checked against the line's official schema.
 */
class SharedCaseTest {

    private static final Crew CREW = new Crew(TestStore.VLM4, TestStore.LRM, "SMUR.VLM", "VLM 4", "Équipe 4");
    private static final String ORU = "fr.health.ors.pdl";

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T08:00:00Z"));
    private final FakeTransport transport = new FakeTransport();
    private final List<MissionEvent> events = new CopyOnWriteArrayList<>();
    private TabletCore core;
    private MissionCore mission;
    private OutgoingMessages samu;

    static List<ModelLine> lines() {
        return ModelLine.all();
    }

    private void open(ModelLine line) {
        samu = OutgoingMessages.of(TestStore.LRM, clock, line);
        core = new TabletCore(transport, TestStore.TABLET, line, dir, TestStore.keys(), clock);
        core.trust(Set.of(TestStore.LRM));
        mission = new MissionCore(core, CREW, Runnable::run);
        core.events().subscribe(MissionEvent.class, events::add);
        core.start();
    }

    private void restart(ModelLine line) {
        core.close();
        events.clear();
        open(line);
        mission.restore();
    }

    @AfterEach
    void close() {
        if (core != null) {
            core.close();
        }
    }

    /** The SAMU shares the NORMAND case (creation, then an update valid on every line); returns its case id. */
    private String shared() {
        HubMessage created = Deliveries.caseCreated(samu, TestStore.TABLET);
        Deliveries.deliver(core, transport, created);
        Deliveries.deliver(core, transport, Deliveries.caseUpdated(samu, TestStore.TABLET, "AliceGregoireNormand.10"));
        return ((CreateCaseHealth) created.payload()).caseId();
    }

    private List<OutboxEntry> sent(MessageType type) {
        return core.store().outbox().list(null, 1000).stream().sorted(Comparator.comparingLong(OutboxEntry::id))
                .filter(e -> e.type() == type).toList();
    }

    private HubMessage message(OutboxEntry entry) {
        return core.outgoing().codec().decode(core.store().outbox().body(entry.distributionId())).envelope();
    }

    /** The official schema of the line says nothing against what left. */
    private void officiallyValid(ModelLine line, OutboxEntry entry) {
        var errors = SharedCorpus.officialErrors(SharedCorpus.officialEnvelopeSchema(line),
                SharedCorpus.readBytes(core.store().outbox().body(entry.distributionId())));
        assertEquals(Set.of(), errors, entry.type() + " against the official schema of model " + line.name());
    }

    @ParameterizedTest
    @MethodSource("lines")
    void aCaseSharedWithoutEngagementOpensAndItsDocumentsAndRpisLeaveWithoutAnyStatusMessage(ModelLine line) {
        open(line);
        String caseId = shared();
        var offered = events.stream().filter(MissionEvent.CaseShared.class::isInstance).map(MissionEvent.CaseShared.class::cast).toList();
        assertEquals(1, offered.size(), "offered once to the crew, not once per update");
        assertEquals(caseId, offered.get(0).caseId());
        assertNull(mission.openCase(), "nothing opens by itself");

        assertTrue(mission.openShared(caseId));
        var opened = events.stream().filter(MissionEvent.MissionOpened.class::isInstance).map(MissionEvent.MissionOpened.class::cast)
                .findFirst().orElseThrow();
        assertTrue(opened.shared());
        assertEquals(TestStore.LRM, opened.lrmId(), "who shared it: where the documents go");
        assertTrue(opened.view().shared(), "the case's own facts are there for the screens");

        Instant start = clock.instant();
        for (ResourceStatus status : List.of(ResourceStatus.DEPART, ResourceStatus.ARRIVEE, ResourceStatus.PEC, ResourceStatus.TRANSP,
                ResourceStatus.DESTIN, ResourceStatus.RETOUR)) {
            clock.advance(Duration.ofMinutes(7));
            Tap tap = mission.tap(status).orElseThrow();
            assertTrue(tap.local(), "kept on the tablet: " + status);
        }
        assertEquals(List.of(), sent(MessageType.RS_SR), "no RS-SR on a shared case");
        Timeline timeline = mission.timeline().orElseThrow();
        assertTrue(timeline.shared());
        assertFalse(timeline.active(), "available again: over, as an engaged mission would be");
        assertEquals(start.plus(Duration.ofMinutes(7)), timeline.times().get(ResourceStatus.DEPART).toInstant());

        // RS-URL: the case's link, to who shared it.
        var link = core.send(core.outgoing().documentLinks(caseId, null,
                List.of(new Document("BILAN", "https://smur.example.org/bilan/1")), opened.lrmId()));
        assertEquals(TestStore.LRM, message(link).recipientID());
        assertEquals(caseId, ((DocumentLink) message(link).payload()).caseId());
        officiallyValid(line, link);

        // RS-RPIS: the times are the taps', the rest the case's and the crew's answers.
        Rpis draft = RpisPrefill.from(mission.openCaseView().orElseThrow(), timeline.times(), "T58",
                new RpisPrefill.Unit(TestStore.LRM, "440000289", "440000271", "0"), 0, null);
        Rpis crewStates = (Rpis) SharedCorpus.examplePayload(line, MessageType.RS_RPIS, "AliceNormand.15a"); // what the crew types
        Rpis record = RpisPrefill.complete(draft, new RpisPrefill.Answers(crewStates.regulation().whatsHappen(),
                crewStates.regulation().healthMotive(), crewStates.regulation().medicalLevel(), crewStates.patient().birthDate(),
                crewStates.patient().sex(), crewStates.intervention().team(), timeline.times().get(ResourceStatus.DEPART).minusMinutes(2),
                null, null, crewStates.orientation().type(), crewStates.intervention().location().type(),
                new RpisTimes(null, null, null, null, null, timeline.times().get(ResourceStatus.RETOUR).plusMinutes(20)),
                crewStates.orientation().destination()));
        assertEquals(List.of(), RpisPrefill.missing(record));
        var rpis = core.send(core.outgoing().rpis(record, ORU));
        officiallyValid(line, rpis);
        RpisTimes times = ((Rpis) message(rpis).payload()).intervention().smurStatus();
        assertEquals(timeline.times().get(ResourceStatus.DEPART), times.departSmur(), "departure: the local tap");
        assertEquals(timeline.times().get(ResourceStatus.ARRIVEE), times.arrivedSmur());
        assertEquals(timeline.times().get(ResourceStatus.TRANSP), times.departLocation());
        assertEquals(timeline.times().get(ResourceStatus.DESTIN), times.arrivedDestination());
        assertEquals(timeline.times().get(ResourceStatus.RETOUR), times.teamAvailable());
        assertEquals(ORU, message(rpis).recipientID());
        assertEquals(List.of(), sent(MessageType.RS_SR));
        assertEquals(List.of(), sent(MessageType.RS_RI), "no engagement: no reply");
    }

    @ParameterizedTest
    @MethodSource("lines")
    void anEngagementRequestArrivingLaterContinuesTheSharedMissionFromWhatWasTapped(ModelLine line) {
        open(line);
        String caseId = shared();
        mission.openShared(caseId);
        Tap departed = mission.tap(ResourceStatus.DEPART).orElseThrow();
        clock.advance(Duration.ofMinutes(5));

        restart(line); // the shared mission and its local tap come back
        assertEquals(caseId, mission.openCase());
        assertTrue(mission.timeline().orElseThrow().shared());
        assertEquals(List.of(departed), mission.timeline().orElseThrow().standing());

        Deliveries.deliver(core, transport, Deliveries.request(samu, TestStore.TABLET));
        assertTrue(mission.accept(null).isPresent());
        Timeline engaged = mission.timeline().orElseThrow();
        assertFalse(engaged.shared(), "engaged now: the next taps are sent");
        assertEquals(List.of(departed), engaged.standing(), "what was tapped stays");
        assertEquals(ResourceStatus.ARRIVEE, engaged.expected(), "the mission goes on from the departure");
        officiallyValid(line, sent(MessageType.RS_RI).get(0));

        mission.tap(ResourceStatus.ARRIVEE);
        assertEquals(1, sent(MessageType.RS_SR).size(), "only what was tapped once engaged is sent");
        officiallyValid(line, sent(MessageType.RS_SR).get(0));
        assertEquals(List.of(ResourceStatus.DEPART, ResourceStatus.ARRIVEE),
                mission.timeline().orElseThrow().standing().stream().map(Tap::status).toList());
    }

    @ParameterizedTest
    @MethodSource("lines")
    void aSharedCaseIsNotOpenedOverAMissionUnderWayNorACaseNobodyShared(ModelLine line) {
        open(line);
        Deliveries.deliver(core, transport, Deliveries.request(samu, TestStore.TABLET));
        mission.accept(null);
        String engagedOn = mission.openCase();
        mission.tap(ResourceStatus.DEPART);
        String caseId = shared();
        assertFalse(mission.openShared(caseId), "engaged on a mission under way");
        assertEquals(engagedOn, mission.openCase());
        assertFalse(mission.openShared("fr.health.samu440.DRFR154402414399999"), "a case no trusted party shared");
    }

    @ParameterizedTest
    @MethodSource("lines")
    void theNextCaseIsShownAndOfferedOnceTheMissionIsOver(ModelLine line) {
        open(line);
        Deliveries.deliver(core, transport, Deliveries.request(samu, TestStore.TABLET));
        mission.accept(null);
        String first = mission.openCase();
        shared(); // the engaged case's own messages: shown, not offered
        assertTrue(events.stream().noneMatch(MissionEvent.CaseShared.class::isInstance));
        mission.tap(ResourceStatus.DEPART);
        mission.tap(ResourceStatus.RETOUR); // available again: the mission is over
        events.clear();
        var next = (CreateCaseHealth) SharedCorpus.examplePayload(line, MessageType.RS_EDA, "AliceGregoireNormand.01");
        String nextCase = next.caseId() + "9"; // another case of the same SAMU
        var renamed = samu.build(new CreateCaseHealth(nextCase, next.senderCaseId(), next.creation(), next.perimeter(),
                next.interventionType(), next.qualification(), next.location(), next.initialAlert(), next.owner(), next.patient(),
                next.medicalNote(), next.decision(), next.additionalInformation()), TestStore.TABLET).orElseThrow();
        Deliveries.deliver(core, transport, renamed);
        assertTrue(events.stream().anyMatch(e -> e instanceof MissionEvent.CaseChanged c && c.view().caseId().equals(nextCase)),
                "shown although a mission is open: it is over");
        assertTrue(events.stream().anyMatch(e -> e instanceof MissionEvent.CaseShared c && c.caseId().equals(nextCase)));
        assertEquals(first, mission.openCase(), "the finished mission stays open until the crew opens the next");
        assertTrue(mission.openShared(nextCase));
        assertEquals(nextCase, mission.openCase());
    }
}
