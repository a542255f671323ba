package org.opensmur.hubsim.broker;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.opensmur.core.hub.amqp.AmqpHubTransport;
import org.opensmur.core.hub.amqp.HubBroker;
import org.opensmur.core.hub.transport.ConnectionState;
import org.opensmur.core.hub.transport.Inbound;
import org.opensmur.hubsim.fixture.LocalBroker;

/**
 * The local Hub's broker (Qpid) refuses a second consumer of an exclusive queue otherwise than RabbitMQ
 * (it closes the connection on an internal error naming ExistingExclusiveConsumer): the tablet must still
 * say that another connection holds its queues, not "cause non reconnue".
 */
class OneDevicePerIdentityOnTheLocalHubTest {

    @Test
    void aSecondDeviceIsRefusedAndToldWhyOnTheEmbeddedBrokerToo() throws Exception {
        HubBroker broker = LocalBroker.EMBEDDED.broker("opensmur-test");
        try (AmqpHubTransport holder = new AmqpHubTransport(broker.config(HubBroker.TABLET), Clock.systemUTC());
             AmqpHubTransport second = new AmqpHubTransport(broker.config(HubBroker.TABLET), Clock.systemUTC())) {
            holder.start(d -> Inbound.Disposition.STORED);
            await().atMost(Duration.ofSeconds(20)).until(() -> holder.state().isConnected());
            AtomicReference<ConnectionState> refused = new AtomicReference<>();
            java.util.List<ConnectionState.Reconnecting> tries = new java.util.concurrent.CopyOnWriteArrayList<>();
            second.onStateChange(s -> {
                if (s instanceof ConnectionState.Reconnecting r) {
                    refused.compareAndSet(null, s);
                    tries.add(r);
                }
            });
            second.start(d -> Inbound.Disposition.STORED);
            await().atMost(Duration.ofSeconds(20)).until(() -> tries.size() >= 2);
            assertEquals(ConnectionState.Cause.IDENTITY_IN_USE, ((ConnectionState.Reconnecting) refused.get()).cause(),
                    refused.get().toString());
            assertEquals(tries.get(0).since(), tries.get(1).since(), "offline since the first refusal, not since the last try");
        }
    }
}
