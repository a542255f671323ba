package org.opensmur.store.inbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.hub.client.HubClient;
import org.opensmur.core.hub.client.HubEvent;
import org.opensmur.core.hub.codec.Decoded;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.hub.transport.Delivery;
import org.opensmur.core.hub.transport.HubQueue;
import org.opensmur.core.hub.transport.Inbound;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.reference.Reference;
import org.opensmur.core.reference.ReferenceStep;
import org.opensmur.core.tablet.CaseView;
import org.opensmur.core.testing.FakeTransport;
import org.opensmur.store.TestStore;
import org.opensmur.store.outbox.OutboxRelay;

class InboxTest {

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();

    /** A tablet: store, relay and client on a fake broker. */
    private final class Tablet {
        final TestStore t;
        final FakeTransport transport = new FakeTransport();
        final List<HubEvent> events = new CopyOnWriteArrayList<>();
        final HubClient client;

        Tablet(Path folder) {
            t = new TestStore(folder);
            OutboxRelay relay = t.store.relay(transport, t.clock, 16);
            relay.start();
            client = new HubClient(transport, t.codec, t.store.inbox(), t.store.acknowledger(),
                    event -> {
                        events.add(event);
                        t.store.ledgerUpdates().accept(event);
                    });
            client.start();
            open.add(relay);
            open.add(t.store);
        }

        Inbound.Disposition deliver(HubMessage message, boolean redelivered) {
            return transport.inbound().onDelivery(new Delivery(HubQueue.MESSAGE, t.codec.encode(message), "application/json", redelivered));
        }
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    /** The official case of Alice and Grégoire NORMAND, as an LRM would send it, one message per minute. */
    private List<HubMessage> normandCase(TestStore t) {
        OutgoingMessages lrm = new OutgoingMessages(TestStore.LRM, t.clock, () -> java.util.UUID.randomUUID().toString(),
                org.opensmur.core.outgoing.Expiry.defaults(), org.opensmur.core.hub.message.DistributionStatus.ACTUAL, t.codec);
        List<HubMessage> messages = new ArrayList<>();
        messages.add(example(lrm, MessageType.RS_EDA, "AliceGregoireNormand.01"));
        for (String step : List.of("07", "10", "16")) {
            t.clock.advance(Duration.ofMinutes(1));
            messages.add(example(lrm, MessageType.RS_EDA_MAJ, "AliceGregoireNormand." + step));
        }
        return messages;
    }

    private static HubMessage example(OutgoingMessages lrm, MessageType type, String name) {
        return lrm.build(SharedCorpus.examplePayload(type, name), TestStore.TABLET).orElseThrow();
    }

    @Test
    void theSameMessageDeliveredThreeTimesHasOneEffectAndTheSameReferenceEachTime() {
        Tablet tablet = new Tablet(dir);
        HubMessage caseMessage = normandCase(tablet.t).get(0);
        for (int i = 0; i < 3; i++) {
            assertEquals(Inbound.Disposition.STORED, tablet.deliver(caseMessage, i > 0));
            await().atMost(Duration.ofSeconds(10)).until(() -> tablet.t.store.outbox().waiting() == 0);
        }

        assertEquals(3, tablet.t.store.inbox().timesReceived(caseMessage.distributionID()));
        List<Boolean> duplicates = tablet.events.stream().filter(e -> e instanceof HubEvent.MessageReceived)
                .map(e -> ((HubEvent.MessageReceived) e).duplicate()).toList();
        assertEquals(List.of(false, true, true), duplicates);
        CaseView view = tablet.t.store.cases().view("fr.health.samu440.DRFR154402413800236");
        assertTrue(view.shared());
        assertEquals(List.of(), view.changes());

        List<FakeTransport.Published> references = tablet.transport.published();
        assertEquals(3, references.size(), "an RC-REF for every delivery");
        String reference = tablet.t.store.acknowledger().referenceOf(caseMessage.distributionID(), ReferenceStep.RECU);
        for (FakeTransport.Published published : references) {
            assertEquals(reference, published.distributionId(), "always the same RC-REF");
            Reference payload = (Reference) tablet.t.codec.decode(published.body()).envelope().payload();
            assertEquals(caseMessage.distributionID(), payload.distributionID());
        }
    }

