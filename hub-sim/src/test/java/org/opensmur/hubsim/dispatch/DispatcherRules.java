package org.opensmur.hubsim.dispatch;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.codec.HubDates;
import org.opensmur.core.hub.error.HubError;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.amqp.HubBroker;
import org.opensmur.core.hub.amqp.HubTopology;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.hubsim.fixture.LocalBroker;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.signing.KeyMaterial;

/**
 * A message that breaks each of the Hub's rules gets the matching error code on its sender's .info,
 * naming the message; a good one is routed to its recipient. Runs on both brokers of the local Hub.
 */
abstract class DispatcherRules {

    abstract LocalBroker localBroker();

    private final HubCodec codec = new HubCodec();
    private final OutgoingMessages tablet = OutgoingMessages.of(HubBroker.TABLET, Clock.systemDefaultZone());
    private final List<HubError> reports = new CopyOnWriteArrayList<>();
    private HubBroker broker;
    private Dispatcher dispatcher;
    private Connection admin;
    private Connection tabletConnection;
    private Channel publisher;

    @BeforeEach
    void start() throws Exception {
        broker = localBroker().broker();
        broker.purgeAll();
        dispatcher = new Dispatcher(broker.admin(), Clock.systemUTC(), localBroker().dispatcherBroker());
        admin = broker.admin();
        Channel listener = admin.createChannel();
        listener.basicConsume(HubBroker.TABLET + ".info", true,
                (tag, delivery) -> reports.add((HubError) codec.decode(delivery.getBody()).envelope().payload()), tag -> { });
        tabletConnection = broker.rawTls(KeyMaterial.keyManagers(broker.tlsDir().resolve(HubBroker.TABLET + ".p12"), null,
                broker.password(), Instant.now()), broker.trust()).newConnection("tablet");
        publisher = tabletConnection.createChannel();
    }

    @AfterEach
    void stop() throws Exception {
        if (dispatcher == null) {
            return; // skipped: no broker
        }
        tabletConnection.abort(2_000);
        admin.abort(2_000);
        dispatcher.close();
    }

    private HubMessage status(String recipient) {
        return tablet.statusChange("fr.health.samu440.DRFR154402414300123", "fr.health.samu440.resource.VLM4",
                ResourceStatus.DEPART, OffsetDateTime.now(), null, recipient).orElseThrow();
    }

    private void publish(byte[] body, String contentType, int deliveryMode) throws Exception {
        publisher.basicPublish("hubsante", HubBroker.TABLET,
                new AMQP.BasicProperties.Builder().contentType(contentType).deliveryMode(deliveryMode).build(), body);
    }

    private ObjectNode tree(HubMessage message) {
        return codec.toTree(message);
    }

