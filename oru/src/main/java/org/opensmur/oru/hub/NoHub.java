package org.opensmur.oru.hub;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.opensmur.core.hub.transport.ConnectionState;
import org.opensmur.core.hub.transport.HubTransport;
import org.opensmur.core.hub.transport.Inbound;
import org.opensmur.core.hub.transport.PublishOutcome;

/**
 * The transport of an import: files captured from the Hub go through the same path as a delivery, and
 * the answers (RC-REFs, error reports) have nobody to go to: they are dropped, as delivered.
 */
public final class NoHub implements HubTransport {

    private final ConnectionState state = new ConnectionState.Connected(Instant.now());

    @Override
    public void start(Inbound inbound) {
        // nothing is delivered: the import calls the concentrator itself
    }

    @Override
    public CompletableFuture<PublishOutcome> publish(byte[] body, String distributionId) {
        return CompletableFuture.completedFuture(new PublishOutcome.Confirmed(distributionId));
    }

    @Override
    public ConnectionState state() {
        return state;
    }

    @Override
    public void onStateChange(Consumer<ConnectionState> listener) {
    }

    @Override
    public void close() {
    }
}
