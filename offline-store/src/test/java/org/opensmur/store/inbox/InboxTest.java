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
import org.opensmur.store.FakeTransport;
import org.opensmur.store.TestStore;
import org.opensmur.store.cases.CaseStore;
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
        CaseStore.CaseView view = tablet.t.store.cases().view("fr.health.samu440.DRFR154402413800236");
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
        CaseStore.CaseView expected = inOrder.t.store.cases().view(caseId);
        CaseStore.CaseView actual = shuffled.t.store.cases().view(caseId);
        assertEquals(expected.current(), actual.current());
        assertEquals(expected.changes(), actual.changes());

        // The last update closes the case: the change is named, with the message that made it.
        CaseStore.Change closing = actual.changes().stream().filter(c -> c.path().equals("qualification.details.status"))
                .reduce((a, b) -> b).orElseThrow();
        assertEquals(messages.get(3).distributionID(), closing.distributionId());
        ObjectNode details = (ObjectNode) actual.current().at("/qualification/details");
        assertEquals(((ObjectNode) inOrder.t.codec.toTree(messages.get(3).payload()).at("/createCaseHealthUpdate/qualification/details"))
                .get("status"), details.get("status"));
        assertTrue(actual.current().get("patient").size() >= 2, "patients merged by id, not duplicated");
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
}