    @Test
    void updatesApplyInSendingOrderWhateverTheArrivalOrder() {
        Tablet inOrder = new Tablet(dir.resolve("a"));
        Tablet shuffled = new Tablet(dir.resolve("b"));
        List<HubMessage> messages = normandCase(inOrder.t);
        messages.forEach(m -> inOrder.deliver(m, false));
        for (int i : new int[] {3, 1, 0, 2}) {
            shuffled.deliver(messages.get(i), false);
        }
        String caseId = "fr.health.samu440.DRFR154402413800236";
        CaseView expected = inOrder.t.store.cases().view(caseId);
        CaseView actual = shuffled.t.store.cases().view(caseId);
        assertEquals(expected.current(), actual.current());
        assertEquals(expected.changes(), actual.changes());

        // The last update closes the case: the change is named, with the message that made it.
        CaseView.Change closing = actual.changes().stream().filter(c -> c.path().equals("qualification.details.status"))
                .reduce((a, b) -> b).orElseThrow();
        assertEquals(messages.get(3).distributionID(), closing.distributionId());
        ObjectNode details = (ObjectNode) actual.current().at("/qualification/details");
        assertEquals(((ObjectNode) inOrder.t.codec.toTree(messages.get(3).payload()).at("/createCaseHealthUpdate/qualification/details"))
                .get("status"), details.get("status"));
        assertTrue(actual.current().get("patient").size() >= 2, "patients merged by id, not duplicated");

        // Read through the model records: the same facts, typed, as each message gave them.
        org.opensmur.core.mission.MergedCase merged = actual.merged();
        var closingUpdate = (org.opensmur.core.mission.CreateCaseHealthUpdate) messages.get(3).payload();
        assertEquals(closingUpdate.qualification().details().status(), merged.status());
        assertEquals(actual.current().get("patient").size(), merged.patients().size());
        var created = (org.opensmur.core.mission.CreateCaseHealth) messages.get(0).payload();
        assertEquals(created.location().city().name(), merged.cityName());
        assertEquals(created.creation().toInstant(), merged.creation().toInstant());
        java.util.Set<String> ids = new java.util.HashSet<>();
        messages.forEach(m -> {
            java.util.List<org.opensmur.core.mission.Patient> given = m.payload() instanceof org.opensmur.core.mission.CreateCaseHealth c
                    ? c.patient() : ((org.opensmur.core.mission.CreateCaseHealthUpdate) m.payload()).patient();
            if (given != null) {
                given.forEach(p -> ids.add(p.patientId()));
            }
        });
        assertEquals(ids, merged.patients().stream().map(org.opensmur.core.mission.Patient::patientId).collect(java.util.stream.Collectors.toSet()),
                "every patient of the case and its updates, once");
    }

    @Test
    void unknownFieldsOfAReceivedMessageAreKept() throws Exception {
        Tablet tablet = new Tablet(dir);
        HubMessage status = OutgoingMessages.of(TestStore.LRM, Clock.systemDefaultZone())
                .build(tablet.t.status(TestStore.CASE_A, org.opensmur.core.status.ResourceStatus.DEPART).message().payload(), TestStore.TABLET)
                .orElseThrow();
        ObjectNode tree = tablet.t.codec.toTree(status);
        ((ObjectNode) tree.at("/content/0/jsonContent/embeddedJsonContent/message/resourcesStatus/state")).put("newerField", "x");
        Inbound.Disposition disposition = tablet.transport.inbound().onDelivery(
                new Delivery(HubQueue.MESSAGE, tablet.t.codec.mapper().writeValueAsBytes(tree), "application/json", false));
        assertEquals(Inbound.Disposition.STORED, disposition);
        Decoded stored = tablet.t.store.inbox().read(status.distributionID());
        assertNotNull(stored);
        assertEquals(List.of("$.content[0].jsonContent.embeddedJsonContent.message.resourcesStatus.state.newerField"), stored.unknownFields());
    }

    /** The same RS-EDA-MAJ id, with another note: what a faulty LRM would send. */
    private static HubMessage withOtherContent(TestStore t, HubMessage original) {
        ObjectNode tree = t.codec.toTree(original);
        ObjectNode update = (ObjectNode) tree.at("/content/0/jsonContent/embeddedJsonContent/message/createCaseHealthUpdate");
        update.put("freetext", "a different update under a reused id");
        return t.codec.decodeTree(tree).envelope();
    }

    /** An RS-EDA-MAJ of about {@code kb} KB under {@code original}'s id, copy number {@code n}. */
    private static HubMessage largeCopy(TestStore t, HubMessage original, int n, int kb) {
        ObjectNode tree = t.codec.toTree(original);
        ObjectNode update = (ObjectNode) tree.at("/content/0/jsonContent/embeddedJsonContent/message/createCaseHealthUpdate");
        update.put("freetext", ("copy " + n + " ").repeat(kb * 1024 / 8));
        return t.codec.decodeTree(tree).envelope();
    }

