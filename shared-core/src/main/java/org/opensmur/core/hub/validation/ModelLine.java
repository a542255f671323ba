package org.opensmur.core.hub.validation;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.opensmur.core.hub.message.Header;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.hub.validation.Rule.Field;
import org.opensmur.core.hub.validation.Rule.ObjectRule;

/**
 * The rules of one Hub model line (one vhost generation). The current line is compiled from the model
 * records; an older or newer line is that one plus a few deltas ({@link #withField}), not a copy.
 */
public final class ModelLine {

    /** Model line 3.x (schemas 26.07.29), the one this client targets. */
    public static final ModelLine CURRENT = compileCurrent();

    private final String name;
    private final ObjectRule envelope;
    private final ObjectRule header;
    private final Map<MessageType, ObjectRule> payloads;

    private ModelLine(String name, ObjectRule envelope, ObjectRule header, Map<MessageType, ObjectRule> payloads) {
        this.name = name;
        this.envelope = envelope;
        this.header = header;
        this.payloads = payloads;
    }

    private static ModelLine compileCurrent() {
        RuleCompiler compiler = new RuleCompiler();
        Map<MessageType, ObjectRule> payloads = new EnumMap<>(MessageType.class);
        for (MessageType type : MessageType.values()) {
            payloads.put(type, compiler.compile(type.payloadClass().asSubclass(Record.class)));
        }
        return new ModelLine("3.x", compiler.compile(HubMessage.class), compiler.compile(Header.class), payloads);
    }

    public String name() {
        return name;
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

    /**
     * A derived line where the field at {@code path} (dot-separated JSON names from the use-case object;
     * a list field is crossed transparently) gets a changed rule. {@code change} receives the field (null
     * when it does not exist yet) and returns the new one (null removes it).
     */
    public ModelLine withField(String newName, MessageType type, String path, UnaryOperator<Field> change) {
        Map<MessageType, ObjectRule> copy = new EnumMap<>(payloads);
        copy.put(type, rewrite(payloads.get(type), path.split("\\."), 0, change));
        return new ModelLine(newName, envelope, header, copy);
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
