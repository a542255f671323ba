package org.opensmur.core.hub.amqp;

import org.junit.jupiter.api.Tag;
import org.opensmur.core.hub.transport.HubQueue;
import org.opensmur.core.hub.transport.PublishOutcome;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.hub.client.HubClient;
import org.opensmur.core.hub.client.HubEvent;
import org.opensmur.core.hub.client.ReceivedStore;
import org.opensmur.core.hub.codec.Decoded;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.error.ErrorCode;
import org.opensmur.core.hub.error.ErrorStatus;
import org.opensmur.core.hub.error.HubError;
import org.opensmur.core.hub.message.DistributionKind;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.reference.ReferenceStep;

/**
 * The acknowledgement model end to end on the real broker over mutual TLS: an LRM and a tablet, each
 * with its certificate, the Hub's routing between them.
 */
@Tag("rabbitmq") // on the machine's RabbitMQ, whose queues the broker tests share: one at a time
class HubClientRoundTripTest {

    private final HubCodec codec = new HubCodec();
    private HubBroker broker;
    private LoopbackDispatcher dispatcher;
    private Side tablet;
    private Side lrm;

    /** One party: its client, what it stored, what it was told. */
    private final class Side {
        final Map<String, Decoded> stored = new ConcurrentHashMap<>();
        final List<HubEvent> events = new CopyOnWriteArrayList<>();
        final AmqpHubTransport transport;
        final HubClient client;
        final OutgoingMessages outgoing;

        Side(String clientId) {
            transport = new AmqpHubTransport(broker.config(clientId), Clock.systemUTC());
            outgoing = OutgoingMessages.of(clientId, Clock.systemDefaultZone());
            client = new HubClient(transport, codec,
                    decoded -> stored.putIfAbsent(decoded.envelope().distributionID(), decoded) == null
                            ? ReceivedStore.Outcome.NEW : ReceivedStore.Outcome.REDELIVERY,
                    HubClient.direct(transport, codec, outgoing), events::add);
            client.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> transport.state().isConnected());
        }

        <T extends HubEvent> List<T> events(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    @BeforeEach
    void start() throws Exception {
        broker = HubBroker.require();
        broker.purgeAll();
        dispatcher = new LoopbackDispatcher(broker);
        tablet = new Side(HubBroker.TABLET);
        lrm = new Side(HubBroker.LRM);
    }

    @AfterEach
    void stop() throws Exception {
        if (tablet == null) {
            return; // skipped: no broker here
        }
        tablet.client.close();
        lrm.client.close();
        dispatcher.close();
    }

    private HubMessage example(OutgoingMessages from, MessageType type, String to) throws Exception {
        Decoded bare = codec.decode(codec.mapper().writeValueAsBytes(SharedCorpus.read(SharedCorpus.exampleFiles(type).get(0))));
        return from.build(bare.message().payload(), to, DistributionKind.REPORT).orElseThrow();
    }

    @Test
    void aCaseIsStoredAckedAndAnsweredWithReferenceSteps() throws Exception {
        HubMessage caseMessage = example(lrm.outgoing, MessageType.RS_EDA, HubBroker.TABLET);
        PublishOutcome sent = lrm.transport.publish(codec.encode(caseMessage), caseMessage.distributionID()).join();
        assertEquals(new PublishOutcome.Confirmed(caseMessage.distributionID()), sent);

        await().atMost(Duration.ofSeconds(15)).until(() -> !lrm.events(HubEvent.ReferenceReceived.class).isEmpty());
        assertTrue(tablet.stored.containsKey(caseMessage.distributionID()), "stored before the ack");
        HubEvent.MessageReceived received = tablet.events(HubEvent.MessageReceived.class).get(0);
        assertEquals(caseMessage, received.message());
        HubEvent.ReferenceReceived ack = lrm.events(HubEvent.ReferenceReceived.class).get(0);
        assertEquals(caseMessage.distributionID(), ack.referencedDistributionId());
        assertEquals(ReferenceStep.RECU, ack.step());
        assertEquals(HubBroker.TABLET, ack.from());

        tablet.client.acknowledge(received.message(), ReferenceStep.CONSULTE);
        await().atMost(Duration.ofSeconds(15)).until(() -> lrm.events(HubEvent.ReferenceReceived.class).size() == 2);
        assertEquals(ReferenceStep.CONSULTE, lrm.events(HubEvent.ReferenceReceived.class).get(1).step());

        // The LRM stored the RC-REFs but never acknowledges an acknowledgement.
        try (Connection admin = broker.admin(); Channel channel = admin.createChannel()) {
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                    channel.queueDeclarePassive(HubBroker.TABLET + ".ack").getMessageCount() == 0
                            && tablet.events(HubEvent.ReferenceReceived.class).isEmpty());
        }
        assertEquals(2, lrm.stored.size());
    }

