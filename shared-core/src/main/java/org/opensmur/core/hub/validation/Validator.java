package org.opensmur.core.hub.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.hub.validation.Rule.ArrayRule;
import org.opensmur.core.hub.validation.Rule.DateTimeRule;
import org.opensmur.core.hub.validation.Rule.Field;
import org.opensmur.core.hub.validation.Rule.NumberRule;
import org.opensmur.core.hub.validation.Rule.ObjectRule;
import org.opensmur.core.hub.validation.Rule.StringRule;
import org.opensmur.core.hub.validation.ValidationIssue.Kind;

/**
 * Checks a parsed JSON message against the rules of a model line, the way the Hub's schema validation
 * does, and reports every problem as a value with its JSON path. It never throws on bad input.
 */
public final class Validator {

    /** How the message was given: a whole EDXL-DE envelope, or only the {@code message} object / a bare payload. */
    public enum Form { ENVELOPE, MESSAGE }

    public record Result(Form form, MessageType type, List<ValidationIssue> issues) {
        public boolean isValid() {
            return issues.isEmpty();
        }
    }

    private static final Set<String> ENVELOPE_KEYS = Set.of("distributionID", "senderID", "dateTimeSent",
            "dateTimeExpires", "distributionStatus", "distributionKind", "descriptor", "content");
    private static final Pattern STRICT_DATE = Pattern.compile(
            "^(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})([-+])(\\d{2}):(\\d{2})$");
    private static final Pattern RFC3339_DATE = Pattern.compile(
            "^(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2}):(\\d{2})(?:\\.\\d+)?(?:[Zz]|([-+])(\\d{2}):(\\d{2}))$");
    private static final int CODES_SHOWN = 12;

    private final ModelLine line;

    public Validator(ModelLine line) {
        this.line = line;
    }

    public static Validator current() {
        return Holder.CURRENT;
    }

    /** The validator of {@code line} (one per line, shared). */
    public static Validator of(ModelLine line) {
        return line == ModelLine.CURRENT ? Holder.CURRENT : line == ModelLine.V2 ? Holder.V2 : new Validator(line);
    }

    private static final class Holder {
        static final Validator CURRENT = new Validator(ModelLine.CURRENT);
        static final Validator V2 = new Validator(ModelLine.V2);
    }

    public ModelLine line() {
        return line;
    }

