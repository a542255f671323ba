package org.opensmur.tablet.mission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.mission.ResourcesEngagement;
import org.opensmur.core.mission.ResourcesInfo;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.reference.Reference;
import org.opensmur.core.reference.ReferenceStep;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.status.ResourcesStatus;
import org.opensmur.core.tablet.OutboxEntry;
import org.opensmur.core.testing.FakeTransport;
import org.opensmur.core.testing.MutableClock;
import org.opensmur.store.TestStore;
import org.opensmur.store.db.StoreException;
import org.opensmur.tablet.TabletCore;
import org.opensmur.tablet.testing.Deliveries;

/**
 * The mission's rules, without a screen: what an engagement sends and opens, what each tap sends and
 * expects next, what a correction may send and when it may not, what a restart brings back, and when the
 * crew's looking at a case is said to its SAMU.
 */
class MissionCoreTest {

    private static final Crew CREW = new Crew("fr.health.samu440.resource.VLM4", "fr.health.samu440", "SMUR", "VLM 4", "Équipe 4");

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T08:00:00Z"));
    private final FakeTransport transport = new FakeTransport();
    private final OutgoingMessages samu = OutgoingMessages.of(TestStore.LRM, clock);
    private final List<MissionEvent> events = new CopyOnWriteArrayList<>();
    private TabletCore core;
    private MissionCore mission;

    private void open() {
        core = new TabletCore(transport, TestStore.TABLET, ModelLine.CURRENT, dir, TestStore.keys(), clock);
        core.trust(Set.of(TestStore.LRM));
        mission = new MissionCore(core, CREW, Runnable::run);
        core.events().subscribe(MissionEvent.class, events::add);
        core.start();
    }

    private void restart() {
        core.close();
        events.clear();
        open();
        mission.restore();
    }

    @AfterEach
    void close() {
        if (core != null) {
            core.close();
        }
    }

    /** The crew accepts the official request; returns its case id. */
    private String engaged() {
        open();
        HubMessage request = Deliveries.request(samu, TestStore.TABLET);
        Deliveries.deliver(core, transport, request);
        assertTrue(mission.accept(null).isPresent());
        return ((ResourcesEngagement) request.payload()).caseId();
    }

    private List<HubMessage> sent(MessageType type) {
        return core.ledger().list(null, 1000).stream()
                .sorted(java.util.Comparator.comparingLong(OutboxEntry::id))
                .filter(e -> e.type() == type)
                .map(e -> core.outgoing().codec().decode(core.ledger().body(e.distributionId())).envelope())
                .toList();
    }

    private List<ResourceStatus> statusesSent() {
        return sent(MessageType.RS_SR).stream().map(m -> ((ResourcesStatus) m.payload()).state().status()).toList();
    }

    private Timeline timeline() {
        return mission.timeline().orElseThrow();
    }

    @Test
    void acceptingSendsTheReplyToTheAskingSamuAndOpensTheMissionAtDeparture() {
        String caseId = engaged();
        List<HubMessage> replies = sent(MessageType.RS_RI);
        assertEquals(1, replies.size());
        assertEquals(TestStore.LRM, replies.get(0).recipientID());
        var resource = ((ResourcesInfo) replies.get(0).payload()).resource().get(0);
        assertEquals(CREW.resourceId(), resource.resourceId());
        assertEquals(ResourceStatus.DECISION, resource.state().get(0).status(), "engaged by the regulation's decision");
        assertEquals(caseId, mission.openCase());
        assertEquals(ResourceStatus.DEPART, timeline().expected());
        assertTrue(events.stream().anyMatch(e -> e instanceof MissionEvent.MissionOpened o && o.caseId().equals(caseId)));
        assertTrue(mission.accept(null).isEmpty(), "answered once: a second accept sends nothing");
        assertEquals(1, sent(MessageType.RS_RI).size());
    }