    private void assertReported(int code, String distributionId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> reports.stream().anyMatch(r -> distributionId.equals(r.referencedDistributionID())));
        HubError report = reports.stream().filter(r -> distributionId.equals(r.referencedDistributionID())).findFirst().orElseThrow();
        assertEquals(code, report.errorCode().statusCode().intValue(), report.errorCause());
        assertEquals(report.code().orElseThrow().statusString(), report.errorCode().statusString());
    }

    @Test
    void aGoodMessageIsRoutedToItsRecipient() throws Exception {
        HubMessage good = status(HubBroker.LRM);
        publish(codec.encode(good), "application/json", 2);
        try (Channel channel = admin.createChannel()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> channel.queueDeclarePassive(HubBroker.LRM + ".message").getMessageCount() == 1);
            GetResponse routed = channel.basicGet(HubBroker.LRM + ".message", true);
            assertEquals(good, codec.decode(routed.getBody()).envelope());
            assertEquals(HubBroker.TABLET, routed.getProps().getHeaders().get(Dispatcher.ORIGINAL_ROUTING_KEY).toString());
        }
        assertTrue(reports.isEmpty());
        await().atMost(Duration.ofSeconds(5)).until(() -> dispatcher.count(Dispatcher.Outcome.ROUTED) >= 1); // counted once published
        assertEquals(1, dispatcher.count(Dispatcher.Outcome.ROUTED));
    }

    @Test
    void everyBrokenRuleComesBackAsItsErrorCode() throws Exception {
        HubMessage transient_ = status(HubBroker.LRM);
        publish(codec.encode(transient_), "application/json", 1);
        assertReported(100, transient_.distributionID());

        HubMessage text = status(HubBroker.LRM);
        publish(codec.encode(text), "text/plain", 2);
        assertReported(101, text.distributionID());

        HubMessage asLrm = OutgoingMessages.of(HubBroker.LRM, Clock.systemDefaultZone()).statusChange("fr.health.samu440.DRFR154402414300123",
                "fr.health.samu440.resource.VLM4", ResourceStatus.DEPART, OffsetDateTime.now(), null, HubBroker.OTHER).orElseThrow();
        publish(codec.encode(asLrm), "application/json", 2);
        assertReported(200, asLrm.distributionID());

        HubMessage invalid = status(HubBroker.LRM);
        ObjectNode broken = tree(invalid);
        ((ObjectNode) broken.at("/content/0/jsonContent/embeddedJsonContent/message/resourcesStatus")).put("caseId", "not a case!");
        publish(codec.mapper().writeValueAsBytes(broken), "application/json", 2);
        assertReported(300, invalid.distributionID());

        HubMessage prefix = status(HubBroker.LRM);
        ObjectNode renamed = tree(prefix);
        String foreignId = "fr.health.other_" + prefix.distributionID().substring(prefix.distributionID().indexOf('_') + 1);
        renamed.put("distributionID", foreignId);
        ((ObjectNode) renamed.at("/content/0/jsonContent/embeddedJsonContent/message")).put("messageId", foreignId);
        publish(codec.mapper().writeValueAsBytes(renamed), "application/json", 2);
        assertReported(300, foreignId);

        HubMessage late = status(HubBroker.LRM);
        ObjectNode expired = tree(late);
        expired.put("dateTimeExpires", HubDates.format(OffsetDateTime.now().minusHours(1)));
        publish(codec.mapper().writeValueAsBytes(expired), "application/json", 2);
        assertReported(400, late.distributionID());

        HubMessage nowhere = status("fr.health.test.nobody");
        publish(codec.encode(nowhere), "application/json", 2);
        assertReported(501, nowhere.distributionID());
    }

    @Test
    void aMessageExpiredOrRejectedInTheRecipientQueueComesBackAs500() throws Exception {
        HubMessage shortLived = status(HubBroker.LRM);
        ObjectNode soon = tree(shortLived);
        soon.put("dateTimeExpires", HubDates.format(OffsetDateTime.now().plusSeconds(3)));
        publish(codec.mapper().writeValueAsBytes(soon), "application/json", 2);
        assertReported(500, shortLived.distributionID());
        HubError expired = reports.stream().filter(r -> r.referencedDistributionID().equals(shortLived.distributionID())).findFirst().orElseThrow();
        assertTrue(expired.errorCause().contains("reason was expired"), expired.errorCause());

        HubMessage refused = status(HubBroker.LRM);
        publish(codec.encode(refused), "application/json", 2);
        try (Channel lrm = admin.createChannel()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> lrm.queueDeclarePassive(HubBroker.LRM + ".message").getMessageCount() == 1);
            GetResponse delivery = lrm.basicGet(HubBroker.LRM + ".message", false);
            lrm.basicReject(delivery.getEnvelope().getDeliveryTag(), false);
        }
        assertReported(500, refused.distributionID());
        HubError rejected = reports.stream().filter(r -> r.referencedDistributionID().equals(refused.distributionID())).findFirst().orElseThrow();
        assertTrue(rejected.errorCause().contains("reason was rejected"), rejected.errorCause());
        // counted once the report is out: the report may be read here a moment before
        await().atMost(Duration.ofSeconds(5)).until(() -> dispatcher.count(Dispatcher.Outcome.DEAD_LETTER_REPORTED) >= 2);
        assertEquals(2, dispatcher.count(Dispatcher.Outcome.DEAD_LETTER_REPORTED));
        try (Channel channel = admin.createChannel()) {
            assertEquals(0, channel.queueDeclarePassive(HubTopology.DISPATCH_DLQ).getMessageCount());
        }
    }

    /**
     * A Hub (or a test's tear-down) closes its dispatcher while messages are still being routed: the close ends it, quietly.
     * A message in hand on the closing channel failed there, the client closed the channel a second time, and the close threw.
     */
    @Test
    void aDispatcherClosedWhileItRoutesClosesWithoutAnError() throws Exception {
        byte[] good = codec.encode(status(HubBroker.LRM));
        int sent = 1_000;
        for (int i = 0; i < sent; i++) {
            publish(good, "application/json", 2);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> dispatcher.count(Dispatcher.Outcome.ROUTED) > 50);
        dispatcher.close();
        long routed = dispatcher.count(Dispatcher.Outcome.ROUTED);
        assertTrue(routed < sent, "closed while it routed: " + routed + " of " + sent + " routed");
        dispatcher = null; // closed: the tear-down leaves it alone
        broker.purgeAll(); // what was left unrouted, not for the next test
        tabletConnection.abort(2_000);
        admin.abort(2_000);
    }
}
