package org.opensmur.core.hub.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.CharConversionException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.Message;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.hub.model.Payload;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.hub.validation.ValidationIssue;
import org.opensmur.core.hub.validation.ValidationIssue.Kind;
import org.opensmur.core.hub.validation.Validator;

/**
 * Reads and writes Hub messages (JSON, UTF-8). Decoding never throws on bad input: every problem comes
 * back as a {@link ValidationIssue} naming where it is. Encoding writes exactly the Hub's formats.
 */
public final class HubCodec {

    /** Hub messages are a few kB; documents travel as links. 1 MiB is generous and bounds memory. */
    public static final int DEFAULT_MAX_BYTES = 1 << 20;

    private final ObjectMapper mapper;
    private final Validator validator;
    private final int maxBytes;

    public HubCodec() {
        this(Validator.current(), DEFAULT_MAX_BYTES);
    }

    /** A codec that reads and writes the messages of {@code line}. */
    public static HubCodec of(ModelLine line) {
        return new HubCodec(Validator.of(line), DEFAULT_MAX_BYTES);
    }

    public HubCodec(Validator validator, int maxBytes) {
        this.validator = validator;
        this.maxBytes = maxBytes;
        this.mapper = HubJson.newMapper(maxBytes);
    }

    public Validator validator() {
        return validator;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public Decoded decode(byte[] body) {
        if (body.length > maxBytes) {
            return failed(new ValidationIssue("$", Kind.LIMIT, null,
                    "message of " + body.length + " bytes is larger than the " + maxBytes + "-byte limit"));
        }
        int first = firstNonBlank(body);
        if (first < 0) {
            return failed(new ValidationIssue("$", Kind.SYNTAX, null, "empty body: a JSON object was expected"));
        }
        if (body[first] == '<') {
            return failed(new ValidationIssue("$", Kind.FORMAT, null,
                    "XML body refused: this client speaks JSON only (content type application/json)"));
        }
        JsonNode tree;
        JsonParser parser = null;
        try {
            parser = mapper.createParser(body);
            tree = mapper.readTree(parser);
            if (parser.nextToken() != null) {
                return failed(new ValidationIssue("$", Kind.SYNTAX, null, "content after the end of the JSON object"));
            }
        } catch (IOException e) {
            return failed(parseIssue(e, parser));
        } finally {
            closeQuietly(parser);
        }
        return decodeTree(tree);
    }

    /** Validates and binds an already parsed tree (the tree is kept as given). */
    public Decoded decodeTree(JsonNode tree) {
        Validator.Result result = validator.validate(tree);
        List<ValidationIssue> issues = new ArrayList<>(result.issues());
        HubMessage envelope = null;
        Message message = null;
        boolean bindable = result.type() != null
                && issues.stream().allMatch(i -> i.kind() == Kind.UNKNOWN_FIELD);
        if (bindable) {
            try {
                // The records have the current line's shape: a copy of the tree is brought to it first.
                JsonNode model = tree;
                if (validator.line() != ModelLine.CURRENT) {
                    model = tree.deepCopy();
                    payloadIn(model, result.form(), result.type()).ifPresent(p -> validator.line().fromWire(result.type(), p));
                }
                if (result.form() == Validator.Form.ENVELOPE) {
                    envelope = mapper.treeToValue(model, HubMessage.class);
                    message = envelope.message();
                } else {
                    message = mapper.treeToValue(model, Message.class);
                }
            } catch (JsonProcessingException | RuntimeException e) {
                // The rules should have caught it; still, never crash on input.
                issues.add(new ValidationIssue(jsonPath(e), Kind.TYPE, null, "cannot be read: " + firstLine(e)));
            }
        }
        return new Decoded(tree, result.form(), result.type(), issues, envelope, message);
    }

    /** The bytes that go on the wire: the message in its line's shape. */
    public byte[] encode(HubMessage message) {
        try {
            return mapper.writeValueAsBytes(toTree(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + message.type(), e);
        }
    }

    /** The whole message as its line writes it (what {@link #encode} sends, and what the Hub validates). */
    public ObjectNode toTree(HubMessage message) {
        ObjectNode tree = mapper.valueToTree(message);
        if (validator.line() != ModelLine.CURRENT) {
            payloadIn(tree, Validator.Form.ENVELOPE, message.type()).ifPresent(p -> validator.line().toWire(message.type(), p));
        }
        return tree;
    }

    /** A bare payload in the model records' shape: {@code {"resourcesStatus": {...}}}. */
    public ObjectNode toTree(Payload payload) {
        ObjectNode node = mapper.createObjectNode();
        node.set(MessageType.of(payload).key(), mapper.valueToTree(payload));
        return node;
    }

    /** A bare payload as this codec's line writes it, as in that line's official examples. */
    public ObjectNode toWireTree(Payload payload) {
        ObjectNode node = toTree(payload);
        if (node.get(MessageType.of(payload).key()) instanceof ObjectNode object) {
            validator.line().toWire(MessageType.of(payload), object);
        }
        return node;
    }

    /** This codec's model line. */
    public ModelLine line() {
        return validator.line();
    }

    /** The payload object inside a tree of the given form, if it is there. */
    private static java.util.Optional<ObjectNode> payloadIn(JsonNode tree, Validator.Form form, MessageType type) {
        if (type == null) {
            return java.util.Optional.empty();
        }
        JsonNode message = form == Validator.Form.ENVELOPE ? tree.at("/content/0/jsonContent/embeddedJsonContent/message") : tree;
        return message.get(type.key()) instanceof ObjectNode payload ? java.util.Optional.of(payload) : java.util.Optional.empty();
    }

    public ObjectNode toTree(Message message) {
        return mapper.valueToTree(message);
    }

    /** A received message written back as received: unknown properties included. */
    public byte[] encode(Decoded decoded) {
        try {
            return mapper.writeValueAsBytes(decoded.tree());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Decoded failed(ValidationIssue issue) {
        return new Decoded(null, Validator.Form.MESSAGE, null, List.of(issue), null, null);
    }

    private static int firstNonBlank(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                // A UTF-8 byte-order mark is not JSON either, but say so plainly.
                return i;
            }
        }
        return -1;
    }

    private static void closeQuietly(JsonParser parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException ignored) {
                // nothing to release for a byte array
            }
        }
    }