    @Test
    void eachTapSendsItsStatusAndTheFlowExpectsTheNextOne() {
        engaged();
        mission.tap(ResourceStatus.DEPART);
        mission.tap(ResourceStatus.ARRIVEE);
        mission.tap(ResourceStatus.PEC);
        assertEquals(ResourceStatus.TRANSP, timeline().expected());
        mission.tap(ResourceStatus.ORIENTAT); // optional: what is expected stays
        assertEquals(ResourceStatus.TRANSP, timeline().expected());
        assertEquals(List.of(ResourceStatus.DEPART, ResourceStatus.ARRIVEE, ResourceStatus.PEC, ResourceStatus.ORIENTAT), statusesSent());
        assertTrue(timeline().active());
        mission.tap(ResourceStatus.RETOUR);
        assertFalse(timeline().active(), "available again: the mission is over");
        assertEquals(Boolean.TRUE, ((ResourcesStatus) sent(MessageType.RS_SR).get(4).payload()).state().availability(), "RETOUR says available");
    }

    @Test
    void aCorrectionResendsTheStatusBeforeAndKeepsTheHistory() {
        engaged();
        mission.tap(ResourceStatus.DEPART);
        clock.advance(Duration.ofMinutes(5));
        Tap mistaken = mission.tap(ResourceStatus.PEC).orElseThrow(); // ARRIVEE skipped by mistake
        clock.advance(Duration.ofSeconds(20));
        var correction = mission.correct(mistaken).orElseThrow();
        assertEquals(ResourceStatus.DEPART, correction.sent().orElseThrow().status());
        assertEquals(timeline().taps().get(0).at(), correction.sent().orElseThrow().at(),
                "DEPART again with the time the crew left, not the time of the correction");
        assertEquals(clock.instant(), timeline().correctedAt(ResourceStatus.PEC).orElseThrow(), "PEC taken back now");
        assertEquals(List.of(ResourceStatus.DEPART, ResourceStatus.PEC, ResourceStatus.DEPART), statusesSent(), "history kept");
        assertEquals(ResourceStatus.ARRIVEE, timeline().expected());
        assertFalse(timeline().times().containsKey(ResourceStatus.PEC), "the corrected status has no time any more");
        assertTrue(mission.correct(correction.sent().orElseThrow()).isEmpty(), "a correction is not undone by another");
        assertEquals(3, statusesSent().size());
    }

    @Test
    void aCorrectionOfATapThatIsNoLongerTheLastSendsNothing() {
        engaged();
        mission.tap(ResourceStatus.DEPART);
        Tap shownOnThePrompt = mission.tap(ResourceStatus.ARRIVEE).orElseThrow();
        mission.tap(ResourceStatus.PEC); // tapped while the prompt for ARRIVEE was open
        assertTrue(mission.correct(shownOnThePrompt).isEmpty(), "the prompt's tap is no longer the last one");
        assertEquals(List.of(ResourceStatus.DEPART, ResourceStatus.ARRIVEE, ResourceStatus.PEC), statusesSent());
        assertEquals(ResourceStatus.TRANSP, timeline().expected());
    }

    @Test
    void aCorrectionAfterTheWindowSendsNothing() {
        engaged();
        mission.tap(ResourceStatus.DEPART);
        Tap last = mission.tap(ResourceStatus.ARRIVEE).orElseThrow();
        clock.advance(Timeline.CORRECTION_WINDOW.plusSeconds(1));
        assertTrue(mission.correct(last).isEmpty());
        assertEquals(List.of(ResourceStatus.DEPART, ResourceStatus.ARRIVEE), statusesSent());
    }

    @Test
    void aRequestTheSamuCancelsBeforeTheAnswerCanNoLongerBeAcceptedNorRingsAfterARestart() {
        open();
        Deliveries.deliver(core, transport, Deliveries.request(samu, TestStore.TABLET));
        Deliveries.deliver(core, transport, Deliveries.cancel(samu, TestStore.TABLET));
        assertTrue(events.stream().anyMatch(MissionEvent.RequestWithdrawn.class::isInstance));
        assertTrue(mission.accept(null).isEmpty(), "nothing to accept");
        assertTrue(sent(MessageType.RS_RI).isEmpty(), "no reply to a cancelled request");
        restart();
        assertTrue(events.stream().noneMatch(MissionEvent.RequestRinging.class::isInstance));
    }

    @Test
    void takingBackTheStatusThatEndedTheMissionReopensIt() {
        String caseId = engaged();
        mission.tap(ResourceStatus.DEPART);
        Tap available = mission.tap(ResourceStatus.RETOUR).orElseThrow();
        assertTrue(core.retention().closedAt(caseId).isPresent(), "RETOUR ends the mission");
        mission.correct(available);
        assertTrue(core.retention().closedAt(caseId).isEmpty(), "not over any more: never purged while it goes on");
        assertTrue(timeline().active());
    }

