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
    private final OutgoingMessages outgoing;
    private final ReceivedStore store;
    private final MessageSender sender;
    private final Consumer<HubEvent> events;

    public HubClient(HubTransport transport, HubCodec codec, OutgoingMessages outgoing, ReceivedStore store,
                     MessageSender sender, Consumer<HubEvent> events) {
        this.transport = transport;
        this.codec = codec;
        this.outgoing = outgoing;
        this.store = store;
        this.sender = sender;
        this.events = events;
    }

    public void start() {
        transport.start(this::onDelivery);
    }

    Inbound.Disposition onDelivery(Delivery delivery) {
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
        if (!received.type().needsReference()) {
            return;
        }
        sender.send(outgoing.reference(received, step).orElseThrow());
    }

    /** A sender that publishes at once (tools and tests; the app goes through the outbox). */
    public static MessageSender direct(HubTransport transport, HubCodec codec) {
        return message -> transport.publish(codec.encode(message), message.distributionID())
                .thenAccept(outcome -> {
                    if (!outcome.isConfirmed()) {
                        LOG.warn("{} {} not confirmed: {}", message.type(), message.distributionID(), outcome);
                    }
                });
    }


    @Override
    public void close() {
        transport.close();
    }
}
