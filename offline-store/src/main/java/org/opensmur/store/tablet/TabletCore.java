package org.opensmur.store.tablet;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.opensmur.core.hub.client.HubClient;
import org.opensmur.core.hub.client.HubEvent;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.transport.HubTransport;
import org.opensmur.core.outgoing.Built;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.reference.ReferenceStep;
import org.opensmur.core.hub.validation.ValidationIssue;
import org.opensmur.store.OfflineStore;
import org.opensmur.store.outbox.OutboxEntry;
import org.opensmur.store.outbox.OutboxPolicy;
import org.opensmur.store.outbox.OutboxRelay;

/**
 * The tablet's core, whatever its face (the JavaFX app, the headless tablet of the local Hub): the
 * encrypted store, the relay draining the outbox through the transport, and the Hub client that stores
 * before it acknowledges. It sees the transport only through {@link HubTransport}.
 */
public final class TabletCore implements AutoCloseable {

    /** Relay window: unconfirmed messages in flight at most. */
    private static final int WINDOW = 256;

    private final OutgoingMessages outgoing;
    private final OfflineStore store;
    private final HubTransport transport;
    private final OutboxRelay relay;
    private final HubClient client;
    private final List<Consumer<HubEvent>> listeners = new CopyOnWriteArrayList<>();

    public TabletCore(HubTransport transport, String clientId, Path storeFolder, char[] secret, Clock clock) {
        HubCodec codec = new HubCodec();
        this.transport = transport;
        this.outgoing = OutgoingMessages.of(clientId, clock);
        this.store = OfflineStore.open(storeFolder, secret, outgoing, codec, OutboxPolicy.defaults(), clock);
        this.relay = store.relay(transport, clock, WINDOW);
        Consumer<HubEvent> ledger = store.ledgerUpdates();
        this.client = new HubClient(transport, codec, store.inbox(), store.acknowledger(), event -> {
            ledger.accept(event); // the ledger first: a listener that reads it sees the new state
            listeners.forEach(l -> l.accept(event));
        });
    }

    /** Called on a transport thread, after the message is stored and the ledger updated. */
    public void onEvent(Consumer<HubEvent> listener) {
        listeners.add(listener);
    }

    public void start() {
        relay.start();
        client.start();
    }

    public OfflineStore store() {
        return store;
    }

    public HubTransport transport() {
        return transport;
    }

    public OutgoingMessages outgoing() {
        return outgoing;
    }

    /** Makes a built message durable in the outbox at once; an invalid one is refused with its issues. */
    public OutboxEntry send(Built built) {
        if (!built.isValid()) {
            throw new InvalidMessageException(built.message().type().code(), built.issues());
        }
        return store.outbox().enqueue(built);
    }

    /** Tells the sender what the crew did with a message it received (RC-REF CONSULTE when opened). */
    public void acknowledge(HubMessage received, ReferenceStep step) {
        client.acknowledge(received, step);
    }

    @Override
    public void close() {
        relay.close();
        client.close();
        store.close();
    }

    /** A message the tablet built but that breaks the Hub's rules: the issues name the fields (never the values). */
    public static final class InvalidMessageException extends IllegalArgumentException {
        private final transient List<ValidationIssue> issues;

        public InvalidMessageException(String type, List<ValidationIssue> issues) {
            super(type + " not valid: " + issues.stream().map(ValidationIssue::path).toList());
            this.issues = List.copyOf(issues);
        }

        public List<ValidationIssue> issues() {
            return issues;
        }
    }
}
