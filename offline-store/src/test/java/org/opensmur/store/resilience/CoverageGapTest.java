package org.opensmur.store.resilience;

import org.junit.jupiter.api.Tag;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.core.bilan.InterventionReport;
import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.geo.GeoPositionsUpdate;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.hub.amqp.AmqpHubTransport;
import org.opensmur.core.hub.amqp.HubBroker;
import org.opensmur.core.hub.amqp.HubTopology;
import org.opensmur.core.hub.transport.Inbound;
import org.opensmur.core.hub.amqp.TcpProxy;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.status.ResourcesStatus;
import org.opensmur.core.tablet.DeliveryState;
import org.opensmur.core.tablet.OutboxEntry;
import org.opensmur.store.TestStore;
import org.opensmur.store.outbox.Outbox;
import org.opensmur.store.outbox.OutboxPolicy;
import org.opensmur.store.outbox.OutboxRelay;

/**
 * Ten minutes without coverage: the crew taps statuses and writes a bilan while the GPS produces 1,000
 * fixes. When the network returns everything drains through the real broker: statuses first and in
 * order, then the bilan, then a thinned track of positions without the expired ones.
 */
@Tag("rabbitmq") // on the machine's RabbitMQ, whose queues the broker tests share: one at a time
@Tag("slow") // a thousand fixes queued and drained through the broker: run by ./bin/test and .ci/run, not by ./bin/test --quick
class CoverageGapTest {

    @TempDir
    Path dir;

    @Test
    void everythingDrainsInTheRightOrderWhenCoverageReturns() throws Exception {
        HubBroker broker = HubBroker.require();
        broker.purgeAll();
        TestStore t = new TestStore(dir, new OutboxPolicy(Duration.ofSeconds(60), Duration.ofDays(7), Duration.ofSeconds(5)),
                HubBroker.TABLET);
        Outbox outbox = t.store.outbox();
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", new InetSocketAddress("127.0.0.1", 5671))) {
            Map<String, String> settings = broker.settings(HubBroker.TABLET);
            settings.put("HUB_HOSTNAME", "127.0.0.1");
            settings.put("HUB_PORT", String.valueOf(proxy.port()));
            try (AmqpHubTransport transport = new AmqpHubTransport(broker.config(settings), Clock.systemUTC());
                 OutboxRelay relay = t.store.relay(transport, t.clock, 64)) {
                transport.start(delivery -> Inbound.Disposition.RETRY_LATER);
                relay.start();
                await().atMost(Duration.ofSeconds(20)).until(() -> transport.state().isConnected());

                proxy.blackhole(true); // into the tunnel
                await().atMost(Duration.ofSeconds(30)).until(() -> !transport.state().isConnected());

                List<String> statuses = new ArrayList<>();
                statuses.add(outbox.enqueue(t.status(TestStore.CASE_A, ResourceStatus.DEPART)).distributionId());
                fixes(t, 500);
                statuses.add(outbox.enqueue(t.status(TestStore.CASE_A, ResourceStatus.ARRIVEE)).distributionId());
                String bilan = outbox.enqueue(t.out.bilan((InterventionReport) SharedCorpus.examplePayload(MessageType.RS_BPV,
                        "DelphineVigneau"), TestStore.LRM)).distributionId();
                fixes(t, 500);
                statuses.add(outbox.enqueue(t.status(TestStore.CASE_A, ResourceStatus.PEC)).distributionId());

                proxy.blackhole(false); // out of the tunnel
                await().atMost(Duration.ofSeconds(60)).until(() -> outbox.waiting() == 0 && relay.inFlight() == 0);

                List<HubMessage> arrived = new ArrayList<>();
                try (Connection admin = broker.admin(); Channel channel = admin.createChannel()) {
                    for (GetResponse r = channel.basicGet(HubTopology.DISPATCH, true); r != null; r = channel.basicGet(HubTopology.DISPATCH, true)) {
                        arrived.add(t.codec.decode(r.getBody()).envelope());
                    }
                }
                assertEquals(statuses, arrived.subList(0, 3).stream().map(HubMessage::distributionID).toList(), "statuses first, in order");
                assertTrue(arrived.get(0).payload() instanceof ResourcesStatus);
                assertEquals(bilan, arrived.get(3).distributionID());
                List<HubMessage> positions = arrived.subList(4, arrived.size());
                assertTrue(positions.stream().allMatch(m -> m.payload() instanceof GeoPositionsUpdate));
                Map<DeliveryState, List<String>> fixesByState = outbox.list(null, 2000).stream()
                        .filter(e -> e.type() == MessageType.GEO_POS)
                        .collect(Collectors.groupingBy(OutboxEntry::state, Collectors.mapping(OutboxEntry::distributionId, Collectors.toList())));
                List<String> sent = fixesByState.getOrDefault(DeliveryState.SENT, List.of());
                int expired = fixesByState.getOrDefault(DeliveryState.EXPIRED, List.of()).size();
                int superseded = fixesByState.getOrDefault(DeliveryState.SUPERSEDED, List.of()).size();
                assertEquals(1000, sent.size() + expired + superseded, fixesByState.keySet().toString());
                assertTrue(expired > 0, "the oldest fixes of the track expired during the gap");
                assertEquals(new HashSet<>(sent), positions.stream().map(HubMessage::distributionID).collect(Collectors.toSet()),
                        "every kept, unexpired fix arrived, and nothing else");
                assertTrue(positions.stream().allMatch(m -> m.dateTimeExpires().toInstant().isAfter(t.clock.instant())));
                System.out.printf("coverage gap: 3 statuses, 1 bilan and 1000 fixes queued offline -> statuses, bilan, then %d fixes"
                        + " of the thinned track; %d replaced on the track, %d expired unsent%n", sent.size(), superseded, expired);
            }
        } finally {
            t.store.close();
        }
    }

    /** One fix every 600 ms. */
    private static void fixes(TestStore t, int count) {
        for (int i = 0; i < count; i++) {
            t.store.outbox().enqueue(t.position(47.2 + i / 100_000.0));
            t.clock.advance(Duration.ofMillis(600));
        }
    }
}
