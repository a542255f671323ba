package org.opensmur.tablet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.hub.client.HubEvent;
import org.opensmur.core.hub.error.HubError;
import org.opensmur.core.hub.message.DistributionKind;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.hub.transport.Delivery;
import org.opensmur.core.hub.transport.HubQueue;
import org.opensmur.core.hub.transport.Inbound;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.reference.Reference;
import org.opensmur.core.testing.FakeTransport;
import org.opensmur.core.testing.MutableClock;
import org.opensmur.store.TestStore;

/**
 * Only the SAMU that shared a case or engaged the crew steers the mission: another Hub participant's cancel,
 * update, closure or new case about it is kept apart, refused to it (703) and said to the crew, and changes
 * nothing; the owner's same messages still do.
 */
class SteeringTest {

    private static final String CASE = "fr.health.samu440.DRFR154402413800236";
    private static final String FOREIGN = "fr.health.samu690.lrm";
    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(NOW);
    private final FakeTransport transport = new FakeTransport();
    private final List<HubEvent> events = new CopyOnWriteArrayList<>();

    private TabletCore tablet() {
        TabletCore core = new TabletCore(transport, TestStore.TABLET, org.opensmur.core.hub.validation.ModelLine.CURRENT, dir, TestStore.keys(), clock);
        core.trust(Set.of(TestStore.LRM));
        core.onEvent(events::add);
        core.start();
        return core;
    }

    private Inbound.Disposition deliver(TabletCore core, HubMessage message) {
        return transport.inbound().onDelivery(new Delivery(HubQueue.of(message.distributionKind()),
                core.outgoing().codec().encode(message), "application/json", false));
    }

    private static OutgoingMessages party(String id, MutableClock at) {
        return OutgoingMessages.of(id, at);
    }

    /** The official update of the case, changed by {@code change} (its payload object). */
    private static HubMessage update(TabletCore core, OutgoingMessages from, java.util.function.Consumer<ObjectNode> change) {
        HubMessage update = from.build(SharedCorpus.examplePayload(MessageType.RS_EDA_MAJ, "AliceGregoireNormand.07"), TestStore.TABLET)
                .orElseThrow();
        ObjectNode tree = core.outgoing().codec().toTree(update);
        change.accept((ObjectNode) tree.at("/content/0/jsonContent/embeddedJsonContent/message/createCaseHealthUpdate"));
        return core.outgoing().codec().decodeTree(tree).envelope();
    }

    private HubMessage closing(TabletCore core, OutgoingMessages from) {
        return update(core, from, payload -> payload.putObject("qualification").putObject("details").put("status", "CLOTURE"));
    }

    private HubMessage movedCase(TabletCore core, OutgoingMessages from) {
        HubMessage created = from.build(SharedCorpus.examplePayload(MessageType.RS_EDA, "AliceGregoireNormand.01"), TestStore.TABLET)
                .orElseThrow();
        ObjectNode tree = core.outgoing().codec().toTree(created);
        ((ObjectNode) tree.at("/content/0/jsonContent/embeddedJsonContent/message/createCaseHealth/location"))
                .put("freetext", "forged: 1 rue de Rivoli, Paris");
        return core.outgoing().codec().decodeTree(tree).envelope();
    }

