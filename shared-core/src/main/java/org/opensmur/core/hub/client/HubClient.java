package org.opensmur.core.hub.client;

import java.util.function.Consumer;
import org.opensmur.core.hub.codec.Decoded;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.error.HubError;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.transport.Delivery;
import org.opensmur.core.hub.transport.HubTransport;
import org.opensmur.core.hub.transport.Inbound;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.reference.Reference;
import org.opensmur.core.reference.ReferenceStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Hub's acknowledgement model on the receiving side: decode, store durably, then let the transport
 * ack; answer every functional message with an RC-REF (never an Ack or an Error); turn RC-REFs and error
 * reports into typed events; refuse what cannot be read so that the next message goes through.
 */
public final class HubClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HubClient.class);

    private final HubTransport transport;
    private final HubCodec codec;
    private final ReceivedStore store;
    private final Acknowledger acknowledger;
    private final Consumer<HubEvent> events;

    public HubClient(HubTransport transport, HubCodec codec, ReceivedStore store, Acknowledger acknowledger,
                     Consumer<HubEvent> events) {
        this.transport = transport;
        this.codec = codec;
        this.store = store;
        this.acknowledger = acknowledger;
        this.events = events;
    }

    public void start() {
        transport.start(this::onDelivery);
    }

    /** What the transport calls for each delivery (public for tests that play the broker). */
    public Inbound.Disposition onDelivery(Delivery delivery) {
        Decoded decoded = codec.decode(delivery.body());
        if (!decoded.isReadable() || decoded.envelope() == null) {
            LOG.warn("refused a delivery from the {} queue: {} issue(s), first at {}", delivery.queue(),
                    decoded.issues().size(), decoded.issues().isEmpty() ? "-" : decoded.issues().get(0).path());
            events.accept(new HubEvent.MessageRejected(delivery.queue(), decoded.issues()));
            return Inbound.Disposition.REJECTED;
        }
        HubMessage message = decoded.envelope();
        boolean fresh;
        try {
            fresh = store.store(decoded);
        } catch (RuntimeException e) {
            LOG.error("could not store {} ({}); it will be delivered again", message.distributionID(), e.getClass().getSimpleName());
            return Inbound.Disposition.RETRY_LATER;
        }
        switch (message.payload()) {
            case Reference reference -> events.accept(new HubEvent.ReferenceReceived(reference.distributionID(),
                    reference.step(), Boolean.TRUE.equals(reference.refused()), reference.errorDistributionID(), message.senderID()));
            case HubError error -> events.accept(new HubEvent.ErrorReported(error.referencedDistributionID(), error, message.senderID()));
            default -> {
                events.accept(new HubEvent.MessageReceived(message, !fresh, delivery.redelivered()));
                acknowledge(message, ReferenceStep.RECU);
            }
        }
        return Inbound.Disposition.STORED;
    }

    /**
     * Sends an RC-REF for a received functional message: {@code RECU} on reception (done here), then
     * {@code INTEGRE} or {@code CONSULTE} when the application reports them.
     */
    public void acknowledge(HubMessage received, ReferenceStep step) {
        if (received.type().needsReference()) {
            acknowledger.acknowledge(received, step);
        }
    }

    /** RC-REFs published at once, without a durable outbox (tools and tests; the app uses the store's). */
    public static Acknowledger direct(HubTransport transport, HubCodec codec, OutgoingMessages outgoing) {
        return (received, step) -> {
            HubMessage reference = outgoing.reference(received, step).orElseThrow();
            transport.publish(codec.encode(reference), reference.distributionID()).thenAccept(outcome -> {
                if (!outcome.isConfirmed()) {
                    LOG.warn("RC-REF {} not confirmed: {}", reference.distributionID(), outcome);
                }
            });
        };
    }


    @Override
    public void close() {
        transport.close();
    }
}