    public Result validate(JsonNode root) {
        List<ValidationIssue> issues = new ArrayList<>();
        if (root == null || !root.isObject()) {
            issues.add(new ValidationIssue("$", Kind.TYPE, text(root), "a Hub message must be a JSON object"));
            return new Result(Form.MESSAGE, null, issues);
        }
        boolean envelope = false;
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            if (ENVELOPE_KEYS.contains(names.next())) {
                envelope = true;
                break;
            }
        }
        if (envelope) {
            MessageType type = validateEnvelope(root, issues);
            return new Result(Form.ENVELOPE, type, issues);
        }
        MessageType type = validateMessage(root, "$", false, issues);
        return new Result(Form.MESSAGE, type, issues);
    }

    /** Validates one payload object (the value under its use-case key) on its own, e.g. a form being filled in. */
    public List<ValidationIssue> validatePayload(MessageType type, JsonNode payload, String path) {
        List<ValidationIssue> issues = new ArrayList<>();
        check(line.payload(type), payload, path, issues);
        return issues;
    }

    private MessageType validateEnvelope(JsonNode root, List<ValidationIssue> issues) {
        // The envelope rule includes content[].jsonContent.embeddedJsonContent.message, validated by MessageRule.
        MessageType[] found = new MessageType[1];
        checkObject(line.envelope(), root, "$", issues, found);
        JsonNode content = root.get("content");
        if (content != null && content.isArray() && content.size() > 1) {
            issues.add(new ValidationIssue("$.content", Kind.ITEMS, null,
                    "holds " + content.size() + " content objects; the 15-SMUR link carries exactly one"));
        }
        return found[0];
    }

    private void check(Rule rule, JsonNode node, String path, List<ValidationIssue> issues) {
        checkInto(rule, node, path, issues, null);
    }

    private void checkInto(Rule rule, JsonNode node, String path, List<ValidationIssue> issues, MessageType[] found) {
        switch (rule) {
            case ObjectRule object -> checkObject(object, node, path, issues, found);
            case ArrayRule array -> checkArray(array, node, path, issues, found);
            case StringRule string -> checkString(string, node, path, issues);
            case DateTimeRule date -> checkDate(date, node, path, issues);
            case NumberRule number -> {
                if (!(number.integer() ? integral(node) : node.isNumber())) {
                    issues.add(typeIssue(node, path, number.integer() ? "an integer" : "a number"));
                }
            }
            case Rule.BooleanRule ignored -> {
                if (!node.isBoolean()) {
                    issues.add(typeIssue(node, path, "true or false"));
                }
            }
            case Rule.AnyObjectRule ignored -> {
                if (!node.isObject()) {
                    issues.add(typeIssue(node, path, "an object"));
                }
            }
            case Rule.MessageRule ignored -> {
                MessageType type = validateMessage(node, path, true, issues);
                if (found != null && found[0] == null) {
                    found[0] = type;
                }
            }
        }
    }

    private void checkObject(ObjectRule rule, JsonNode node, String path, List<ValidationIssue> issues,
                             MessageType[] found) {
        if (!node.isObject()) {
            issues.add(typeIssue(node, path, "an object"));
            return;
        }
        for (Field field : rule.fields().values()) {
            JsonNode value = node.get(field.name());
            if (value == null) {
                if (field.required()) {
                    issues.add(new ValidationIssue(path + "." + field.name(), Kind.REQUIRED, null,
                            "is missing but it is required"));
                }
            } else {
                checkInto(field.rule(), value, path + "." + field.name(), issues, found);
            }
        }
        if (!rule.open()) {
            reportUnknown(node, rule.fields(), path, issues);
        }
    }

    private static void reportUnknown(JsonNode node, Map<String, Field> known, String path, List<ValidationIssue> issues) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.containsKey(name)) {
                issues.add(new ValidationIssue(path + "." + name, Kind.UNKNOWN_FIELD, null,
                        "is not defined in the model and no other property is allowed here"));
            }
        }
    }

    private void checkArray(ArrayRule rule, JsonNode node, String path, List<ValidationIssue> issues, MessageType[] found) {
        if (!node.isArray()) {
            issues.add(typeIssue(node, path, "an array"));
            return;
        }
        if (node.size() < rule.minItems()) {
            issues.add(new ValidationIssue(path, Kind.ITEMS, null, "needs at least " + rule.minItems() + " item(s)"));
        }
        if (node.size() > rule.maxItems()) {
            issues.add(new ValidationIssue(path, Kind.ITEMS, null, "allows at most " + rule.maxItems() + " item(s)"));
        }
        for (int i = 0; i < node.size(); i++) {
            checkInto(rule.items(), node.get(i), path + "[" + i + "]", issues, found);
        }
    }

    private static void checkString(StringRule rule, JsonNode node, String path, List<ValidationIssue> issues) {
        if (!node.isTextual()) {
            issues.add(typeIssue(node, path, "a string"));
            return;
        }
        String value = node.textValue();
        if (rule.pattern() != null && !rule.pattern().matches(value)) {
            issues.add(new ValidationIssue(path, Kind.PATTERN, value,
                    "'" + value + "' is not " + rule.pattern().meaning() + " (pattern " + rule.pattern().regex() + ")"));
        }
        if (rule.codes() != null && !rule.codes().contains(value)) {
            String allowed = rule.codes().stream().limit(CODES_SHOWN).collect(Collectors.joining(", "));
            issues.add(new ValidationIssue(path, Kind.CODE, value, "'" + value + "' is not a valid " + rule.codesMeaning()
                    + " (expected one of " + allowed + (rule.codes().size() > CODES_SHOWN ? ", …)" : ")")));
        }
    }

    private static void checkDate(DateTimeRule rule, JsonNode node, String path, List<ValidationIssue> issues) {
        if (!node.isTextual()) {
            issues.add(typeIssue(node, path, "a date-time string"));
            return;
        }
        String value = node.textValue();
        if (!isDateTime(value, rule.strict())) {
            issues.add(new ValidationIssue(path, Kind.DATE_TIME, value, "'" + value + "' is not a valid date-time"
                    + (rule.strict() ? " of the form yyyy-MM-ddTHH:mm:ss+HH:mm (no Z, no fraction)" : " (RFC 3339)")));
        }
    }

    /** Pattern and calendar check, as the Hub's validator applies both {@code pattern} and {@code format}. */
    static boolean isDateTime(String value, boolean strict) {
        Matcher m = (strict ? STRICT_DATE : RFC3339_DATE).matcher(value);
        if (!m.matches()) {
            return false;
        }
        try {
            LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return false;
        }
        int hour = Integer.parseInt(m.group(4));
        int minute = Integer.parseInt(m.group(5));
        int second = Integer.parseInt(m.group(6));
        if (hour > 23 || minute > 59 || second > 59) {
            return false;
        }
        if (m.group(8) != null) {
            int offsetHours = Integer.parseInt(m.group(8));
            int offsetMinutes = Integer.parseInt(m.group(9));
            // RFC 3339 allows -00:00 and the RC-DE text even asks for it, but the Hub's validator refuses it.
            boolean negativeZero = "-".equals(m.group(7)) && offsetHours == 0 && offsetMinutes == 0;
            return offsetHours <= 23 && offsetMinutes <= 59 && !negativeZero;
        }
        return true;
    }

    private MessageType validateMessage(JsonNode node, String path, boolean inEnvelope, List<ValidationIssue> issues) {
        if (!node.isObject()) {
            issues.add(typeIssue(node, path, "an object"));
            return null;
        }
        List<String> keys = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (MessageType.ofKey(name).isPresent() || MessageType.OTHER_HUB_KEYS.contains(name)) {
                keys.add(name);
            }
        }
        ObjectRule header = line.header();
        if (keys.isEmpty()) {
            issues.add(new ValidationIssue(path, Kind.USE_CASE, null, "no use case found: expected one of "
                    + Stream.of(MessageType.values()).map(MessageType::key).collect(Collectors.joining(", "))));
            if (inEnvelope) {
                checkObject(header, node, path, issues, null);
            }
            return null;
        }
        if (keys.size() > 1) {
            issues.add(new ValidationIssue(path, Kind.USE_CASE, String.join(", ", keys),
                    "holds " + keys.size() + " use cases (" + String.join(", ", keys) + "); exactly one is allowed"));
        }
        String key = keys.get(0);
        MessageType type = MessageType.ofKey(key).orElse(null);
        boolean headerless = type == MessageType.RS_ERROR
                || key.equals("customContent") || key.equals("technicalNoreq") || key.equals("distributionElement");
        boolean headerGiven = false;
        for (String name : header.fields().keySet()) {
            headerGiven |= node.has(name);
        }
        if (!headerless && (inEnvelope || headerGiven)) {
            for (Field field : header.fields().values()) {
                JsonNode value = node.get(field.name());
                if (value == null) {
                    issues.add(new ValidationIssue(path + "." + field.name(), Kind.REQUIRED, null,
                            "is missing but it is required (RC-DE header)"));
                } else {
                    check(field.rule(), value, path + "." + field.name(), issues);
                }
            }
        }
        // The RC-DE schema tolerates other keys here, but the Hub cannot deserialise them (error 102).
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!keys.contains(name) && !(header.fields().containsKey(name) && !headerless)) {
                issues.add(new ValidationIssue(path + "." + name, Kind.UNKNOWN_FIELD, null,
                        "is neither an RC-DE header field nor a use case (the Hub could not deserialise it)"));
            }
        }
        if (type == null) {
            issues.add(new ValidationIssue(path + "." + key, Kind.USE_CASE, key,
                    "use case '" + key + "' is not handled by the 15-SMUR tablet"));
            return null;
        }
        check(line.payload(type), node.get(key), path + "." + key, issues);
        return keys.size() == 1 ? type : null;
    }

    /**
     * An integer as draft 6+ and the Hub's validator (networknt) see it: any number without a fractional
     * part, {@code 40}, {@code 40.0} or {@code 4e1}, of any size.
     */
    private static boolean integral(JsonNode node) {
        if (node.isIntegralNumber()) {
            return true;
        }
        if (!node.isNumber() || (node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
            return false;
        }
        return node.decimalValue().stripTrailingZeros().scale() <= 0;
    }

    private static ValidationIssue typeIssue(JsonNode node, String path, String expected) {
        return new ValidationIssue(path, Kind.TYPE, text(node), "must be " + expected + ", found " + describe(node));
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String text(JsonNode node) {
        if (node == null) {
            return null;
        }
        return node.isValueNode() ? node.asText() : null;
    }
}