    @Test
    void aThirdPartysCancelUpdateClosureCaseAndRequestChangeNothingAndAreRefusedToIt() {
        try (TabletCore core = tablet()) {
            OutgoingMessages lrm = party(TestStore.LRM, clock);
            deliver(core, lrm.build(SharedCorpus.examplePayload(MessageType.RS_EDA, "AliceGregoireNormand.01"), TestStore.TABLET).orElseThrow());
            HubMessage request = lrm.build(SharedCorpus.examplePayload(MessageType.RS_ER, "AliceGregoireNORMAND.02"), TestStore.TABLET)
                    .orElseThrow();
            deliver(core, request);
            assertEquals(TestStore.LRM, core.store().inbox().ownerOf(CASE));
            ObjectNode before = core.store().cases().view(CASE).current();
            // The SAMU's RC-REFs have left before counting what is answered to the third party.
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> core.store().outbox().waiting() == 0);
            events.clear();
            int publishedBefore = transport.published().size();

            MutableClock ahead = new MutableClock(NOW.plus(Duration.ofHours(1)));
            OutgoingMessages other = party(FOREIGN, ahead);
            HubMessage cancel = other.build(SharedCorpus.examplePayload(MessageType.RS_ER, "AliceGregoireNORMAND.02"), TestStore.TABLET,
                    DistributionKind.CANCEL).orElseThrow();
            HubMessage closure = closing(core, other);
            ahead.advance(Duration.ofHours(1));
            HubMessage forgedCase = movedCase(core, other);
            HubMessage forgedRequest = other.build(SharedCorpus.examplePayload(MessageType.RS_ER, "AliceGregoireNORMAND.02"),
                    TestStore.TABLET).orElseThrow();
            List<HubMessage> foreign = List.of(cancel, closure, forgedCase, forgedRequest);
            for (HubMessage message : foreign) {
                assertEquals(Inbound.Disposition.STORED, deliver(core, message), "acknowledged to the broker: " + message.type());
            }

            assertEquals(before, core.store().cases().view(CASE).current(), "the case is as its SAMU shared it");
            assertTrue(core.store().retention().closedAt(CASE).isEmpty(), "the mission was not closed by a third party");
            assertEquals(TestStore.LRM, core.store().inbox().ownerOf(CASE));
            assertEquals(foreign.size(), events.size(), events.toString());
            for (HubEvent event : events) {
                HubEvent.MessageFromThirdParty said = assertInstanceOf(HubEvent.MessageFromThirdParty.class, event,
                        "never a MessageReceived the mission would act on");
                assertEquals(FOREIGN, said.message().senderID());
                assertEquals(CASE, said.caseId());
            }
            assertEquals(foreign.size(), core.store().inbox().fromThirdParties(CASE).size(), "kept apart, encrypted");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> core.store().outbox().waiting() == 0);
            List<HubMessage> answers = transport.published().subList(publishedBefore, transport.published().size()).stream()
                    .map(p -> core.outgoing().codec().decode(p.body()).envelope()).toList();
            assertTrue(answers.stream().allMatch(m -> m.recipientID().equals(FOREIGN)), "answered to the third party only");
            assertEquals(foreign.size(), answers.stream().filter(m -> m.payload() instanceof HubError e
                    && e.errorCode().statusCode().intValue() == 703).count(), "an error report (703) for each");
            assertEquals(foreign.size(), answers.stream().filter(m -> m.payload() instanceof Reference r
                    && Boolean.TRUE.equals(r.refused())).count(), "an RC-REF refused for each, no RECU");