    @Test
    @Tag("slow") // a flood of 100 MB read and judged: run by ./bin/test and .ci/run, not by --quick
    void twoHundredDifferingCopiesUseABoundedAmountOfDiskAndCrewTapsKeepBeingSaved() throws Exception {
        Tablet tablet = new Tablet(dir);
        List<HubMessage> normand = normandCase(tablet.t);
        tablet.deliver(normand.get(0), false);
        HubMessage update = normand.get(1);
        tablet.deliver(update, false);
        await().atMost(Duration.ofSeconds(10)).until(() -> tablet.t.store.outbox().waiting() == 0);
        int publishedBefore = tablet.transport.published().size();
        List<String> taps = new ArrayList<>();
        List<org.opensmur.core.status.ResourceStatus> statuses = List.of(org.opensmur.core.status.ResourceStatus.DEPART,
                org.opensmur.core.status.ResourceStatus.ARRIVEE, org.opensmur.core.status.ResourceStatus.PEC);

        for (int n = 0; n < 200; n++) {
            assertEquals(Inbound.Disposition.STORED, tablet.deliver(largeCopy(tablet.t, update, n, 500), false), "copy " + n);
            if (n % 20 == 0) { // the crew taps during the flood
                taps.add(tablet.t.store.outbox().enqueue(tablet.t.status(TestStore.CASE_A, statuses.get(taps.size() % 3))).distributionId());
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> tablet.t.store.outbox().waiting() == 0);

        assertEquals(Inbox.COPIES_KEPT_PER_ID, tablet.t.store.inbox().conflictingCopies(update.distributionID()).size());
        long disk;
        try (var files = java.nio.file.Files.list(dir)) {
            disk = files.filter(java.nio.file.Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
        System.out.println("200 differing copies of 500 KB under one distributionID: store folder " + disk / 1024 + " KB");
        assertTrue(disk < 6L * 1024 * 1024, "bounded: " + disk + " bytes (100 MB before the quota)");
        List<HubMessage> answers = tablet.transport.published().subList(publishedBefore, tablet.transport.published().size())
                .stream().map(p -> tablet.t.codec.decode(p.body()).envelope()).toList();
        long errors = answers.stream().filter(m -> m.type() == MessageType.RS_ERROR).count();
        assertEquals(Inbox.COPIES_KEPT_PER_ID + 1, errors, "one error report per copy kept apart, one for the quota, then silence");
        assertEquals(taps.size(), answers.stream().filter(m -> m.type() == MessageType.RS_SR).count(), "every tap left");
        for (String tap : taps) {
            assertEquals(org.opensmur.core.tablet.DeliveryState.SENT, tablet.t.store.outbox().find(tap).state());
        }
    }

    @Test
    @Tag("slow") // 24 copies of 500 KB read and judged: run by ./bin/test and .ci/run, not by --quick
    void whatOneSenderCanHaveKeptApartIsBoundedWhateverTheIds() {
        Tablet tablet = new Tablet(dir);
        OutgoingMessages lrm = new OutgoingMessages(TestStore.LRM, tablet.t.clock, () -> java.util.UUID.randomUUID().toString(),
                org.opensmur.core.outgoing.Expiry.defaults(), org.opensmur.core.hub.message.DistributionStatus.ACTUAL, tablet.t.codec);
        for (int n = 0; n < 24; n++) {
            HubMessage original = example(lrm, MessageType.RS_EDA_MAJ, "AliceGregoireNormand.07");
            tablet.deliver(original, false);
            tablet.deliver(largeCopy(tablet.t, original, n, 500), false);
        }
        long kept = tablet.t.store.inbox().conflicts(null).stream()
                .mapToLong(c -> tablet.t.store.inbox().conflictingCopies(c.distributionId()).size()).sum();
        // Each copy is over 400 KB: the sender's budget holds at most 20 of them, whatever their ids.
        assertTrue(kept <= Inbox.BYTES_KEPT_PER_SENDER / (400 * 1024), "kept apart: " + kept + " copies of about 500 KB");
        assertTrue(kept >= 10, "up to the budget, copies are kept to be shown: " + kept);
    }

    @Test
    void whenSpaceRunsLowReceivedMessagesWaitAtTheHubAndTheCrewsTapsAreStillSaved() {
        Tablet tablet = new Tablet(dir);
        HubMessage created = normandCase(tablet.t).get(0);
        tablet.t.store.inbox().keepFree(Long.MAX_VALUE); // as if the disk had less than the reserve left

        assertEquals(Inbound.Disposition.RETRY_LATER, tablet.deliver(created, false), "given back to the broker, not lost");
        assertEquals(null, tablet.t.store.inbox().read(created.distributionID()));
        String tap = tablet.t.store.outbox().enqueue(tablet.t.status(TestStore.CASE_A,
                org.opensmur.core.status.ResourceStatus.DEPART)).distributionId();
        assertNotNull(tablet.t.store.outbox().find(tap), "the crew's tap is saved in the reserve");

        tablet.t.store.inbox().keepFree(0);
        assertEquals(Inbound.Disposition.STORED, tablet.deliver(created, true), "delivered again once there is room");
    }

    @Test
    void anErrorReportIsStoredWithoutTheCopyOfOurOwnMessageItQuotes() {
        Tablet tablet = new Tablet(dir);
        HubMessage ours = tablet.t.status(TestStore.CASE_A, org.opensmur.core.status.ResourceStatus.DEPART).orElseThrow();
        OutgoingMessages hub = OutgoingMessages.of(org.opensmur.core.hub.error.HubError.HUB_ID, tablet.t.clock);
        // As the Hub's dispatcher writes it: the refused message quoted whole in sourceMessage.
        ObjectNode tree = tablet.t.codec.toTree(hub.errorReport(ours, org.opensmur.core.hub.error.ErrorCode.WRONG_MESSAGE_SEQUENCE,
                "test").orElseThrow());
        ((ObjectNode) tree.at("/content/0/jsonContent/embeddedJsonContent/message/error")).set("sourceMessage", tablet.t.codec.toTree(ours));
        HubMessage report = tablet.t.codec.decodeTree(tree).envelope();
        assertNotNull(((org.opensmur.core.hub.error.HubError) report.payload()).sourceMessage(), "the report quotes our message");

        assertEquals(Inbound.Disposition.STORED, tablet.transport.inbound().onDelivery(new Delivery(HubQueue.INFO,
                tablet.t.codec.encode(report), "application/json", false)));

        Decoded stored = tablet.t.store.inbox().read(report.distributionID());
        org.opensmur.core.hub.error.HubError kept = (org.opensmur.core.hub.error.HubError) stored.envelope().payload();
        assertEquals(ours.distributionID(), kept.referencedDistributionID());
        assertEquals(null, kept.sourceMessage(), "our own message is in the outbox already");
    }

    @Test
    void theSameIdWithOtherContentIsKeptApartRefusedAndNeverApplied() {
        Tablet tablet = new Tablet(dir);
        List<HubMessage> normand = normandCase(tablet.t);
        HubMessage created = normand.get(0);
        HubMessage update = normand.get(1);
        HubMessage forged = withOtherContent(tablet.t, update);
        assertEquals(update.distributionID(), forged.distributionID());
        tablet.deliver(created, false);
        tablet.deliver(update, false);
        String caseId = "fr.health.samu440.DRFR154402413800236";
        var before = tablet.t.store.cases().view(caseId).current();
        await().atMost(Duration.ofSeconds(10)).until(() -> tablet.t.store.outbox().waiting() == 0);
        int publishedBefore = tablet.transport.published().size();

        assertEquals(Inbound.Disposition.STORED, tablet.deliver(forged, false), "kept: the broker may forget it");
        await().atMost(Duration.ofSeconds(10)).until(() -> tablet.t.store.outbox().waiting() == 0);

        assertEquals(before, tablet.t.store.cases().view(caseId).current(), "never applied");
        assertEquals(1, tablet.t.store.inbox().timesReceived(update.distributionID()), "not counted as a redelivery");
        assertTrue(tablet.events.stream().anyMatch(e -> e instanceof HubEvent.MessageConflict c
                && c.message().distributionID().equals(update.distributionID())));
        List<Inbox.Conflict> conflicts = tablet.t.store.inbox().conflicts(caseId);
        assertEquals(1, conflicts.size());
        assertEquals(update.distributionID(), conflicts.get(0).distributionId());
        List<Decoded> copies = tablet.t.store.inbox().conflictingCopies(update.distributionID());
        assertEquals("a different update under a reused id",
                copies.get(0).tree().at("/content/0/jsonContent/embeddedJsonContent/message/createCaseHealthUpdate/freetext").asText(),
                "the conflicting copy is kept whole");

        List<HubMessage> answers = tablet.transport.published().subList(publishedBefore, tablet.transport.published().size())
                .stream().map(p -> tablet.t.codec.decode(p.body()).envelope()).toList();
        assertEquals(2, answers.size(), "an error report and a refusing RC-REF; no RC-REF RECU");
        HubMessage error = answers.get(0);
        HubMessage refusal = answers.get(1);
        assertEquals(TestStore.LRM, error.recipientID());
        assertEquals(org.opensmur.core.hub.message.DistributionKind.ERROR, error.distributionKind());
        var report = (org.opensmur.core.hub.error.HubError) error.payload();
        assertEquals(update.distributionID(), report.referencedDistributionID());
        assertEquals(702, report.errorCode().statusCode().intValue());
        Reference reference = (Reference) refusal.payload();
        assertEquals(update.distributionID(), reference.distributionID());
        assertEquals(Boolean.TRUE, reference.refused());
        assertEquals(error.distributionID(), reference.errorDistributionID());

        // The same conflicting copy again: the same two answers, under the same ids; the true copy again: RECU again.
        tablet.deliver(forged, true);
        tablet.deliver(update, true);
        await().atMost(Duration.ofSeconds(10)).until(() -> tablet.t.store.outbox().waiting() == 0);
        List<String> again = tablet.transport.published().subList(publishedBefore + 2, tablet.transport.published().size())
                .stream().map(FakeTransport.Published::distributionId).toList();
        // (the relay may send the three in either order of the two answers: they answer different copies)
        assertEquals(java.util.Set.of(error.distributionID(), refusal.distributionID(),
                tablet.t.store.acknowledger().referenceOf(update.distributionID(), ReferenceStep.RECU)), java.util.Set.copyOf(again));
        assertEquals(3, again.size(), "each once: " + again);
        assertTrue(again.indexOf(error.distributionID()) < again.indexOf(refusal.distributionID()),
                "the error report before the RC-REF that names it: " + again);
        assertEquals(2, tablet.t.store.inbox().timesReceived(update.distributionID()));
        assertEquals(1, tablet.t.store.inbox().conflicts(caseId).size());
    }

    @Test
    void aMessageOnTheWrongQueueOrWithAnotherContentTypeIsRejectedAndTheNextGoesOn() throws Exception {
        Tablet tablet = new Tablet(dir);
        List<HubMessage> normand = normandCase(tablet.t);
        byte[] created = tablet.t.codec.encode(normand.get(0));
        assertEquals(Inbound.Disposition.REJECTED, tablet.transport.inbound().onDelivery(
                new Delivery(HubQueue.ACK, created, "application/json", false)), "a case on the .ack queue");
        assertEquals(Inbound.Disposition.REJECTED, tablet.transport.inbound().onDelivery(
                new Delivery(HubQueue.INFO, created, "application/json", false)), "a case on the .info queue");
        assertEquals(Inbound.Disposition.REJECTED, tablet.transport.inbound().onDelivery(
                new Delivery(HubQueue.MESSAGE, created, "text/plain", false)), "another content type");
        assertEquals(Inbound.Disposition.REJECTED, tablet.transport.inbound().onDelivery(
                new Delivery(HubQueue.MESSAGE, created, null, false)), "no content type");
        ObjectNode ackKind = tablet.t.codec.toTree(normand.get(0));
        ackKind.put("distributionKind", "Ack");
        ((ObjectNode) ackKind.at("/content/0/jsonContent/embeddedJsonContent/message")).put("kind", "Ack");
        assertEquals(Inbound.Disposition.REJECTED, tablet.transport.inbound().onDelivery(new Delivery(HubQueue.MESSAGE,
                tablet.t.codec.mapper().writeValueAsBytes(ackKind), "application/json", false)), "a case of kind Ack on .message");
        assertEquals(null, tablet.t.store.inbox().read(normand.get(0).distributionID()), "none of them stored");
        List<String> paths = tablet.events.stream().filter(e -> e instanceof HubEvent.MessageRejected)
                .map(e -> ((HubEvent.MessageRejected) e).issues().get(0).path()).toList();
        assertEquals(List.of("$.distributionKind", "$.distributionKind", "AMQP contentType", "AMQP contentType",
                "$.distributionKind"), paths);

        assertEquals(Inbound.Disposition.STORED, tablet.deliver(normand.get(0), false), "the next delivery goes on");
        assertNotNull(tablet.t.store.inbox().read(normand.get(0).distributionID()));
    }
}
