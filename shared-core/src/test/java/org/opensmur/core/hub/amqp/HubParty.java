package org.opensmur.core.hub.amqp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opensmur.core.hub.client.HubClient;
import org.opensmur.core.hub.client.HubEvent;
import org.opensmur.core.hub.client.ReceivedStore;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.status.ResourcesStatus;

/**
 * A Hub participant on its own certificate, on the test broker (model 3): what it receives, and a way to
 * send as it. For the tests where another party speaks to the tablet (its SAMU, or a third one).
 */
public final class HubParty implements AutoCloseable {

    private final HubCodec codec = HubCodec.of(ModelLine.CURRENT);
    private final AmqpHubTransport transport;
    private final HubClient client;
    public final OutgoingMessages out;
    public final List<HubEvent> events = new CopyOnWriteArrayList<>();

    public HubParty(HubBroker broker, String id) {
        transport = new AmqpHubTransport(broker.config(id), Clock.systemUTC());
        out = OutgoingMessages.of(id, Clock.systemUTC());
        client = new HubClient(transport, codec, ReceivedStore.inMemory(), HubClient.direct(transport, codec, out), events::add);
        client.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> transport.state().isConnected());
    }

    /** Publishes {@code message} as this party, confirmed by the broker. */
    public void send(HubMessage message) {
        assertTrue(transport.publish(codec.encode(message), message.distributionID()).join().isConfirmed());
    }

    /** Whether a message of {@code type} (an RS-SR with {@code status}, when given) has come. */
    public boolean received(MessageType type, ResourceStatus status) {
        return events.stream().anyMatch(e -> e instanceof HubEvent.MessageReceived r && r.message().type() == type
                && (status == null || r.message().payload() instanceof ResourcesStatus s && s.state().status() == status));
    }

    /** How many error reports of {@code code} have come. */
    public long errorReports(int code) {
        return events.stream().filter(e -> e instanceof HubEvent.ErrorReported r && r.error().errorCode().statusCode().intValue() == code)
                .count();
    }

    @Override
    public void close() {
        client.close();
    }
}
