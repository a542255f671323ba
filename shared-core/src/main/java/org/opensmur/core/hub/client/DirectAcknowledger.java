package org.opensmur.core.hub.client;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.error.ErrorCode;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.transport.HubTransport;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.reference.ReferenceStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RC-REFs and error reports published at once, without a durable outbox: the ORU's concentrator, the local Hub's LRM
 * simulator, tools and tests (the tablet uses its store's). One the broker did not confirm (the connection lost, not
 * connected yet) is published again with the same distributionID every {@code retry} until it is confirmed or
 * expires: lost, an acknowledgement left its sender waiting for an "intégré" that never came.
 */
final class DirectAcknowledger implements Acknowledger {

    private static final Logger LOG = LoggerFactory.getLogger(DirectAcknowledger.class);

    private final HubTransport transport;
    private final HubCodec codec;
    private final OutgoingMessages outgoing;
    private final Clock clock;
    private final Duration retry;

    DirectAcknowledger(HubTransport transport, HubCodec codec, OutgoingMessages outgoing, Clock clock, Duration retry) {
        this.transport = transport;
        this.codec = codec;
        this.outgoing = outgoing;
        this.clock = clock;
        this.retry = retry;
    }

    @Override
    public void acknowledge(HubMessage received, ReferenceStep step) {
        publish(outgoing.reference(received, step).orElseThrow(), true);
    }

    @Override
    public void refuse(HubMessage received, ErrorCode code, String cause) {
        HubMessage error = outgoing.errorReport(received, code, cause).orElseThrow();
        publish(error, true);
        publish(outgoing.refusal(received, error.distributionID()).orElseThrow(), true);
    }

    private void publish(HubMessage message, boolean first) {
        transport.publish(codec.encode(message), message.distributionID()).thenAccept(outcome -> {
            if (outcome.isConfirmed()) {
                return;
            }
            if (!message.dateTimeExpires().isAfter(OffsetDateTime.now(clock))) {
                LOG.warn("{} {} expired unsent: {}", message.type(), message.distributionID(), outcome);
            } else {
                if (first) {
                    LOG.warn("{} {} not confirmed ({}): published again until confirmed or expired", message.type(),
                            message.distributionID(), outcome);
                }
                CompletableFuture.runAsync(() -> publish(message, false),
                        CompletableFuture.delayedExecutor(retry.toMillis(), TimeUnit.MILLISECONDS));
            }
        });
    }
}
