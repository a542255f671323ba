package org.opensmur.core.hub.client;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.opensmur.core.hub.codec.Decoded;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.error.ErrorCode;
import org.opensmur.core.hub.error.HubError;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.transport.ConnectionState;
import org.opensmur.core.hub.transport.Delivery;
import org.opensmur.core.hub.transport.HubQueue;
import org.opensmur.core.hub.transport.HubTransport;
import org.opensmur.core.hub.transport.Inbound;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.reference.Reference;
import org.opensmur.core.reference.ReferenceStep;
import org.opensmur.core.hub.validation.HubRules;
import org.opensmur.core.hub.validation.ValidationIssue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Hub's acknowledgement model on the receiving side: decode, store durably, then let the transport
 * ack; answer every functional message with an RC-REF (never an Ack or an Error); turn RC-REFs and error
 * reports into typed events; refuse what cannot be read so that the next message goes through.
 */
public final class HubClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HubClient.class);
    private static final String JSON = "application/json";
    /** Deliveries this soon after connecting are taken as backlog (they may have waited long in the queue). */
    private static final Duration BACKLOG = Duration.ofSeconds(10);

    private final HubTransport transport;
    private final HubCodec codec;
    private final ReceivedStore store;
    private final Acknowledger acknowledger;
    private final Consumer<HubEvent> events;
    private final HubClock clock;
    /** This client's id, when the receiver says it: a delivery addressed to another is refused. */
    private final String recipient;

    public HubClient(HubTransport transport, HubCodec codec, ReceivedStore store, Acknowledger acknowledger,
                     Consumer<HubEvent> events) {
        this(transport, codec, store, acknowledger, events, null);
    }

    /** {@code clock}, when given, learns the Hub side's time from every new message received and stored. */
    public HubClient(HubTransport transport, HubCodec codec, ReceivedStore store, Acknowledger acknowledger,
                     Consumer<HubEvent> events, HubClock clock) {
        this(transport, codec, store, acknowledger, events, clock, null);
    }

    /** {@code recipient}: this client's id; what the Hub forwards is addressed to it. */
    public HubClient(HubTransport transport, HubCodec codec, ReceivedStore store, Acknowledger acknowledger,
                     Consumer<HubEvent> events, HubClock clock, String recipient) {
        this.recipient = recipient;
        this.transport = transport;
        this.codec = codec;
        this.store = store;
        this.acknowledger = acknowledger;
        this.events = events;
        this.clock = clock;
    }

    public void start() {
        transport.start(this::onDelivery);
    }

    /** What the transport calls for each delivery (public for tests that play the broker). */
    public Inbound.Disposition onDelivery(Delivery delivery) {
        if (!JSON.equals(delivery.contentType())) {
            // The Hub itself refuses any other content type (101); this client asked for JSON.
            return reject(delivery, new ValidationIssue("AMQP contentType", ValidationIssue.Kind.FORMAT, null,
                    "content type '" + delivery.contentType() + "' refused: " + JSON + " expected"));
        }
        Decoded decoded = codec.decode(delivery.body());
        if (!decoded.isReadable() || decoded.envelope() == null) {
            return reject(delivery, decoded.issues().isEmpty()
                    ? new ValidationIssue("$", ValidationIssue.Kind.USE_CASE, null, "a whole EDXL-DE message is expected")
                    : decoded.issues().get(0), decoded.issues());
        }
        HubMessage message = decoded.envelope();
        // The Hub routes by kind; the payload must be of that kind too (an RC-REF is an Ack...).
        HubQueue expected = HubQueue.of(message.type().defaultKind());
        if (expected != delivery.queue() || HubQueue.of(message.distributionKind()) != expected) {
            return reject(delivery, new ValidationIssue("$.distributionKind", ValidationIssue.Kind.HUB_RULE, null,
                    "a " + message.type() + " of kind " + message.distributionKind().code() + " belongs on the ."
                            + expected.suffix() + " queue, not ." + delivery.queue().suffix()));
        }
        // What the Hub itself enforces before routing (the envelope's senderID, its distributionID prefix, the
        // recipient it routed by): what breaks them did not come through it. The RC-DE header is read, never
        // judged: official peers fill it otherwise (the SDK's RC-REF names the original sender) and the Hub
        // forwards them; every trust decision below is taken from the envelope's senderID.
        List<ValidationIssue> hubRules = HubRules.forwarded(message, recipient);
        if (!hubRules.isEmpty()) {
            return reject(delivery, hubRules.get(0), hubRules);
        }
        // Read before storing: whether this delivery waited in a queue (a reconnection's backlog) says
        // nothing of its content, and storing takes time.
        boolean settled = clock != null && settled(delivery);
        ReceivedStore.Outcome outcome;
        try {
            outcome = store.store(decoded);
        } catch (RuntimeException e) {
            LOG.error("could not store {} ({}); it will be delivered again", message.distributionID(), e.getClass().getSimpleName());
            return Inbound.Disposition.RETRY_LATER;
        }
        if (outcome == ReceivedStore.Outcome.CONFLICT) {
            // Never applied, never acknowledged as received: kept apart, refused to its sender, shown to the crew.
            LOG.warn("{} from {} received again with other content: kept apart as a conflict, refused",
                    message.distributionID(), message.senderID());
            events.accept(new HubEvent.MessageConflict(message));
            if (message.type().needsReference()) {
                acknowledger.refuse(message, "distributionID " + message.distributionID()
                        + " was already received with other content; this copy is kept apart and not applied:"
                        + " send a change with a new distributionID");
            }
            return Inbound.Disposition.STORED;
        }
        if (outcome == ReceivedStore.Outcome.OVER_QUOTA) {
            LOG.warn("{} from {}: another differing copy beyond what is kept apart: not stored, refused once",
                    message.distributionID(), message.senderID());
            if (message.type().needsReference()) {
                acknowledger.refuse(message, "distributionID " + message.distributionID() + " was received with too many"
                        + " different contents; this copy is not stored and later ones are dropped unanswered");
            }
            return Inbound.Disposition.STORED;
        }
        if (outcome == ReceivedStore.Outcome.FOREIGN) {
            // Kept apart: a party that does not own the case may not change it. Said to the crew, refused to it.
            String caseId = message.type().caseId(message.payload());
            LOG.warn("{} from {} about a case it does not own: kept apart, refused (703)", message.type(), message.senderID());
            events.accept(new HubEvent.MessageFromThirdParty(message, caseId));
            acknowledger.refuse(message, ErrorCode.UNKNOWN_SENDER, message.senderID() + " may not change case " + caseId
                    + ": it is steered by the SAMU that shared it or engaged the crew; this message is kept apart and not applied");
            return Inbound.Disposition.STORED;
        }
        if (outcome == ReceivedStore.Outcome.DROPPED) {
            return Inbound.Disposition.STORED; // acknowledged to the broker so that it stops, answered no more
        }
        boolean fresh = outcome == ReceivedStore.Outcome.NEW;
        if (fresh && settled) {
            // Stored and new: its sender's date is one sample of that sender's clock; the clock weighs it
            // against the others' (no single sender moves it).
            clock.observe(message.senderID(), message.dateTimeSent());
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
     * A delivery that says something about the sender's clock: not a redelivery, and not part of the
     * backlog a (re)connection brings, whose messages waited in the queue for an unknown time.
     */
    private boolean settled(Delivery delivery) {
        return !delivery.redelivered() && transport.state() instanceof ConnectionState.Connected connected
                && Duration.between(connected.since(), java.time.Instant.now()).compareTo(BACKLOG) > 0;
    }

    private Inbound.Disposition reject(Delivery delivery, ValidationIssue first) {
        return reject(delivery, first, List.of(first));
    }

    private Inbound.Disposition reject(Delivery delivery, ValidationIssue first, List<ValidationIssue> issues) {
        // Paths and rules only: a reason may quote a value, and values are patient data.
        LOG.warn("refused a delivery from the .{} queue: {} issue(s), first at {}", delivery.queue().suffix(),
                issues.size(), first.path());
        events.accept(new HubEvent.MessageRejected(delivery.queue(), issues));
        return Inbound.Disposition.REJECTED;
    }

    /**
     * Sends an RC-REF for a received functional message: {@code RECU} on reception (done here), then
     * {@code INTEGRE} or {@code CONSULTE} when the application reports them (model 3 only).
     */
    public void acknowledge(HubMessage received, ReferenceStep step) {
        // Model 2.0's RC-REF has no step: its one RC-REF says "received"; later steps have no message there.
        if (received.type().needsReference() && (step == ReferenceStep.RECU || codec.line().hasReferenceSteps())) {
            acknowledger.acknowledge(received, step);
        }
    }

    /**
     * RC-REFs and error reports published at once, without a durable outbox (the ORU, the local Hub's LRM, tools and
     * tests; the app uses the store's), each published again until the broker confirms it or it expires.
     */
    public static Acknowledger direct(HubTransport transport, HubCodec codec, OutgoingMessages outgoing) {
        return new DirectAcknowledger(transport, codec, outgoing, java.time.Clock.systemUTC(), Duration.ofSeconds(1));
    }

    @Override
    public void close() {
        transport.close();
    }
}
