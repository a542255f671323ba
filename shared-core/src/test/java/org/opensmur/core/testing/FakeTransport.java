package org.opensmur.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.opensmur.core.hub.transport.ConnectionState;
import org.opensmur.core.hub.transport.HubTransport;
import org.opensmur.core.hub.transport.Inbound;
import org.opensmur.core.hub.transport.PublishOutcome;

/**
 * A transport that behaves like the real one where the store can tell: while connected, publications
 * are confirmed (at once, or when the test says); a connection loss fails everything unconfirmed.
 */
public final class FakeTransport implements HubTransport {

    public record Published(String distributionId, byte[] body, CompletableFuture<PublishOutcome> outcome) {
    }

    private final List<Published> published = new CopyOnWriteArrayList<>();
    private final List<Consumer<ConnectionState>> listeners = new CopyOnWriteArrayList<>();
    private volatile ConnectionState state = new ConnectionState.Connected(java.time.Instant.EPOCH);
    private volatile boolean autoConfirm = true;
    private Inbound inbound;

    @Override
    public void start(Inbound handler) {
        this.inbound = handler;
    }

    public Inbound inbound() {
        return inbound;
    }

    @Override
    public synchronized CompletableFuture<PublishOutcome> publish(byte[] body, String distributionId) {
        CompletableFuture<PublishOutcome> future = new CompletableFuture<>();
        if (!state.isConnected()) {
            future.complete(new PublishOutcome.Unknown(distributionId, "not connected"));
            return future;
        }
        published.add(new Published(distributionId, body, future));
        if (autoConfirm) {
            future.complete(new PublishOutcome.Confirmed(distributionId));
        }
        return future;
    }

    public void autoConfirm(boolean on) {
        autoConfirm = on;
    }

    /** Confirms every publication still waiting. */
    public void confirmAll() {
        published.forEach(p -> p.outcome().complete(new PublishOutcome.Confirmed(p.distributionId())));
    }

    public synchronized void disconnect() {
        setState(new ConnectionState.Reconnecting(java.time.Instant.EPOCH, null, "test"));
        published.forEach(p -> p.outcome().complete(new PublishOutcome.Unknown(p.distributionId(), "connection lost")));
    }

    public void connect() {
        setState(new ConnectionState.Connected(java.time.Instant.EPOCH));
    }

    private void setState(ConnectionState next) {
        state = next;
        listeners.forEach(l -> l.accept(next));
    }

    /** Ids of the publications the broker confirmed, in publication order. */
    public List<String> confirmed() {
        List<String> ids = new ArrayList<>();
        for (Published p : published) {
            if (p.outcome().isDone() && p.outcome().join().isConfirmed()) {
                ids.add(p.distributionId());
            }
        }
        return ids;
    }

    public List<Published> published() {
        return published;
    }

    @Override
    public ConnectionState state() {
        return state;
    }

    @Override
    public void onStateChange(Consumer<ConnectionState> listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
        disconnect();
    }
}
