package org.opensmur.app.flows;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensmur.app.session.TabletSession;
import org.opensmur.app.alert.AlertViewModel;
import org.opensmur.app.testing.Tablets;
import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.hub.amqp.HubBroker;
import org.opensmur.core.hub.amqp.HubParty;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.message.DistributionKind;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.hubsim.dispatch.Dispatcher;
import org.opensmur.hubsim.dispatch.OfficialSchemas;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The app's session on the real RabbitMQ, through the local dispatcher standing in for the Hub: a second
 * participant with a certificate of its own cancels and closes the mission the crew accepted. The crew is
 * told who, nothing changes, and the SAMU's own cancellation still rings.
 */
@Tag("rabbitmq") // on the machine's RabbitMQ, whose queues the broker tests share: one at a time
@ExtendWith(ApplicationExtension.class)
@Tag("flow") // parties on the real RabbitMQ: run by ./bin/test and .ci/run, not by ./bin/test --quick
class ForeignPartyOnRabbitMqAppTest {

    private static final String CASE = "fr.health.samu440.DRFR154402413800236";
    private final HubCodec codec = HubCodec.of(ModelLine.CURRENT);
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
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
    void aForeignPartysCancelAndClosureAreIgnoredOnTheScreensAndTheSamuStillSteers() throws Exception {
        HubBroker broker = HubBroker.require();
        broker.purgeAll();
        Dispatcher dispatcher = new Dispatcher(broker.admin(), Clock.systemUTC(), Dispatcher.Broker.RABBITMQ, ModelLine.CURRENT,
                OfficialSchemas.load(SharedCorpus.root().resolve("schemas")));
        open.add(dispatcher);
        Path store = Files.createTempDirectory("opensmur-foreign-app");
        TabletSession session = Tablets.session(Tablets.settings(broker.config(broker.settings(HubBroker.TABLET)), store),
                Clock.systemDefaultZone());
        open.add(session);
        Platform.runLater(session::start);
        HubParty lrm = new HubParty(broker, HubBroker.LRM);
        open.add(lrm);
        HubParty other = new HubParty(broker, HubBroker.OTHER);
        open.add(other);

        lrm.send(lrm.out.build(SharedCorpus.examplePayload(MessageType.RS_EDA, "AliceGregoireNormand.01"), HubBroker.TABLET).orElseThrow());
        lrm.send(lrm.out.build(SharedCorpus.examplePayload(MessageType.RS_ER, "AliceGregoireNORMAND.02"), HubBroker.TABLET).orElseThrow());
        await().atMost(Duration.ofSeconds(30)).until(() -> session.engagement().pendingProperty().get() != null);
        Platform.runLater(session.engagement()::accept);
        await().atMost(Duration.ofSeconds(20)).until(() -> lrm.received(MessageType.RS_RI, null));
        var before = session.core().store().cases().view(CASE).current();

        other.send(other.out.build(SharedCorpus.examplePayload(MessageType.RS_ER, "AliceGregoireNORMAND.02"), HubBroker.TABLET,
                DistributionKind.CANCEL).orElseThrow());
        other.send(closing(other.out));
        await().atMost(Duration.ofSeconds(20)).until(() -> session.statusBar().lastErrorProperty().get()
                .startsWith("Message d'un tiers ignoré (fr.health.test)"));
        await().atMost(Duration.ofSeconds(20)).until(() -> other.errorReports(703) == 2);
        Thread.sleep(1_000); // what a cancellation would raise would be up by now
        assertNull(session.alerts().currentProperty().get(), "no cancellation card, no update card");
        assertTrue(!lrm.received(MessageType.RS_SR, ResourceStatus.ANNULE), "nothing sent to the SAMU");
        assertEquals(before, session.core().store().cases().view(CASE).current(), "the case is as its SAMU shared it");
        assertTrue(session.core().store().retention().closedAt(CASE).isEmpty(), "not closed");

        lrm.send(lrm.out.build(SharedCorpus.examplePayload(MessageType.RS_ER, "AliceGregoireNORMAND.02"), HubBroker.TABLET,
                DistributionKind.CANCEL).orElseThrow());
        await().atMost(Duration.ofSeconds(20)).until(() -> session.alerts().currentProperty().get() != null
                && session.alerts().currentProperty().get().kind() == AlertViewModel.Kind.CANCELLED);
    }
}
