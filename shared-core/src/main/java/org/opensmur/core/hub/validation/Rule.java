package org.opensmur.core.hub.validation;

import org.opensmur.core.hub.model.HubPattern;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** What a JSON value must look like. Rules are immutable trees, compiled once per model line. */
public sealed interface Rule {

    record ObjectRule(String name, Map<String, Field> fields, boolean open) implements Rule {
        public ObjectRule {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        /** A copy with one field's rule replaced (or added, or removed when {@code field} is null). */
        public ObjectRule with(String jsonName, Field field) {
            Map<String, Field> copy = new LinkedHashMap<>(fields);
            if (field == null) {
                copy.remove(jsonName);
            } else {
                copy.put(jsonName, field);
            }
            return new ObjectRule(name, copy, open);
        }
    }

    record Field(String name, boolean required, Rule rule) {
        public Field withRule(Rule newRule) {
            return new Field(name, required, newRule);
        }
    }

    record ArrayRule(Rule items, int minItems, int maxItems) implements Rule {
    }

    /** A string, optionally constrained by a pattern or a closed set of codes. */
    record StringRule(HubPattern pattern, Set<String> codes, String codesMeaning) implements Rule {
        public static final StringRule ANY = new StringRule(null, null, null);
    }

    /** strict: the Hub's {@code yyyy-MM-ddTHH:mm:ss±HH:mm}; otherwise any RFC 3339 date-time. */
    record DateTimeRule(boolean strict) implements Rule {
    }

    record NumberRule(boolean integer) implements Rule {
    }

    record BooleanRule() implements Rule {
    }

    /** Any JSON object (e.g. the rejected message quoted in an error report). */
    record AnyObjectRule() implements Rule {
    }

    /** The {@code message} object: RC-DE header fields beside exactly one use-case key. */
    record MessageRule() implements Rule {
    }
}