    @Test
    void anInvalidMessageIsRejectedAndTheNextOneIsProcessed() throws Exception {
        HubMessage engagement = example(lrm.outgoing, MessageType.RS_ER, HubBroker.TABLET);
        try (Connection admin = broker.admin(); Channel channel = admin.createChannel()) {
            AMQP.BasicProperties json = new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2).build();
            String queue = HubBroker.TABLET + ".message";
            channel.basicPublish(HubTopology.DISTRIBUTION, queue, json, "{\"not\": \"a hub message\"".getBytes(StandardCharsets.UTF_8));
            channel.basicPublish(HubTopology.DISTRIBUTION, queue, json, "<edxlDistribution/>".getBytes(StandardCharsets.UTF_8));
            channel.basicPublish(HubTopology.DISTRIBUTION, queue, json, codec.encode(engagement));

            await().atMost(Duration.ofSeconds(15)).until(() -> !tablet.events(HubEvent.MessageReceived.class).isEmpty());
            assertEquals(engagement, tablet.events(HubEvent.MessageReceived.class).get(0).message());
            List<HubEvent.MessageRejected> rejected = tablet.events(HubEvent.MessageRejected.class);
            assertEquals(2, rejected.size());
            assertEquals(HubQueue.MESSAGE, rejected.get(0).queue());
            // Rejected without requeue: the Hub's policy dead-letters them (the sender then gets error 500).
            await().atMost(Duration.ofSeconds(10)).until(() -> channel.queueDeclarePassive(HubTopology.DISPATCH_DLQ).getMessageCount() == 2);
            assertEquals(0, channel.queueDeclarePassive(queue).getMessageCount());
        }
    }

    @Test
    void hubErrorReportsBecomeEventsAboutOurMessage() throws Exception {
        HubMessage status = example(tablet.outgoing, MessageType.RS_SR, HubBroker.LRM);
        HubError error = new HubError(new ErrorStatus(300, "INVALID_MESSAGE"), "Could not validate message against schema",
                null, status.distributionID());
        HubMessage report = OutgoingMessages.of("fr.health.hub", Clock.systemDefaultZone())
                .build(error, HubBroker.TABLET, DistributionKind.ERROR).orElseThrow();
        try (Connection admin = broker.admin(); Channel channel = admin.createChannel()) {
            channel.basicPublish(HubTopology.DISTRIBUTION, HubBroker.TABLET + ".info",
                    new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2).build(), codec.encode(report));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> !tablet.events(HubEvent.ErrorReported.class).isEmpty());
        HubEvent.ErrorReported reported = tablet.events(HubEvent.ErrorReported.class).get(0);
        assertEquals(status.distributionID(), reported.referencedDistributionId());
        assertEquals(ErrorCode.INVALID_MESSAGE, reported.code().orElseThrow());
        assertEquals("fr.health.hub", reported.from());
        assertInstanceOf(HubError.class, tablet.stored.get(report.distributionID()).message().payload());
        assertTrue(tablet.events(HubEvent.MessageReceived.class).isEmpty(), "an error is not acknowledged");
    }
}
