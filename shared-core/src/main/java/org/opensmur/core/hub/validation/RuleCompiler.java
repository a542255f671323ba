package org.opensmur.core.hub.validation;

import org.opensmur.core.hub.model.AnyDateTime;
import org.opensmur.core.hub.model.Coded;
import org.opensmur.core.hub.model.InCodeList;
import org.opensmur.core.hub.model.Items;
import org.opensmur.core.hub.model.Matches;
import org.opensmur.core.hub.model.OnlyIn;
import org.opensmur.core.hub.model.OpenObject;
import org.opensmur.core.hub.model.Required;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.opensmur.core.hub.message.Message;
import org.opensmur.core.hub.validation.Rule.ArrayRule;
import org.opensmur.core.hub.validation.Rule.Field;
import org.opensmur.core.hub.validation.Rule.ObjectRule;
import org.opensmur.core.hub.validation.Rule.StringRule;

/**
 * Derives validation rules from the model records: the record components are the allowed properties
 * (additionalProperties false unless {@link OpenObject}), and their Java types and annotations give the
 * JSON types, patterns, code lists and bounds. The model is thus the single place where a rule is written.
 */
final class RuleCompiler {

    private final Map<Class<?>, ObjectRule> done = new HashMap<>();
    private final String line;

    /** {@code line}: the model line whose codes are kept (constants marked {@link OnlyIn} another line are left out). */
    RuleCompiler(String line) {
        this.line = line;
    }

    ObjectRule compile(Class<? extends Record> type) {
        ObjectRule cached = done.get(type);
        if (cached != null) {
            return cached;
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            OnlyIn only = component.getAnnotation(OnlyIn.class);
            if (only != null && !only.value().equals(line)) {
                continue; // a property another model line has, not this one
            }
            JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
            String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
            Rule rule = ruleFor(component.getGenericType(), component);
            fields.put(name, new Field(name, component.isAnnotationPresent(Required.class), rule));
        }
        ObjectRule rule = new ObjectRule(type.getSimpleName(), fields, type.isAnnotationPresent(OpenObject.class));
        done.put(type, rule);
        return rule;
    }

    static boolean inLine(Class<?> type, Enum<?> constant, String line) {
        try {
            OnlyIn only = type.getField(constant.name()).getAnnotation(OnlyIn.class);
            return only == null || only.value().equals(line);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Rule ruleFor(Type type, RecordComponent component) {
        if (type instanceof ParameterizedType list && list.getRawType() == java.util.List.class) {
            Items items = component.getAnnotation(Items.class);
            return new ArrayRule(ruleFor(list.getActualTypeArguments()[0], component),
                    items == null ? 0 : items.min(), items == null ? Integer.MAX_VALUE : items.max());
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            Matches matches = component.getAnnotation(Matches.class);
            InCodeList codeList = component.getAnnotation(InCodeList.class);
            if (codeList != null) {
                return new StringRule(null, codeList.value().codes(), codeList.value().meaning());
            }
            return matches == null ? StringRule.ANY : new StringRule(matches.value(), null, null);
        }
        if (raw.isEnum() && Coded.class.isAssignableFrom(raw)) {
            Set<String> codes = new LinkedHashSet<>();
            for (Object constant : raw.getEnumConstants()) {
                if (inLine(raw, (Enum<?>) constant, line)) {
                    codes.add(((Coded) constant).code());
                }
            }
            return new StringRule(null, codes, raw.getSimpleName());
        }
        if (raw == OffsetDateTime.class) {
            return new Rule.DateTimeRule(!component.isAnnotationPresent(AnyDateTime.class));
        }
        if (raw == Boolean.class) {
            return new Rule.BooleanRule();
        }
        if (raw == Integer.class || raw == Long.class || raw == java.math.BigInteger.class) {
            return new Rule.NumberRule(true);
        }
        if (raw == Double.class || raw == Number.class || raw == java.math.BigDecimal.class) {
            return new Rule.NumberRule(false);
        }
        if (raw == ObjectNode.class) {
            return new Rule.AnyObjectRule();
        }
        if (raw == Message.class) {
            return new Rule.MessageRule();
        }
        if (raw.isRecord()) {
            return compile((Class<? extends Record>) raw);
        }
        throw new IllegalStateException("no validation rule for " + raw + " in " + component);
    }
}