    @Test
    void aMissionPurgedAtTheEndOfItsRetentionIsNoLongerOpenNorBackAfterARestart() {
        String caseId = engaged();
        mission.tap(ResourceStatus.DEPART);
        mission.tap(ResourceStatus.RETOUR);
        // the SAMU has everything: the reply and each status acknowledged
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> core.ledger().list(null, 1000).stream().noneMatch(e -> e.state() == org.opensmur.core.tablet.DeliveryState.QUEUED));
        for (MessageType type : List.of(MessageType.RS_RI, MessageType.RS_SR)) {
            sent(type).forEach(m -> Deliveries.deliver(core, transport, samu.reference(m, ReferenceStep.RECU).orElseThrow()));
        }
        clock.advance(Duration.ofHours(71));
        assertEquals(List.of(), core.purgeDue(), "kept for its time");
        assertEquals(caseId, mission.openCase());

        clock.advance(Duration.ofHours(2));
        var outcomes = core.purgeDue();
        assertEquals(1, outcomes.size());
        assertTrue(outcomes.get(0).purged(), outcomes.get(0).why());
        assertNull(mission.openCase(), "the mission past its time is no longer open: no face shows it");
        assertTrue(events.contains(new MissionEvent.MissionErased(caseId, true)), events.toString());

        restart();
        assertTrue(mission.timeline().isEmpty(), "nor does a restart bring it back");
    }

    /**
     * An RS-RPIS names its case's number only. Another party opens a look-alike case id (its own organisation, the
     * same number) and closes it: its purge leaves our RPIS of the real mission, which goes with that mission's.
     */
    @Test
    void aLookAlikeCasesPurgeLeavesTheRpisOfTheRealMission() {
        String caseId = engaged();
        mission.tap(ResourceStatus.DEPART);
        mission.tap(ResourceStatus.RETOUR);
        String number = caseId.substring(caseId.lastIndexOf('.') + 1);
        var rpisPayload = (org.opensmur.core.rpis.Rpis) org.opensmur.core.conformance.SharedCorpus.examplePayload(
                ModelLine.CURRENT, MessageType.RS_RPIS, "AliceNormand.15a");
        assertEquals(number, rpisPayload.context().senderCaseId(), "the official record of this case");
        String oru = "fr.health.ors.pdl";
        OutboxEntry rpis = core.send(core.outgoing().rpis(rpisPayload, oru));

        // the look-alike: another party's case of the same number, shared with the tablet, then closed by it
        String other = "fr.health.samu690.lrm";
        OutgoingMessages party = OutgoingMessages.of(other, clock);
        String lookAlike = "fr.health.samu690." + number;
        var tree = core.outgoing().codec().toTree(Deliveries.caseCreated(party, TestStore.TABLET));
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.at("/content/0/jsonContent/embeddedJsonContent/message/createCaseHealth"))
                .put("caseId", lookAlike);
        Deliveries.deliver(core, transport, core.outgoing().codec().decodeTree(tree).envelope());
        var closing = core.outgoing().codec().toTree(Deliveries.caseUpdated(party, TestStore.TABLET, "AliceGregoireNormand.16"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) closing.at("/content/0/jsonContent/embeddedJsonContent/message/createCaseHealthUpdate"))
                .put("caseId", lookAlike);
        Deliveries.deliver(core, transport, core.outgoing().codec().decodeTree(closing).envelope());
        assertTrue(core.retention().closedAt(lookAlike).isPresent(), "its owner closed it");

        // everything delivered: the reply and the statuses to the SAMU, the RPIS to the ORU
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> core.ledger().list(null, 1000).stream().noneMatch(e -> e.state() == org.opensmur.core.tablet.DeliveryState.QUEUED));
        for (MessageType type : List.of(MessageType.RS_RI, MessageType.RS_SR)) {
            sent(type).forEach(m -> Deliveries.deliver(core, transport, samu.reference(m, ReferenceStep.RECU).orElseThrow()));
        }
        sent(MessageType.RS_RPIS).forEach(m -> Deliveries.deliver(core, transport,
                OutgoingMessages.of(oru, clock).reference(m, ReferenceStep.RECU).orElseThrow()));

        assertTrue(core.retention().purgeNow(lookAlike).purged());
        assertNotNull(core.ledger().find(rpis.distributionId()), "our RPIS stays with the mission it was made on");
        assertTrue(core.retention().purgeNow(caseId).purged());
        assertNull(core.ledger().find(rpis.distributionId()), "and goes with it");
    }

    @Test
    void correctingTheFirstTapSendsNothingAndDepartureIsExpectedAgain() {
        engaged();
        Tap first = mission.tap(ResourceStatus.DEPART).orElseThrow();
        assertTrue(mission.correct(first).orElseThrow().sent().isEmpty());
        assertEquals(List.of(ResourceStatus.DEPART), statusesSent(), "nothing more sent");
        assertEquals(ResourceStatus.DEPART, timeline().expected());
    }

    @Test
    void aRestartBringsBackTheTimelineWithItsCorrectionsAndDeliveries() {
        String caseId = engaged();
        mission.tap(ResourceStatus.DEPART);
        mission.tap(ResourceStatus.ARRIVEE);
        Tap mistaken = mission.tap(ResourceStatus.TRANSP).orElseThrow();
        mission.correct(mistaken);
        Timeline before = timeline();

        restart();

        Timeline after = timeline();
        assertEquals(caseId, after.caseId());
        assertEquals(before.taps(), after.taps());
        assertEquals(before.standing(), after.standing());
        assertEquals(ResourceStatus.PEC, after.expected());
        assertEquals(before.times(), after.times());
        assertEquals(before.corrections(), after.corrections());
        assertTrue(after.taps().stream().allMatch(t -> after.stateOf(t) != null), "each tap's delivery state is read back");
        assertTrue(events.stream().anyMatch(MissionEvent.Restored.class::isInstance));
    }

    @Test
    void aRequestNotAnsweredRingsAgainAfterARestartAndAnAnsweredOneDoesNot() {
        open();
        Deliveries.deliver(core, transport, Deliveries.request(samu, TestStore.TABLET));
        restart();
        var ringing = events.stream().filter(MissionEvent.RequestRinging.class::isInstance).map(MissionEvent.RequestRinging.class::cast).toList();
        assertEquals(1, ringing.size());
        assertTrue(ringing.get(0).afterRestart());
        assertTrue(ringing.get(0).trusted());
        mission.accept(null);
        restart();
        assertTrue(events.stream().noneMatch(MissionEvent.RequestRinging.class::isInstance));
        assertNotNull(mission.openCase());
    }

    @Test
    void aTapThatCannotBeSavedIsNeitherSentNorInTheTimeline() throws Exception {
        engaged();
        mission.tap(ResourceStatus.DEPART);
        Files.delete(dir.resolve("store.db")); // the database goes under the running tablet
        assertThrows(StoreException.class, () -> mission.tap(ResourceStatus.ARRIVEE));
        assertEquals(List.of(ResourceStatus.DEPART), timeline().standing().stream().map(Tap::status).toList());
        assertEquals(ResourceStatus.ARRIVEE, timeline().expected(), "the crew can tap it again");
    }

    @Test
    void aMissionBegunBeforeTapsHadRowsComesBackFromWhatItSent() {
        String caseId = engaged();
        // as a tablet of the previous version queued them: the RS-SR alone, no row of its own
        for (ResourceStatus status : List.of(ResourceStatus.DEPART, ResourceStatus.ARRIVEE)) {
            core.send(core.outgoing().statusChange(caseId, CREW.resourceId(), status, java.time.OffsetDateTime.now(clock), false, TestStore.LRM));
        }
        restart();
        assertEquals(List.of(ResourceStatus.DEPART, ResourceStatus.ARRIVEE), timeline().standing().stream().map(Tap::status).toList());
        assertEquals(ResourceStatus.PEC, timeline().expected());
        restart(); // written as rows the first time: read the same the second
        assertEquals(2, core.statusTaps().of(caseId).size());
    }

    @Test
    void aMissionBegunBeforeTapsHadRowsKeepsTheCorrectionsTheOldVersionMade() {
        String caseId = engaged();
        // The previous version corrected the last tap by tapping the status before it again, at once (within the window).
        oldTap(caseId, ResourceStatus.DEPART);
        clock.advance(Duration.ofMinutes(4));
        String mistaken = oldTap(caseId, ResourceStatus.PEC).distributionId(); // ARRIVEE skipped by mistake
        clock.advance(Duration.ofSeconds(15));
        String correction = oldTap(caseId, ResourceStatus.DEPART).distributionId();
        clock.advance(Duration.ofMinutes(3));
        oldTap(caseId, ResourceStatus.ARRIVEE);
        restart();
        assertEquals(List.of(ResourceStatus.DEPART, ResourceStatus.DEPART, ResourceStatus.ARRIVEE),
                timeline().standing().stream().map(Tap::status).toList(), "PEC was taken back");
        assertTrue(timeline().corrected().containsKey(mistaken));
        assertEquals(List.of(correction), timeline().corrections());
        assertFalse(timeline().times().containsKey(ResourceStatus.PEC), "a status taken back has no time");
        assertEquals(ResourceStatus.PEC, timeline().expected());
        assertTrue(mission.corrected(mistaken), "what the crew took back is never sent again");
        restart(); // written as rows: read the same the second time
        assertTrue(timeline().corrected().containsKey(mistaken));
        assertEquals(List.of(correction), timeline().corrections());
    }

    @Test
    void aStatusTheOldVersionSentAgainIsFollowedByItsNewMessageNotTappedTwice() {
        String caseId = engaged();
        OutboxEntry departed = oldTap(caseId, ResourceStatus.DEPART);
        clock.advance(Duration.ofMinutes(5));
        // the previous version's "send again": the same content in a new message
        var stored = core.outgoing().codec().decode(core.ledger().body(departed.distributionId())).envelope();
        String again = core.send(core.outgoing().build(stored.payload(), TestStore.LRM)).distributionId();
        restart();
        assertEquals(List.of(ResourceStatus.DEPART), timeline().standing().stream().map(Tap::status).toList());
        assertEquals(again, timeline().messageOf(timeline().taps().get(0)));
        restart(); // written as rows: the same the second time
        assertEquals(again, timeline().messageOf(timeline().taps().get(0)));
    }

    @Test
    void aStatusTappedAgainLaterByTheOldVersionIsATapNotACorrection() {
        String caseId = engaged();
        oldTap(caseId, ResourceStatus.DEPART);
        clock.advance(Duration.ofMinutes(4));
        oldTap(caseId, ResourceStatus.ARRIVEE);
        clock.advance(Timeline.CORRECTION_WINDOW.plusMinutes(5)); // past the window: the old version offered no correction
        oldTap(caseId, ResourceStatus.DEPART);
        restart();
        assertEquals(3, timeline().standing().size());
        assertTrue(timeline().corrected().isEmpty());
    }

    @Test
    void anUndecodableBodyOfTheOldVersionIsSkippedAndNamedAndTheRestRestored() throws Exception {
        String caseId = engaged();
        oldTap(caseId, ResourceStatus.DEPART);
        clock.advance(Duration.ofMinutes(4));
        String broken = oldTap(caseId, ResourceStatus.ARRIVEE).distributionId();
        clock.advance(Duration.ofMinutes(4));
        oldTap(caseId, ResourceStatus.PEC);
        core.store().database().inTransaction(c -> { // the body altered on disk: it no longer opens
            try (var update = c.prepareStatement("UPDATE outbox SET body = ? WHERE distribution_id = ?")) {
                update.setBytes(1, "not a sealed body".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                update.setString(2, broken);
                update.executeUpdate();
            }
            return null;
        });
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            restart();
        } finally {
            System.setErr(err);
        }
        assertEquals(List.of(ResourceStatus.DEPART, ResourceStatus.PEC), timeline().standing().stream().map(Tap::status).toList());
        assertEquals(ResourceStatus.TRANSP, timeline().expected());
        String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(log.contains(broken), "the message left out is named: " + log);
        assertFalse(log.contains("PEC") || log.contains("DEPART") || log.contains(caseId), "nothing of the mission in the log: " + log);
    }

    @Test
    void aTapRowThatNoLongerOpensIsSkippedAndNamedAndTheRestRestored() throws Exception {
        engaged();
        mission.tap(ResourceStatus.DEPART);
        clock.advance(Duration.ofMinutes(4));
        String broken = mission.tap(ResourceStatus.ARRIVEE).orElseThrow().distributionId();
        clock.advance(Duration.ofMinutes(4));
        mission.tap(ResourceStatus.PEC);
        core.store().database().inTransaction(c -> { // the row altered on disk
            try (var update = c.prepareStatement("UPDATE status_taps SET body = ? WHERE distribution_id = ?")) {
                update.setBytes(1, "not a sealed body".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                update.setString(2, broken);
                update.executeUpdate();
            }
            return null;
        });
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            restart();
        } finally {
            System.setErr(err);
        }
        assertEquals(List.of(ResourceStatus.DEPART, ResourceStatus.PEC), timeline().standing().stream().map(Tap::status).toList());
        String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(log.contains(broken), "the tap left out is named: " + log);
        assertFalse(log.contains("ARRIVEE"), "nothing of what it held: " + log);
    }

    /** A status queued as the previous version did: its RS-SR alone, no row of its own. */
    private OutboxEntry oldTap(String caseId, ResourceStatus status) {
        return core.send(core.outgoing().statusChange(caseId, CREW.resourceId(), status, java.time.OffsetDateTime.now(clock), false, TestStore.LRM));
    }

    @Test
    void aStatusSentAgainIsFollowedByItsNewMessageAfterARestartAndATakenBackOneIsNotSentAgain() {
        engaged();
        Tap departed = mission.tap(ResourceStatus.DEPART).orElseThrow();
        clock.advance(Duration.ofMinutes(5));
        String again = mission.sendAgain(departed.distributionId()).orElseThrow().distributionId();
        String third = mission.sendAgain(again).orElseThrow().distributionId(); // the new one unconfirmed too
        assertEquals(List.of(ResourceStatus.DEPART, ResourceStatus.DEPART, ResourceStatus.DEPART), statusesSent(), "new messages, same status");
        assertEquals(third, timeline().messageOf(departed));
        assertEquals(List.of(departed), timeline().taps(), "sent again is not tapped again");

        restart();

        assertEquals(third, timeline().messageOf(departed), "the tap follows the last message it was sent in");
        assertNotNull(timeline().stateOf(departed));
        clock.advance(Duration.ofSeconds(10));
        Tap mistaken = mission.tap(ResourceStatus.PEC).orElseThrow();
        String mistakenAgain = mission.sendAgain(mistaken.distributionId()).orElseThrow().distributionId();
        mission.correct(mistaken);
        assertTrue(mission.corrected(mistakenAgain), "the message it was sent again in carries what was taken back");
        assertTrue(mission.sendAgain(mistakenAgain).isEmpty(), "what the crew took back is never sent again");
    }

    @Test
    void whatGoesWithASendAgainIsSavedWithItOrNothingIs() {
        engaged();
        Tap departed = mission.tap(ResourceStatus.DEPART).orElseThrow();
        clock.advance(Duration.ofMinutes(5));
        assertThrows(IllegalStateException.class, () -> mission.sendAgain(departed.distributionId(), () -> {
            core.drafts().save("noted", java.util.Map.of("sent", "again"));
            throw new IllegalStateException("what goes with it fails");
        }));
        assertEquals(List.of(ResourceStatus.DEPART), statusesSent(), "nothing sent");
        assertTrue(core.drafts().load("noted").isEmpty(), "nothing noted");
        assertEquals(departed.distributionId(), timeline().messageOf(departed));
        restart();
        assertEquals(departed.distributionId(), timeline().messageOf(departed), "the tap follows no message that was not sent");
    }

    @Test
    void aMissionTheSamuCancelledIsStillCancelledAfterARestart() {
        engaged();
        mission.tap(ResourceStatus.DEPART);
        Deliveries.deliver(core, transport, Deliveries.cancel(samu, TestStore.TABLET));
        restart();
        assertTrue(timeline().cancelledBySamu(), "the SAMU's cancellation is not forgotten");
        assertEquals(ResourceStatus.ANNULE, timeline().expected());
    }

    @Test
    void aCancellationStoredButNotYetHandledWhenTheTabletDiedIsNotLost() {
        engaged();
        mission.tap(ResourceStatus.DEPART);
        core.close();
        // The tablet again, dying between storing the SAMU's cancellation (acknowledged to the broker) and handling it.
        core = new TabletCore(transport, TestStore.TABLET, ModelLine.CURRENT, dir, TestStore.keys(), clock);
        core.trust(Set.of(TestStore.LRM));
        new MissionCore(core, CREW, task -> { }); // its received messages never handled
        core.start();
        Deliveries.deliver(core, transport, Deliveries.cancel(samu, TestStore.TABLET));
        restart();
        assertTrue(timeline().cancelledBySamu(), "the cancellation the store kept is the mission's");
        assertEquals(ResourceStatus.ANNULE, timeline().expected());
    }

    @Test
    void aCaseTheSamuEngagedAgainAfterCancellingIsNotCancelledAfterARestart() {
        engaged();
        mission.tap(ResourceStatus.DEPART);
        Deliveries.deliver(core, transport, Deliveries.cancel(samu, TestStore.TABLET));
        clock.advance(Duration.ofMinutes(1));
        Deliveries.deliver(core, transport, Deliveries.request(samu, TestStore.TABLET)); // engaged again
        assertTrue(mission.accept(null).isPresent());
        assertFalse(timeline().cancelledBySamu());
        restart();
        assertFalse(timeline().cancelledBySamu(), "engaged again: the earlier cancellation is over");
        assertEquals(ResourceStatus.ARRIVEE, timeline().expected());
    }

    @Test
    void acceptingAgainTheCaseAlreadyEngagedKeepsItsTimeline() {
        String caseId = engaged();
        mission.tap(ResourceStatus.DEPART);
        clock.advance(Duration.ofMinutes(3));
        mission.tap(ResourceStatus.ARRIVEE);
        Deliveries.deliver(core, transport, Deliveries.request(samu, TestStore.TABLET)); // the SAMU asks again for the same case
        assertTrue(mission.accept(null).isPresent(), "answered again");
        assertEquals(caseId, mission.openCase());
        assertEquals(List.of(ResourceStatus.DEPART, ResourceStatus.ARRIVEE), timeline().standing().stream().map(Tap::status).toList(),
                "the taps made stay");
        assertEquals(ResourceStatus.PEC, timeline().expected());
        Timeline now = timeline();
        restart();
        assertEquals(now.taps(), timeline().taps());
    }

    @Test
    void aNewEngagementOnACaseWhoseMissionIsOverStartsAfresh() {
        String caseId = engaged();
        mission.tap(ResourceStatus.DEPART);
        Deliveries.deliver(core, transport, Deliveries.cancel(samu, TestStore.TABLET));
        mission.tap(ResourceStatus.ANNULE); // the crew confirms: that mission is over
        assertFalse(timeline().active());
        Deliveries.deliver(core, transport, Deliveries.request(samu, TestStore.TABLET)); // the SAMU engages it again later
        assertTrue(mission.accept(null).isPresent());
        assertEquals(caseId, mission.openCase());
        assertEquals(List.of(), timeline().standing(), "a new mission: the ended one's taps (ANNULE: available) do not stand for it");
        assertTrue(timeline().active());
        assertEquals(ResourceStatus.DEPART, timeline().expected());
    }

    @Test
    void theSamuCancellingMakesAnnuleExpectedUntilTheCrewConfirmsIt() {
        engaged();
        mission.tap(ResourceStatus.DEPART);
        Deliveries.deliver(core, transport, Deliveries.cancel(samu, TestStore.TABLET));
        assertEquals(ResourceStatus.ANNULE, timeline().expected());
        assertTrue(events.stream().anyMatch(MissionEvent.CancelledBySamu.class::isInstance));
        mission.tap(ResourceStatus.ANNULE);
        assertNull(timeline().expected());
        assertFalse(timeline().active());
    }

    @Test
    void aCaseMessageIsSaidConsultedOnlyOnceTheCrewHasTheMissionScreen() {
        engaged();
        HubMessage created = Deliveries.caseCreated(samu, TestStore.TABLET);
        mission.screenShown("STATUS", false);
        Deliveries.deliver(core, transport, created);
        assertFalse(consulted(created), "on another screen: not consulted yet");
        mission.screenShown("MISSION", true);
        assertTrue(consulted(created));
    }

    private boolean consulted(HubMessage received) {
        return sent(MessageType.RC_REF).stream().map(m -> (Reference) m.payload())
                .anyMatch(r -> r.distributionID().equals(received.distributionID()) && r.step() == ReferenceStep.CONSULTE);
    }
}
