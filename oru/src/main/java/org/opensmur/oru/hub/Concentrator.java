package org.opensmur.oru.hub;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.opensmur.core.hub.client.Acknowledger;
import org.opensmur.core.hub.client.HubClient;
import org.opensmur.core.hub.client.ReceivedStore;
import org.opensmur.core.hub.codec.ContentDigest;
import org.opensmur.core.hub.codec.Decoded;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.error.ErrorCode;
import org.opensmur.core.hub.error.ErrorStatus;
import org.opensmur.core.hub.error.HubError;
import org.opensmur.core.hub.message.DistributionKind;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.hub.transport.Delivery;
import org.opensmur.core.hub.transport.HubQueue;
import org.opensmur.core.hub.transport.HubTransport;
import org.opensmur.core.hub.transport.Inbound;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.hub.validation.ValidationIssue;
import org.opensmur.core.outgoing.Built;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.reference.Reference;
import org.opensmur.core.reference.ReferenceStep;
import org.opensmur.core.rpis.Rpis;
import org.opensmur.oru.consolidate.RecordKey;
import org.opensmur.oru.consolidate.Version;
import org.opensmur.oru.store.OruStore;
import org.opensmur.oru.store.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ORU as a client of the Hub: the shared core's {@link HubClient} decodes, judges and acknowledges;
 * storing is {@link OruStore#ingest} (committed before the client lets the transport ack the delivery).
 * RC-REF {@code RECU} once stored, {@code INTEGRE} once consolidated (model 3; model 2.0's one RC-REF says
 * received). A message the client refuses (invalid for the vhost's model) is recorded with its rule and
 * answered with an RS-ERROR naming the rule and path, then acknowledged: the next message goes on. So is a
 * record whose key (SMUR unit, mission, patient) has a blank part, and, when the ORU has a list of senders,
 * a record from a sender not on it (703). Only a database fault gives a delivery back.
 */
public final class Concentrator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Concentrator.class);

    /** What became of one received message: the store's outcome, or the refusal's rule. */
    public record Receipt(Outcome outcome, Long recordId, String refusal) {

        public String words() {
            return refusal != null ? "refused: " + refusal : outcome.words();
        }
    }

    /** Where the {@code rpis} payload sits in the EDXL envelope, as validation paths name it. */
    private static final String RPIS_PATH = "$.content[0].jsonContent.embeddedJsonContent.message.rpis";

    private final HubTransport transport;
    private final HubCodec codec;
    private final OruStore store;
    private final OutgoingMessages outgoing;
    private final HubClient client;
    private final Clock clock;
    private final ThreadLocal<Receipt> last = new ThreadLocal<>();
    private final Set<String> senders;
    private final int refusalsPerSenderPerDay;
    /** The day each sender's cap was last said in the log: once a day, not once a message. */
    private final java.util.Map<String, java.time.LocalDate> capLogged = new java.util.concurrent.ConcurrentHashMap<>();

    /** Refusals recorded per sender and day unless told otherwise: far more than a working SMUR ever gets. */
    public static final int REFUSALS_PER_SENDER_PER_DAY = 1000;

    public Concentrator(HubTransport transport, String oruId, OruStore store, ModelLine line, Clock clock) {
        this(transport, oruId, store, line, clock, Set.of());
    }

    /**
     * {@code senders}: the client ids of the region's SMURs and SAMUs whose records are taken; a record from
     * any other sender is refused (703). Empty: every sender the Hub forwards is taken.
     */
    public Concentrator(HubTransport transport, String oruId, OruStore store, ModelLine line, Clock clock, Set<String> senders) {
        this(transport, oruId, store, line, clock, senders, REFUSALS_PER_SENDER_PER_DAY);
    }

    /**
     * {@code refusalsPerSenderPerDay}: refusals recorded at most per sender and day of the region; beyond,
     * refused messages are still answered, not recorded.
     */
    public Concentrator(HubTransport transport, String oruId, OruStore store, ModelLine line, Clock clock, Set<String> senders,
            int refusalsPerSenderPerDay) {
        if (refusalsPerSenderPerDay < 0) {
            throw new IllegalArgumentException("refusals per sender and day: 0 or more, not " + refusalsPerSenderPerDay);
        }
        this.refusalsPerSenderPerDay = refusalsPerSenderPerDay;
        this.senders = Set.copyOf(senders);
        this.transport = transport;
        this.codec = HubCodec.of(line);
        this.store = store;
        this.clock = clock;
        this.outgoing = OutgoingMessages.of(oruId, clock, line);
        Acknowledger direct = HubClient.direct(transport, codec, outgoing);
        Acknowledger acknowledger = new Acknowledger() {
            @Override
            public void acknowledge(HubMessage received, ReferenceStep step) {
                direct.acknowledge(received, step);
                // stored and consolidated in the same transaction: integrated as soon as received
                if (step == ReferenceStep.RECU && line.hasReferenceSteps() && received.payload() instanceof Rpis) {
                    direct.acknowledge(received, ReferenceStep.INTEGRE);
                }
            }

            @Override
            public void refuse(HubMessage received, ErrorCode code, String cause) {
                direct.refuse(received, code, cause);
            }
        };
        this.client = new HubClient(transport, codec, this::store, acknowledger, event -> { }, null, oruId);
    }

    public void start() {
        transport.start(this::onDelivery);
    }

    public HubCodec codec() {
        return codec;
    }

    /** What the transport calls for each delivery (and the import for each file). */
    public Inbound.Disposition onDelivery(Delivery delivery) {
        last.remove();
        Inbound.Disposition disposition = client.onDelivery(delivery);
        if (disposition != Inbound.Disposition.REJECTED || delivery.queue() != HubQueue.MESSAGE) {
            return disposition;
        }
        return refuse(delivery);
    }

    /** Receives a captured EDXL message as if delivered on {@code .message}; says what became of it. */
    public Receipt receive(byte[] body) {
        Inbound.Disposition disposition = onDelivery(new Delivery(HubQueue.MESSAGE, body, "application/json", false));
        Receipt receipt = last.get();
        if (receipt != null) {
            return receipt;
        }
        return disposition == Inbound.Disposition.STORED
                ? new Receipt(Outcome.DUPLICATE, null, "not an RS-RPIS: nothing for the observatory")
                : new Receipt(null, null, disposition == Inbound.Disposition.RETRY_LATER ? "could not be stored, try again" : "not readable");
    }

    private ReceivedStore.Outcome store(Decoded decoded) {
        HubMessage message = decoded.envelope();
        if (!(message.payload() instanceof Rpis rpis)) {
            return ReceivedStore.Outcome.NEW; // not for the observatory: acknowledged, not kept
        }
        if (!senders.isEmpty() && !senders.contains(message.senderID())) {
            // the Hub forwards any client's message; the region takes its own SMURs' and SAMUs' records only
            return refused(message, "$.senderID", "ALLOWED_SENDERS", ErrorCode.UNKNOWN_SENDER,
                    "sender not among this ORU's senders at $.senderID", "");
        }
        JsonNode payload = codec.toTree(rpis).get("rpis");
        java.util.Optional<String> unusable = RecordKey.unusablePart(payload);
        if (unusable.isPresent()) {
            // Valid for the schema (an empty string is a string) but no record can be filed under it: refused like
            // an invalid message, not thrown (the client would give it back to be delivered again and again).
            String path = RPIS_PATH + unusable.get().replace('/', '.');
            return refused(message, path, ValidationIssue.Kind.REQUIRED.name(), ErrorCode.INVALID_MESSAGE,
                    "required rule broken at " + path, ": present but blank");
        }
        Instant sentAt = message.message().header() != null ? message.message().header().sentAt().toInstant()
                : message.dateTimeSent().toInstant();
        OruStore.Ingested ingested = store.ingest(new Version(message.distributionID(), message.senderID(), sentAt, payload),
                ContentDigest.of(decoded.tree()), clock.instant());
        last.set(new Receipt(ingested.outcome(), ingested.recordId(), null));
        if (ingested.outcome() == Outcome.REUSED_ID) {
            return ReceivedStore.Outcome.CONFLICT;
        }
        // A copy under the same distributionID gets its RC-REF again (the first may have been lost).
        return ingested.redelivery() ? ReceivedStore.Outcome.REDELIVERY : ReceivedStore.Outcome.NEW;
    }

    /**
     * A record valid for the schema but refused before it is stored ({@code rule}, broken at {@code path}):
     * recorded, answered to its sender ({@code code}, the rule and {@code detail}), acknowledged to the broker.
     */
    private ReceivedStore.Outcome refused(HubMessage message, String path, String kind, ErrorCode code, String rule, String detail) {
        record(message.distributionID(), message.senderID(), path, kind);
        answerRefusal(message.distributionID(), message.senderID(), code, "refused by the ORU: " + rule + detail);
        last.set(new Receipt(null, null, rule + detail));
        return ReceivedStore.Outcome.DROPPED; // the refusal above is its only answer
    }

    /**
     * A message refused by the client on {@code .message}: when it says who sent it and which message it
     * was, the refusal is recorded and an RS-ERROR naming the rule goes back to its sender, as the Hub
     * answers what breaks the schema (300); then it is acknowledged. Otherwise it is rejected to the broker.
     */
    private Inbound.Disposition refuse(Delivery delivery) {
        Decoded decoded = codec.decode(delivery.body());
        List<ValidationIssue> issues = decoded.issues().isEmpty()
                ? List.of(new ValidationIssue("$", ValidationIssue.Kind.HUB_RULE, null, "not addressed to this ORU"))
                : decoded.issues();
        ValidationIssue first = issues.stream().filter(i -> i.kind() != ValidationIssue.Kind.UNKNOWN_FIELD).findFirst().orElse(issues.get(0));
        String rule = first.kind().name().toLowerCase(java.util.Locale.ROOT) + " rule broken at " + first.path()
                + (issues.size() > 1 ? " (and " + (issues.size() - 1) + " more)" : "");
        JsonNode tree = decoded.tree();
        String sender = tree == null ? null : text(tree.get("senderID"));
        String distributionId = tree == null ? null : text(tree.get("distributionID"));
        Receipt receipt = new Receipt(null, null, rule);
        last.set(receipt);
        boolean answerable = sender != null && distributionId != null && distributionId.startsWith(sender + "_")
                && sender.startsWith("fr.health") && decoded.type() != MessageType.RC_REF && decoded.type() != MessageType.RS_ERROR;
        if (!answerable) {
            return Inbound.Disposition.REJECTED;
        }
        try {
            record(distributionId, sender, first.path(), first.kind().name());
        } catch (RuntimeException e) {
            LOG.error("could not record a refusal ({}); it will be delivered again", e.getClass().getSimpleName());
            return Inbound.Disposition.RETRY_LATER;
        }
        answerRefusal(distributionId, sender, ErrorCode.INVALID_MESSAGE,
                "refused by the ORU: " + rule + (first.value() == null ? ": " + first.reason() : ""));
        return Inbound.Disposition.STORED;
    }

    /** Records a refusal, once per message and within the sender's cap; says in the log (once a day) when the cap is reached. */
    private void record(String distributionId, String sender, String path, String rule) {
        Instant now = clock.instant();
        if (store.refuse(distributionId, sender, path, rule, now, refusalsPerSenderPerDay) == OruStore.Refusal.OVER_CAP) {
            java.time.LocalDate today = now.atZone(store.zone()).toLocalDate();
            if (!today.equals(capLogged.put(sender, today))) {
                // the sender's id and the count only: never what the message held
                LOG.warn("{} has had {} refusals recorded today, the cap: its further refused messages are answered, not recorded, until tomorrow",
                        sender, refusalsPerSenderPerDay);
            }
        }
    }

    /** An RS-ERROR with {@code cause} to the sender of a refused message and, on model 3, an RC-REF refused. */
    private void answerRefusal(String distributionId, String sender, ErrorCode code, String cause) {
        HubError error = new HubError(new ErrorStatus(code.statusCode(), code.statusString()), cause, null, distributionId);
        Built report = outgoing.build(error, sender, DistributionKind.ERROR);
        if (!report.isValid()) {
            LOG.warn("could not build the error report about a refused message: {}", report.issues());
            return;
        }
        publish(report.message());
        if (codec.line().hasReferenceSteps()) {
            Built refusal = outgoing.build(new Reference(distributionId, true, report.message().distributionID(), ReferenceStep.ERREUR),
                    sender, DistributionKind.ACK);
            if (refusal.isValid()) {
                publish(refusal.message());
            }
        }
    }

    private void publish(HubMessage message) {
        transport.publish(codec.encode(message), message.distributionID());
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }

    @Override
    public void close() {
        client.close();
    }
}
