package org.opensmur.core.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opensmur.core.hub.message.DistributionKind;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.validation.ModelLine;

/**
 * The message shapes official ANS software puts on the wire (templates in {@code official-peers/}, see
 * its README): whatever we accept from a peer, we must accept from these.
 */
public final class OfficialPeers {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FIELD = Pattern.compile("\\$\\{([A-Za-z]+)}");
    /** The SDK writes dates in its JVM's zone, as Mod's serializer does ({@code yyyy-MM-dd'T'HH:mm:ssXXX}, no Z). */
    private static final ZoneId PEER_ZONE = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter MOD_DATES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    /** One template: who makes it, and on which model lines it reaches a recipient. */
    public record Shape(String name, Set<String> lines, ObjectNode template) {
        public boolean on(ModelLine line) {
            return lines.contains(line.name());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<String> REFERENCES = List.of("sdk-reference", "test-lrm-reference");
    private static final List<String> REPORTS = List.of("sdk-report", "test-lrm-report");

    private OfficialPeers() {
    }

    /** The shapes of an RC-REF that reach a recipient on {@code line}. */
    public static List<Shape> references(ModelLine line) {
        return load(REFERENCES, line);
    }

    /** The shapes of a functional message that reach a recipient on {@code line}. */
    public static List<Shape> reports(ModelLine line) {
        return load(REPORTS, line);
    }

    /** An RC-REF of {@code shape} acknowledging {@code acked}, sent by its recipient at {@code now}. */
    public static byte[] acknowledgement(Shape shape, HubMessage acked, Instant now) {
        return fill(shape, acked.recipientID(), acked.senderID(), Map.of(
                "ackedDistributionID", acked.distributionID(),
                "ackedStatus", acked.distributionStatus().code(),
                "kind", DistributionKind.ACK.code()), null, now);
    }

    /**
     * A functional message of {@code shape} from {@code from} to {@code to} around {@code bareExample}
     * (an official example as it is: {@code {"createCaseHealth": {...}}}), of distribution kind {@code kind}.
     */
    public static byte[] report(Shape shape, String from, String to, JsonNode bareExample, DistributionKind kind, Instant now) {
        return fill(shape, from, to, Map.of("kind", kind.code()), (ObjectNode) bareExample, now);
    }

    private static byte[] fill(Shape shape, String from, String to, Map<String, String> extra, ObjectNode payload, Instant now) {
        OffsetDateTime sent = now.atZone(PEER_ZONE).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> values = new java.util.HashMap<>(extra);
        values.put("from", from);
        values.put("to", to);
        values.put("fromShortName", String.join(".", List.of(from.split("\\.")).subList(2, from.split("\\.").length)));
        values.put("uuid", UUID.randomUUID().toString());
        values.put("sent", MOD_DATES.format(sent));
        values.put("sentPlusOneDay", MOD_DATES.format(sent.plusDays(1)));
        ObjectNode message = (ObjectNode) substitute(shape.template().get("message").deepCopy(), values);
        if (payload != null) {
            ObjectNode header = (ObjectNode) message.at("/content/0/jsonContent/embeddedJsonContent/message");
            header.setAll(payload.deepCopy());
        }
        try {
            return JSON.writeValueAsBytes(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode substitute(JsonNode node, Map<String, String> values) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> object.set(name, substitute(object.get(name), values)));
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, substitute(array.get(i), values));
            }
            return array;
        }
        if (node.isTextual()) {
            Matcher m = FIELD.matcher(node.asText());
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = values.get(m.group(1));
                if (value == null) {
                    throw new IllegalArgumentException("no value for ${" + m.group(1) + "}");
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return new TextNode(out.toString());
        }
        return node;
    }

    private static List<Shape> load(List<String> names, ModelLine line) {
        List<Shape> shapes = new ArrayList<>();
        for (String name : names) {
            try (InputStream in = OfficialPeers.class.getResourceAsStream("/official-peers/" + name + ".json")) {
                ObjectNode file = (ObjectNode) JSON.readTree(in);
                Set<String> lines = new java.util.TreeSet<>();
                file.get("lines").forEach(l -> lines.add(l.asText()));
                Shape shape = new Shape(name, lines, file);
                if (shape.on(line)) {
                    shapes.add(shape);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shapes;
    }
}
