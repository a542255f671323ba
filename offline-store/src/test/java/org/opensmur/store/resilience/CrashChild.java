package org.opensmur.store.resilience;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.concurrent.ThreadLocalRandom;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.amqp.AmqpHubTransport;
import org.opensmur.core.hub.amqp.HubBroker;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.store.OfflineStore;
import org.opensmur.store.outbox.OutboxPolicy;
import org.opensmur.store.outbox.OutboxRelay;

/**
 * The tablet as a separate process for the crash test: taps statuses as fast as a nervous crew and
 * drains through the real broker, until it is killed. Prints "SAVED id case" once enqueue has returned.
 * With "drain" it taps nothing and exits when the outbox is empty. Arguments: the store's folder, "tap" or "drain",
 * the test broker's vhost (a model 3 one).
 */
public final class CrashChild {

    static final String[] CASES = {"fr.health.samu440.DRFR154402414300001", "fr.health.samu440.DRFR154402414300002",
        "fr.health.samu440.DRFR154402414300003"};

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        boolean drain = args.length > 1 && args[1].equals("drain");
        PrintStream out = System.out;
        HubCodec codec = new HubCodec();
        Clock clock = Clock.systemDefaultZone();
        OutgoingMessages outgoing = OutgoingMessages.of(HubBroker.TABLET, clock);
        OfflineStore store = OfflineStore.open(folder, org.opensmur.store.testing.TestKeys.secret(System.getenv("STORE_SECRET")), outgoing, codec,
                OutboxPolicy.defaults(), clock);
        HubBroker broker = HubBroker.require().onVhost(args[2]);
        java.util.Map<String, String> settings = broker.settings(HubBroker.TABLET);
        settings.put("MODEL_LINE", "3"); // a test vhost the tablet does not know by name
        AmqpHubTransport transport = new AmqpHubTransport(broker.config(settings), clock);
        OutboxRelay relay = store.relay(transport, clock, 64);
        transport.start(delivery -> org.opensmur.core.hub.transport.Inbound.Disposition.RETRY_LATER);
        relay.start();
        if (drain) {
            while (store.outbox().waiting() > 0 || relay.inFlight() > 0) {
                Thread.sleep(50);
            }
            out.println("DRAINED");
            out.flush();
            System.exit(0);
        }
        ResourceStatus[] flow = org.opensmur.core.hub.validation.ModelLine.CURRENT.codes(ResourceStatus.class).toArray(ResourceStatus[]::new);
        for (int i = 0; ; i++) {
            String caseId = CASES[ThreadLocalRandom.current().nextInt(CASES.length)];
            String id = store.outbox().enqueue(outgoing.statusChange(caseId, "fr.health.samu440.resource.VLM4",
                    flow[i % flow.length], OffsetDateTime.now(clock), null, HubBroker.LRM)).distributionId();
            out.println("SAVED " + id + " " + caseId);
            out.flush();
            Thread.sleep(ThreadLocalRandom.current().nextInt(3));
        }
    }
}
