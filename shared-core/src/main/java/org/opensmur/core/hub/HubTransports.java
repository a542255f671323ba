package org.opensmur.core.hub;

import java.time.Clock;
import org.opensmur.core.hub.amqp.AmqpHubTransport;
import org.opensmur.core.hub.transport.HubConfig;
import org.opensmur.core.hub.transport.HubTransport;

/**
 * The one place that picks the transport implementation for a Hub link. The Hub speaks AMQP 0-9-1 (over
 * mutual TLS, or plain AMQP on the loopback for tests): today that is {@link AmqpHubTransport}. The store
 * and the screens see {@link HubTransport} only; an ArchUnit rule keeps them off {@code hub.amqp}.
 */
public final class HubTransports {

    private HubTransports() {
    }

    /** A transport for {@code config}, not started (see {@link HubTransport#start}). */
    public static HubTransport open(HubConfig config, Clock clock) {
        return new AmqpHubTransport(config, clock);
    }

    /** The same, its thread made by {@code threads} (the composition root's, named for the transport's role). */
    public static HubTransport open(HubConfig config, Clock clock, java.util.concurrent.ThreadFactory threads) {
        return new AmqpHubTransport(config, clock, threads);
    }
}
