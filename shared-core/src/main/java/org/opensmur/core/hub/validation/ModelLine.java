package org.opensmur.core.hub.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.opensmur.core.hub.message.Header;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.hub.validation.Rule.Field;
import org.opensmur.core.hub.validation.Rule.ObjectRule;

/**
 * The rules of one Hub model line (one vhost generation) and the shape its messages take on the wire.
 * The current line (3.x) is compiled from the model records; model 2.0 is compiled from the same records
 * (its own codes, see {@link OnlyIn}) plus the deltas of {@link Model2}, not a copy. The model records
 * have the current shape; {@link WireForm} turns a payload into the line's wire shape and back.
 */
public final class ModelLine {

    /** Model line 3.x (schemas 26.07.29), for the 15-SMUR DSF 1.7. */
    public static final ModelLine CURRENT = new ModelLine("3", new RuleCompiler("3"), WireForm.IDENTITY);
    /** Model line 2.0, validated by the Hub on vhost {@code 15-smur_v1.6}. */
    public static final ModelLine V2 = Model2.from(new ModelLine("2.0", new RuleCompiler("2.0"), Model2.WIRE));

    private final String name;
    private final ObjectRule envelope;
    private final ObjectRule header;
    private final Map<MessageType, ObjectRule> payloads;
    private final WireForm wire;

    private ModelLine(String name, RuleCompiler compiler, WireForm wire) {
        this.name = name;
        this.envelope = compiler.compile(HubMessage.class);
        this.header = compiler.compile(Header.class);
        Map<MessageType, ObjectRule> compiled = new EnumMap<>(MessageType.class);
        for (MessageType type : MessageType.values()) {
            compiled.put(type, compiler.compile(type.payloadClass().asSubclass(Record.class)));
        }
        this.payloads = compiled;
        this.wire = wire;
    }

    private ModelLine(String name, ObjectRule envelope, ObjectRule header, Map<MessageType, ObjectRule> payloads, WireForm wire) {
        this.name = name;
        this.envelope = envelope;
        this.header = header;
        this.payloads = payloads;
        this.wire = wire;
    }

    /** Every line this client speaks, oldest first. */
    /** The constants of {@code type} this line knows (a constant marked {@link OnlyIn} another line is left out). */
    public <E extends Enum<E>> List<E> constants(Class<E> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).filter(c -> RuleCompiler.inLine(type, c, name())).toList();
    }

    public static List<ModelLine> all() {
        return List.of(V2, CURRENT);
    }

    /** The line named {@code name} ({@code 2.0}, {@code 3}, also {@code 3.x}); null when unknown. */
    public static ModelLine named(String name) {
        if (name == null) {
            return null;
        }
        return switch (name.strip()) {
            case "2", "2.0" -> V2;
            case "3", "3.x" -> CURRENT;
            default -> null;
        };
    }

    public String name() {
        return name;
    }

    /** Whether this line has the code {@code constant} (constants marked {@link OnlyIn} another line it has not). */
    public boolean has(Enum<?> constant) {
        return RuleCompiler.inLine(constant.getDeclaringClass(), constant, name);
    }

    /** The codes of {@code type} this line has, in declaration order. */
    public <E extends Enum<E>> List<E> codes(Class<E> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).filter(this::has).toList();
    }

    /** RC-REF carries a {@code step} (received, integrated, consulted...) from model 3.0 on only. */
    public boolean hasReferenceSteps() {
        return payload(MessageType.RC_REF).fields().containsKey("step");
    }

    public ObjectRule envelope() {
        return envelope;
    }

    public ObjectRule header() {
        return header;
    }

    public ObjectRule payload(MessageType type) {
        return payloads.get(type);
    }

    /** The payload object (the value under its use-case key) as this line writes it, changed in place. */
    public ObjectNode toWire(MessageType type, ObjectNode payload) {
        return wire.toWire(type, payload);
    }

    /** A payload as this line wrote it, in the model records' shape, changed in place. */
    public ObjectNode fromWire(MessageType type, ObjectNode payload) {
        return wire.fromWire(type, payload);
    }

    /**
     * A derived line where the field at {@code path} (dot-separated JSON names from the use-case object;
     * a list field is crossed transparently) gets a changed rule. {@code change} receives the field (null
     * when it does not exist yet) and returns the new one (null removes it).
     */
    public ModelLine withField(String newName, MessageType type, String path, UnaryOperator<Field> change) {
        Map<MessageType, ObjectRule> copy = new EnumMap<>(payloads);
        copy.put(type, rewrite(payloads.get(type), path.split("\\."), 0, change));
        return new ModelLine(newName, envelope, header, copy, wire);
    }

    /** A derived line where every rule of every payload is passed through {@code change} (leaves first). */
    ModelLine withEveryRule(UnaryOperator<Rule> change) {
        Map<MessageType, ObjectRule> copy = new EnumMap<>(MessageType.class);
        payloads.forEach((type, rule) -> copy.put(type, (ObjectRule) map(rule, change)));
        return new ModelLine(name, envelope, header, copy, wire);
    }

    private static Rule map(Rule rule, UnaryOperator<Rule> change) {
        Rule inner = switch (rule) {
            case ObjectRule object -> {
                Map<String, Field> fields = new java.util.LinkedHashMap<>();
                object.fields().forEach((name, field) -> fields.put(name, field.withRule(map(field.rule(), change))));
                yield new ObjectRule(object.name(), fields, object.open());
            }
            case Rule.ArrayRule array -> new Rule.ArrayRule(map(array.items(), change), array.minItems(), array.maxItems());
            default -> rule;
        };
        return change.apply(inner);
    }

    private static ObjectRule rewrite(ObjectRule object, String[] path, int at, UnaryOperator<Field> change) {
        String name = path[at];
        Field field = object.fields().get(name);
        if (at == path.length - 1) {
            return object.with(name, change.apply(field));
        }
        if (field == null) {
            throw new IllegalArgumentException("no field " + name + " in " + object.name());
        }
        return object.with(name, field.withRule(rewriteInside(field.rule(), path, at + 1, change)));
    }

    private static Rule rewriteInside(Rule rule, String[] path, int at, UnaryOperator<Field> change) {
        if (rule instanceof Rule.ArrayRule array) {
            return new Rule.ArrayRule(rewriteInside(array.items(), path, at, change), array.minItems(), array.maxItems());
        }
        if (rule instanceof ObjectRule object) {
            return rewrite(object, path, at, change);
        }
        throw new IllegalArgumentException("cannot descend into " + rule + " at " + path[at]);
    }

    @Override
    public String toString() {
        return "model line " + name;
    }
}
