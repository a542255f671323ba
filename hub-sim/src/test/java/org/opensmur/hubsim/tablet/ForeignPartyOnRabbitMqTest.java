package org.opensmur.hubsim.tablet;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.hub.amqp.HubBroker;
import org.opensmur.core.hub.amqp.HubParty;
import org.opensmur.core.hub.client.HubEvent;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.message.DistributionKind;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.hubsim.dispatch.Dispatcher;
import org.opensmur.hubsim.dispatch.OfficialSchemas;
import org.opensmur.hubsim.fixture.LocalBroker;

/**
 * On the real RabbitMQ, through the local dispatcher standing in for the Hub: a second participant with a
 * certificate of its own ({@code fr.health.test.other}) cancels and closes the headless tablet's mission.
 * Nothing changes, it gets its error reports (703), and the tablet's SAMU still steers.
 */
@Tag("rabbitmq") // on the machine's RabbitMQ, whose queues the broker tests share: one at a time
@Tag("flow") // parties on the real RabbitMQ through the dispatcher: run by ./bin/test and .ci/run, not by ./bin/test --quick
class ForeignPartyOnRabbitMqTest {

    private static final String CASE = "fr.health.samu440.DRFR154402413800236";

    @TempDir
    Path dir;
    private HubBroker broker;
    private Dispatcher dispatcher;
    private HeadlessTablet tablet;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final HubCodec codec = HubCodec.of(ModelLine.CURRENT);

    @BeforeEach
    void start() throws Exception {
        broker = LocalBroker.RABBITMQ.broker("opensmur-test");
        broker.purgeAll();
        dispatcher = new Dispatcher(broker.admin(), Clock.systemUTC(), LocalBroker.RABBITMQ.dispatcherBroker(), ModelLine.CURRENT,
                OfficialSchemas.load(SharedCorpus.root().resolve("schemas")));
        Map<String, String> settings = broker.settings(HubBroker.TABLET);
        // The mission's statuses an hour apart: the test decides what happens during the mission.
        tablet = new HeadlessTablet(broker.config(settings), dir, org.opensmur.store.testing.TestKeys.secret("foreign-secret"), Duration.ofHours(1), Clock.systemUTC());
        tablet.start();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        if (tablet != null) {
            tablet.close();
        }
        if (dispatcher != null) {
            dispatcher.close();
        }
    }

    private HubMessage closing(OutgoingMessages from) {
        HubMessage update = from.build(SharedCorpus.examplePayload(MessageType.RS_EDA_MAJ, "AliceGregoireNormand.07"), HubBroker.TABLET)
                .orElseThrow();
        ObjectNode tree = codec.toTree(update);
        ((ObjectNode) tree.at("/content/0/jsonContent/embeddedJsonContent/message/createCaseHealthUpdate"))
                .putObject("qualification").putObject("details").put("status", "CLOTURE");
        return codec.decodeTree(tree).envelope();
    }

    @Test
    void aForeignPartysCancelAndClosureChangeNothingAndOnlyTheTabletsSamuSteers() throws Exception {
        HubParty lrm = new HubParty(broker, HubBroker.LRM);
        open.add(lrm);
        HubParty other = new HubParty(broker, HubBroker.OTHER);
        open.add(other);
        lrm.send(lrm.out.build(SharedCorpus.examplePayload(MessageType.RS_EDA, "AliceGregoireNormand.01"), HubBroker.TABLET).orElseThrow());
        lrm.send(lrm.out.build(SharedCorpus.examplePayload(MessageType.RS_ER, "AliceGregoireNORMAND.02"), HubBroker.TABLET).orElseThrow());
        await().atMost(Duration.ofSeconds(20)).until(() -> lrm.events.stream().anyMatch(e -> e instanceof HubEvent.MessageReceived r
                && r.message().type() == MessageType.RS_RI));

        HubMessage cancel = other.out.build(SharedCorpus.examplePayload(MessageType.RS_ER, "AliceGregoireNORMAND.02"), HubBroker.TABLET,
                DistributionKind.CANCEL).orElseThrow();
        HubMessage closure = closing(other.out);
        HubMessage request = other.out.build(SharedCorpus.examplePayload(MessageType.RS_ER, "AliceGregoireNORMAND.02"), HubBroker.TABLET)
                .orElseThrow();
        for (HubMessage message : List.of(cancel, closure, request)) {
            other.send(message);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> other.errorReports(703) == 3);
        await().atMost(Duration.ofSeconds(20)).until(() -> other.events.stream().filter(e -> e instanceof HubEvent.ReferenceReceived r
                && r.refused()).count() == 3);
        Thread.sleep(1_000); // what the tablet would have sent on a cancellation would be there by now
        assertTrue(!lrm.received(MessageType.RS_SR, ResourceStatus.ANNULE), "the mission was not cancelled by a third party");
        assertTrue(other.events.stream().noneMatch(e -> e instanceof HubEvent.MessageReceived), "nothing sent to the third party");
        assertTrue(tablet.core().retention().closedAt(CASE).isEmpty(), "nor closed");
        // what the inbox kept apart and whose the case is: the store's own tables, no face's question
        assertEquals(3, tablet.core().store().inbox().fromThirdParties(CASE).size());
        assertEquals(HubBroker.LRM, tablet.core().store().inbox().ownerOf(CASE));

        lrm.send(lrm.out.build(SharedCorpus.examplePayload(MessageType.RS_ER, "AliceGregoireNORMAND.02"), HubBroker.TABLET,
                DistributionKind.CANCEL).orElseThrow());
        await().atMost(Duration.ofSeconds(20)).until(() -> lrm.received(MessageType.RS_SR, ResourceStatus.ANNULE));
    }

    @Test
    void aSecondTabletOnTheSameCertificateIsRefusedAndTheFirstIsToldSo() throws Exception {
        List<org.opensmur.tablet.CoreNotice> toldTheFirst = new CopyOnWriteArrayList<>();
        tablet.core().onNotice(toldTheFirst::add);
        await().atMost(Duration.ofSeconds(20)).until(() -> tablet.core().events() != null
                && broker.config(HubBroker.TABLET) != null);
        // the first tablet's consumers are up (it says connected once they are)
        await().atMost(Duration.ofSeconds(30)).until(() -> tablet.core().transport().state().isConnected());
        List<org.opensmur.core.hub.transport.ConnectionState> second = new CopyOnWriteArrayList<>();
        try (HeadlessTablet intruder = new HeadlessTablet(broker.config(broker.settings(HubBroker.TABLET)), dir.resolve("second"),
                org.opensmur.store.testing.TestKeys.secret("second-secret"), Duration.ofHours(1), Clock.systemUTC())) {
            intruder.core().events().subscribe(org.opensmur.core.hub.transport.ConnectionState.class, second::add);
            intruder.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> second.stream().anyMatch(s -> s instanceof
                    org.opensmur.core.hub.transport.ConnectionState.Reconnecting r
                    && r.cause() == org.opensmur.core.hub.transport.ConnectionState.Cause.IDENTITY_IN_USE));
            await().atMost(Duration.ofSeconds(20)).until(() -> toldTheFirst.stream()
                    .anyMatch(n -> n instanceof org.opensmur.tablet.CoreNotice.IdentityTriedElsewhere));
            assertTrue(second.stream().noneMatch(org.opensmur.core.hub.transport.ConnectionState::isConnected),
                    "the second never consumed: " + second);
        }
    }
}
