package org.opensmur.app.testing;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.opensmur.core.hub.transport.ConnectionState;
import org.opensmur.core.hub.transport.HubTransport;
import org.opensmur.core.hub.transport.Inbound;
import org.opensmur.core.hub.transport.PublishOutcome;

/** A tablet in a coverage gap: nothing connects, nothing leaves; everything must wait in the outbox. */
public final class NoNetwork implements HubTransport {

    @Override
    public void start(Inbound inbound) {
    }

    @Override
    public CompletableFuture<PublishOutcome> publish(byte[] body, String distributionId) {
        return CompletableFuture.completedFuture(new PublishOutcome.Unknown(distributionId, "no network"));
    }

    @Override
    public ConnectionState state() {
        return new ConnectionState.Reconnecting(Instant.EPOCH, null, "no network");
    }

    @Override
    public void onStateChange(Consumer<ConnectionState> listener) {
    }

    @Override
    public void close() {
    }
}
