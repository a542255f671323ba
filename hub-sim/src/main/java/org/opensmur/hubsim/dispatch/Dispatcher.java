package org.opensmur.hubsim.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Delivery;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.opensmur.core.hub.codec.Decoded;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.error.ErrorCode;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.transport.HubQueue;
import org.opensmur.core.hub.amqp.HubTopology;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.hub.validation.ValidationIssue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Hub's dispatcher for the local Hub: takes each message from {@code dispatch}, applies the Hub's
 * checks in the Hub's order, routes it to {@code <recipient>.<message|ack|info>} or sends the matching
 * error report (codes 100-501) to the publisher's {@code .info}; turns dead letters (expired or rejected
 * in a recipient queue) into error 500. One log line per decision, counters per outcome.
 */
public final class Dispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final String HEALTH = "fr.health";
    private static final Duration QUEUE_TTL = Duration.ofHours(24);
    static final String ORIGINAL_ROUTING_KEY = "x-death-original-routing-key";

    /** What became of a message. */
    public enum Outcome { ROUTED, REFUSED, DEAD_LETTER_REPORTED, DEAD_LETTER_DROPPED }

    /** How the broker under the dispatcher expires and dead-letters messages. */
    public enum Broker {
        /** As on the Hub: {@code expiration} is a relative TTL; dead letters carry {@code x-death}. */
        RABBITMQ,
        /**
         * Apache Qpid Broker-J (the embedded broker): {@code expiration} is an absolute time in epoch
         * milliseconds, and dead letters carry no {@code x-death}, so the dispatcher stamps the recipient
         * queue and the expiry on each routed message to tell "expired" from "rejected" later.
         */
        QPID
    }

    static final String RECIPIENT_QUEUE = "x-opensmur-recipient-queue";
    static final String EXPIRES_AT = "x-opensmur-expires-at";

    private final Connection connection;
    private final Channel channel;
    private final HubCodec codec;
    private final OfficialSchemas schemas;
    private final HubErrors errors;
    private final Clock clock;
    private final Broker broker;
    private final Map<Outcome, AtomicLong> counters = new EnumMap<>(Outcome.class);
    private final Map<ErrorCode, AtomicLong> refusals = new EnumMap<>(ErrorCode.class);

    /** Starts dispatching on an administrator's connection to the Hub's vhost on RabbitMQ. */
    public Dispatcher(Connection connection, Clock clock) throws IOException {
        this(connection, clock, Broker.RABBITMQ);
    }

    /** Starts dispatching on an administrator's connection to the Hub's vhost (model 3, our validator). */
    public Dispatcher(Connection connection, Clock clock, Broker broker) throws IOException {
        this(connection, clock, broker, ModelLine.CURRENT, null);
    }

    /**
     * Starts dispatching a vhost of model {@code line}. {@code schemas}: the official schemas of that line,
     * which then judge every message as on the Hub; null falls back to OpenSMUR's own validator (said so).
     */
    public Dispatcher(Connection connection, Clock clock, Broker broker, ModelLine line, OfficialSchemas schemas)
            throws IOException {
        this.codec = HubCodec.of(line);
        this.schemas = schemas;
        if (schemas != null) {
            LOG.info("local Hub dispatcher: model {}, messages validated against the official schemas in {} (networknt, as the Hub)",
                    line.name(), schemas.folder());
        } else {
            LOG.warn("local Hub dispatcher: model {}, messages validated by OpenSMUR's own validator (no --schemas given):"
                    + " not an independent check of the tablet", line.name());
        }
        this.connection = connection;
        this.clock = clock;
        this.broker = broker;
        this.errors = new HubErrors(codec, clock);
        for (Outcome o : Outcome.values()) {
            counters.put(o, new AtomicLong());
        }
        for (ErrorCode c : ErrorCode.values()) {
            refusals.put(c, new AtomicLong());
        }
        channel = connection.createChannel();
        channel.basicQos(50);
        channel.addReturnListener(returned -> {
            try {
                unroutable(returned.getBody(), returned.getProperties(), returned.getRoutingKey());
            } catch (IOException e) {
                LOG.error("cannot report an unroutable message: {}", e.toString());
            }
        });
        channel.basicConsume(HubTopology.DISPATCH, false, (tag, delivery) -> whileOpen(() -> {
            dispatch(delivery);
            channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
        }), tag -> { });
        channel.basicConsume(HubTopology.DISPATCH_DLQ, false, (tag, delivery) -> whileOpen(() -> {
            deadLetter(delivery);
            channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
        }), tag -> { });
    }

    /** What a delivery does on the channel; none once the channel closes (left unacknowledged: the broker keeps it). */
    private void whileOpen(IoAction action) throws IOException {
        try {
            action.run();
        } catch (com.rabbitmq.client.ShutdownSignalException closing) {
            LOG.debug("a delivery in hand as the dispatcher closed: left to the broker");
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private void dispatch(Delivery delivery) throws IOException {
        String routingKey = delivery.getEnvelope().getRoutingKey();
        AMQP.BasicProperties properties = delivery.getProperties();
        byte[] body = delivery.getBody();
        String contentType = properties.getContentType();
        // 1. content type, then schema (our validator agrees with the Hub's on 11,000 messages)
        if (!"application/json".equals(contentType) && !"application/xml".equals(contentType)) {
            refuse(ErrorCode.NOT_ALLOWED_CONTENT_TYPE, "content type '" + contentType + "' is not allowed: application/json or application/xml",
                    body, null, routingKey);
            return;
        }
        if ("application/xml".equals(contentType)) {
            refuse(ErrorCode.INVALID_MESSAGE, "the local Hub reads JSON only", body, null, routingKey);
            return;
        }
        if (schemas != null) {
            // 1. as on the Hub: the official schema first (300), then deserialisation (102)
            JsonNode tree;
            try {
                tree = codec.mapper().readTree(body);
            } catch (IOException | RuntimeException e) {
                tree = null;
            }
            List<String> official = tree == null ? List.of("the body is not JSON") : schemas.errors(tree);
            if (!official.isEmpty()) {
                refuse(ErrorCode.INVALID_MESSAGE, "Could not validate message against schema : errors occurred. "
                        + String.join("; ", official.subList(0, Math.min(6, official.size()))), body, tree, routingKey);
                return;
            }
        }
        Decoded decoded = codec.decode(body);
        if (!decoded.issues().isEmpty() && schemas != null) {
            refuse(ErrorCode.UNRECOGNIZED_MESSAGE_FORMAT, "An internal server error has occurred, please contact the Hub team"
                    + " (the local Hub could not read a message the official schema accepts: " + summary(decoded.issues()) + ")",
                    body, decoded.tree(), routingKey);
            return;
        }
        if (!decoded.issues().isEmpty()) {
            boolean schema = decoded.tree() != null && decoded.issues().stream().noneMatch(i -> i.kind() == ValidationIssue.Kind.TYPE
                    && i.reason().startsWith("cannot be read"));
            refuse(schema || decoded.tree() == null ? ErrorCode.INVALID_MESSAGE : ErrorCode.UNRECOGNIZED_MESSAGE_FORMAT,
                    "Could not validate message against schema : errors occurred. " + summary(decoded.issues()),
                    body, decoded.tree(), routingKey);
            return;
        }
        HubMessage message = decoded.envelope();
        if (message == null) {
            refuse(ErrorCode.INVALID_MESSAGE, "a whole EDXL-DE message is expected", body, decoded.tree(), routingKey);
            return;
        }
        // 3. a health actor must be involved
        if (!message.senderID().startsWith(HEALTH) && !message.recipientID().startsWith(HEALTH)) {
            refuse(ErrorCode.UNROUTABLE_MESSAGE, "no health actor is involved", body, decoded.tree(), routingKey);
            return;
        }
        // 5. sender = routing key; 6. persistent; 7. distributionID prefix. The Hub applies these to fr.health
        // routing keys only; the local Hub applies them to every message, so that no partner escapes them.
        if (!routingKey.equals(message.senderID())) {
            refuse(ErrorCode.SENDER_INCONSISTENCY, "senderID " + message.senderID() + " is not the routing key " + routingKey,
                    body, decoded.tree(), routingKey);
            return;
        }
        if (!Integer.valueOf(2).equals(properties.getDeliveryMode())) {
            refuse(ErrorCode.DELIVERY_MODE_INCONSISTENCY, "the message was not published persistent (deliveryMode 2)",
                    body, decoded.tree(), routingKey);
            return;
        }
        if (!message.distributionID().split("_")[0].equals(message.senderID())) {
            refuse(ErrorCode.INVALID_MESSAGE, "distributionID " + message.distributionID() + " does not start with the senderID",
                    body, decoded.tree(), routingKey);
            return;
        }
        // 8. expiry at dispatch
        long left = message.dateTimeExpires().toInstant().toEpochMilli() - clock.millis();
        if (left / 1000 <= 0) {
            refuse(ErrorCode.EXPIRED_MESSAGE_BEFORE_ROUTING, "message " + message.distributionID()
                    + " has expired before reaching the recipient queue", body, decoded.tree(), routingKey);
            return;
        }
        Map<String, Object> headers = new HashMap<>(properties.getHeaders() == null ? Map.of() : properties.getHeaders());
        headers.put(ORIGINAL_ROUTING_KEY, routingKey);
        String queue = message.recipientID() + "." + HubQueue.of(message.distributionKind()).suffix();
        AMQP.BasicProperties.Builder forwarded = properties.builder().headers(headers);
        long ttl = Math.min(left / 1000 * 1000, QUEUE_TTL.toMillis());
        switch (broker) {
            case RABBITMQ -> {
                if (ttl < QUEUE_TTL.toMillis()) {
                    forwarded.expiration(String.valueOf(ttl)); // the queue policy's TTL covers the rest
                }
            }
            case QPID -> {
                long expiresAt = clock.millis() + ttl;
                headers.put(RECIPIENT_QUEUE, queue);
                headers.put(EXPIRES_AT, expiresAt);
                forwarded.expiration(String.valueOf(expiresAt));
            }
        }
        // 9. mandatory: an unbound recipient comes back as a return (error 501)
        channel.basicPublish(HubTopology.DISTRIBUTION, queue, true, forwarded.build(), body);
        counters.get(Outcome.ROUTED).incrementAndGet();
        awaited.routed(message);
        // One line per message would bury the scenario's report: routed messages at debug, refusals at info.
        LOG.debug("dispatch {} from {} to {} ({}): routed", message.distributionID(), message.senderID(), queue, message.type());
    }

    private void unroutable(byte[] body, AMQP.BasicProperties properties, String queue) throws IOException {
        Object sender = properties.getHeaders() == null ? null : properties.getHeaders().get(ORIGINAL_ROUTING_KEY);
        if (sender != null) {
            refuse(ErrorCode.UNROUTABLE_MESSAGE, "unable to deliver message to " + queue + ": no such queue", body,
                    codec.decode(body).tree(), sender.toString());
        }
    }

    /** Expired or rejected in a recipient queue: the sender learns it was not delivered (500). */
    private void deadLetter(Delivery delivery) throws IOException {
        Map<String, Object> headers = delivery.getProperties().getHeaders() == null ? Map.of() : delivery.getProperties().getHeaders();
        String queue = "";
        String reason = "unknown";
        if (headers.get("x-death") instanceof List<?> deaths && !deaths.isEmpty() && deaths.get(0) instanceof Map<?, ?> death) {
            queue = String.valueOf(death.get("queue"));
            reason = String.valueOf(death.get("reason"));
        } else if (headers.get(RECIPIENT_QUEUE) != null) {
            queue = headers.get(RECIPIENT_QUEUE).toString();
            reason = headers.get(EXPIRES_AT) instanceof Number at && clock.millis() >= at.longValue() ? "expired" : "rejected";
        }
        Object sender = headers.get(ORIGINAL_ROUTING_KEY);
        if (queue.endsWith(".info") || sender == null) {
            // An error report that could not be delivered is dropped: no loop of errors about errors.
            counters.get(Outcome.DEAD_LETTER_DROPPED).incrementAndGet();
            LOG.info("dead letter from {} ({}): dropped", queue, reason);
            return;
        }
        byte[] body = delivery.getBody();
        HubMessage report = errors.report(ErrorCode.DEAD_LETTER_QUEUED, "message " + HubErrors.referencedId(body)
                + " read from dead-letter-queue; reason was " + reason, body, codec.decode(body).tree(), sender.toString());
        sendReport(report, sender.toString());
        counters.get(Outcome.DEAD_LETTER_REPORTED).incrementAndGet();
        LOG.info("dead letter {} from {} ({}): error 500 to {}", HubErrors.referencedId(body), queue, reason, sender);
    }

    private void refuse(ErrorCode code, String cause, byte[] body, com.fasterxml.jackson.databind.JsonNode parsed, String publisher)
            throws IOException {
        counters.get(Outcome.REFUSED).incrementAndGet();
        refusals.get(code).incrementAndGet();
        LOG.info("dispatch {} from {}: refused {} {}", HubErrors.referencedId(body), publisher, code.statusCode(), code);
        sendReport(errors.report(code, cause, body, parsed, publisher), publisher);
    }

    private void sendReport(HubMessage report, String publisher) throws IOException {
        AMQP.BasicProperties json = new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2).build();
        channel.basicPublish(HubTopology.DISTRIBUTION, publisher + ".info", false, json, errors.encode(report));
    }

    private static String summary(List<ValidationIssue> issues) {
        StringBuilder text = new StringBuilder();
        for (ValidationIssue issue : issues.subList(0, Math.min(20, issues.size()))) {
            text.append("\n - ").append(issue.path()).append(": ").append(issue.kind());
        }
        return text.toString();
    }

    private final AwaitedReferences awaited = new AwaitedReferences();

    /** What was routed that its recipient must integrate, until its RC-REF passes. */
    public AwaitedReferences awaited() {
        return awaited;
    }

    public long count(Outcome outcome) {
        return counters.get(outcome).get();
    }

    public long refusals(ErrorCode code) {
        return refusals.get(code).get();
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } catch (java.util.concurrent.TimeoutException | com.rabbitmq.client.ShutdownSignalException e) {
            // gone already, or closed meanwhile (the connection lost, the broker closing it): closed either way
        }
        connection.abort(2_000);
    }
}