    private static ValidationIssue parseIssue(IOException e, JsonParser parser) {
        String path = parser != null ? pathOf(parser.getParsingContext()) : jsonPath(e);
        if (e instanceof StreamConstraintsException) {
            return new ValidationIssue(path, Kind.LIMIT, null, "refused: " + firstLine(e));
        }
        if (e instanceof CharConversionException || String.valueOf(e.getMessage()).contains("UTF-8")) {
            return new ValidationIssue(path, Kind.SYNTAX, null, "not valid UTF-8 text: " + firstLine(e));
        }
        if (e instanceof JsonProcessingException processing && processing.getLocation() != null) {
            return new ValidationIssue(path, Kind.SYNTAX, null, "malformed JSON at line "
                    + processing.getLocation().getLineNr() + ", column " + processing.getLocation().getColumnNr()
                    + ": " + processing.getOriginalMessage());
        }
        return new ValidationIssue(path, Kind.SYNTAX, null, "malformed JSON: " + firstLine(e));
    }

    /** Where the parser or binder was, as a JSON path ($ when unknown). */
    private static String jsonPath(Exception e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder("$");
            for (var ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append('.').append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return path.toString();
        }
        if (e instanceof JsonProcessingException processing && processing.getProcessor() instanceof JsonParser parser) {
            return pathOf(parser.getParsingContext());
        }
        return "$";
    }

    private static String pathOf(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                parts.add(0, "." + c.getCurrentName());
            }
        }
        return "$" + String.join("", parts);
    }

    private static String firstLine(Exception e) {
        String text = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
        if (text == null) {
            return e.getClass().getSimpleName();
        }
        int cut = text.indexOf('\n');
        return cut < 0 ? text : text.substring(0, cut);
    }
}