            // The owner's own cancel and closure still work.
            events.clear();
            deliver(core, lrm.build(SharedCorpus.examplePayload(MessageType.RS_ER, "AliceGregoireNORMAND.02"), TestStore.TABLET,
                    DistributionKind.CANCEL).orElseThrow());
            deliver(core, closing(core, lrm));
            assertEquals(2, events.stream().filter(e -> e instanceof HubEvent.MessageReceived).count(), events.toString());
            assertTrue(core.store().retention().closedAt(CASE).isPresent(), "closed by its SAMU");
        }
    }

    @Test
    void aCaseAnotherSamuSharedFirstIsItsToSteerAndOurSamuMayTakeItOver() {
        try (TabletCore core = tablet()) {
            OutgoingMessages neighbour = party(FOREIGN, clock);
            HubMessage first = neighbour.build(SharedCorpus.examplePayload(MessageType.RS_EDA, "AliceGregoireNormand.01"), TestStore.TABLET)
                    .orElseThrow();
            deliver(core, first);
            assertEquals(FOREIGN, core.store().inbox().ownerOf(CASE), "the first to speak about a case steers it");
            assertInstanceOf(HubEvent.MessageReceived.class, events.get(events.size() - 1));

            OutgoingMessages third = party("fr.health.samu750.lrm", clock);
            deliver(core, closing(core, third));
            assertInstanceOf(HubEvent.MessageFromThirdParty.class, events.get(events.size() - 1), "a third SAMU may not close it");

            deliver(core, party(TestStore.LRM, clock).build(SharedCorpus.examplePayload(MessageType.RS_EDA_MAJ,
                    "AliceGregoireNormand.07"), TestStore.TABLET).orElseThrow());
            assertInstanceOf(HubEvent.MessageReceived.class, events.get(events.size() - 1), "the tablet's own SAMU may");
            assertEquals(TestStore.LRM, core.store().inbox().ownerOf(CASE), "and steers it from then on");
            deliver(core, closing(core, neighbour));
            assertInstanceOf(HubEvent.MessageFromThirdParty.class, events.get(events.size() - 1));

            // The neighbour's case, accepted when it steered the case, delivered again: a redelivery, not a refusal.
            deliver(core, first);
            HubEvent.MessageReceived again = assertInstanceOf(HubEvent.MessageReceived.class, events.get(events.size() - 1));
            assertTrue(again.duplicate(), "no second verdict on a message already accepted");
        }
    }

    /**
     * A party claims a case id before the tablet's SAMU shares it (case ids can be guessed): a forged place, a
     * closure. Once the SAMU shares the case and takes it over, none of that makes the case any more, and the
     * forged closure no longer counts toward the mission's purge.
     */
    @Test
    void aCaseOurSamuTakesOverNoLongerCarriesWhatItsFormerOwnerSaidNorItsClosure() {
        try (TabletCore core = tablet()) {
            OutgoingMessages claimant = party(FOREIGN, clock);
            deliver(core, movedCase(core, claimant));
            deliver(core, closing(core, claimant));
            assertTrue(core.retention().closedAt(CASE).isPresent(), "the claimant steers its claim while nobody else speaks");
            assertTrue(core.cases().view(CASE).current().toString().contains("forged"));

            clock.advance(Duration.ofMinutes(1));
            deliver(core, party(TestStore.LRM, clock).build(SharedCorpus.examplePayload(MessageType.RS_EDA, "AliceGregoireNormand.01"),
                    TestStore.TABLET).orElseThrow());
            assertEquals(TestStore.LRM, core.store().inbox().ownerOf(CASE));
            var view = core.cases().view(CASE);
            assertFalse(view.current().toString().contains("forged"), "the place is the SAMU's");
            assertFalse(view.merged().closedBySamu(), "not closed by the claimant");
            assertTrue(core.retention().closedAt(CASE).isEmpty(), "its closure does not start the purge");
            clock.advance(Duration.ofHours(73));
            assertEquals(List.of(), core.purgeDue(), "nothing of the SAMU's case is purged for it");
        }
    }

    private HubMessage saying(TabletCore core, OutgoingMessages from, String freetext) {
        return update(core, from, payload -> payload.put("freetext", freetext));
    }

    @Test
    void aDateFarAheadDoesNotLetAnUpdateWinOverTheOnesSentAfterIt() {
        try (TabletCore core = tablet()) {
            OutgoingMessages lrm = party(TestStore.LRM, clock);
            deliver(core, lrm.build(SharedCorpus.examplePayload(MessageType.RS_EDA, "AliceGregoireNormand.01"), TestStore.TABLET).orElseThrow());
            MutableClock wrong = new MutableClock(NOW.plus(Duration.ofHours(2)));
            deliver(core, saying(core, party(TestStore.LRM, wrong), "written first, dated two hours ahead"));
            clock.advance(Duration.ofMinutes(10));
            deliver(core, saying(core, lrm, "written ten minutes later"));
            assertEquals("written ten minutes later", core.store().cases().view(CASE).current().get("freetext").asText(),
                    "a future date is believed five minutes ahead at most");
        }
    }
}
