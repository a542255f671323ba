package org.opensmur.core.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.opensmur.core.hub.model.HubPattern;
import org.opensmur.core.hub.validation.Rule;
import org.opensmur.core.hub.validation.Rule.ArrayRule;
import org.opensmur.core.hub.validation.Rule.ObjectRule;
import org.opensmur.core.hub.validation.Rule.StringRule;

/** Random JSON values that satisfy a rule tree, and random ways to break them. */
final class RandomMessages {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] WORDS = {"VLM", "samu440", "Nantes", "Dupont", "é-à ç", "x", "Route de Paris", "42", "a_b-c"};
    static final String[] BAD_DATES = {"2024-13-01T10:00:00+02:00", "2024-02-30T10:00:00+01:00", "2023-02-29T10:00:00+01:00",
        "2024-01-01T24:00:00+01:00", "2024-01-01T10:60:00+01:00", "2024-01-01T10:00:61+01:00", "2024-01-01T10:00:00Z",
        "2024-01-01T10:00:00.5+01:00", "2024-01-01 10:00:00+01:00", "2024-01-01T10:00+01:00", "2024-01-01T10:00:00+0100",
        "2024-01-01", "hier", "", "2024-06-31T08:00:00+02:00", "2024-02-29T10:00:00+01:00"};
    static final String[] BAD_STRINGS = {"", "x", "not valid!", "fr..health.samu440", "FR.HEALTH", "P32", "1234",
        "fr.health.samu440.resource", "R1", "C01.02", "M1.00", "+33", "s06", "samu440.patient.1", "NOT_A_CODE"};

    private final Random random;

    RandomMessages(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    JsonNode valid(Rule rule) {
        return switch (rule) {
            case ObjectRule object -> {
                ObjectNode node = NODES.objectNode();
                for (Rule.Field field : object.fields().values()) {
                    if (field.required() || random.nextDouble() < 0.6) {
                        node.set(field.name(), valid(field.rule()));
                    }
                }
                yield node;
            }
            case ArrayRule array -> {
                ArrayNode node = NODES.arrayNode();
                int count = Math.min(array.maxItems(), array.minItems() + random.nextInt(3));
                for (int i = 0; i < count; i++) {
                    node.add(valid(array.items()));
                }
                yield node;
            }
            case StringRule string -> NODES.textNode(string.pattern() != null ? sample(string.pattern())
                    : string.codes() != null ? pick(new ArrayList<>(string.codes())) : text());
            case Rule.DateTimeRule date -> NODES.textNode(date(date.strict()));
            case Rule.NumberRule number -> number.integer() ? NODES.numberNode(random.nextInt(300))
                    : NODES.numberNode(Math.round((random.nextDouble() * 360 - 180) * 1e6) / 1e6);
            case Rule.BooleanRule b -> NODES.booleanNode(random.nextBoolean());
            case Rule.AnyObjectRule a -> NODES.objectNode().put("any", text());
            case Rule.MessageRule m -> throw new IllegalArgumentException("messages are built whole");
        };
    }

    String sample(HubPattern pattern) {
        String org = "fr." + pick(List.of("health", "fire", "police")) + "." + word() + (random.nextBoolean() ? "." + word() : "");
        return switch (pattern) {
            case CASE_ID -> org + "." + "DRFR15" + digits(13);
            case OWNER_ID -> random.nextBoolean() ? "fr.health.samu" + digits(3) : org;
            case RESOURCE_ID -> org + ".resource." + word() + (random.nextBoolean() ? "." + digits(1) : "");
            case PATIENT_ID -> org + ".patient." + word() + (random.nextBoolean() ? "." + digits(2) : "");
            case REQUEST_ID -> org + ".request." + word();
            case NOTE_ID -> org + ".medicalNote." + word();
            case DATE_TIME -> date(true);
            case BIRTH_DATE -> digits(4) + "-" + digits(2) + "-" + digits(2);
            case AGE -> "P" + digits(1 + random.nextInt(3)) + pick(List.of("Y", "M", "W", "D"));
            case INSEE_CODE -> digits(5);
            case PHONE -> "+" + digits(5 + random.nextInt(14));
            case RISK_CODE -> "R" + digits(2);
            case WHATS_HAPPEN_CODE -> "C" + digits(2) + "." + digits(2) + "." + digits(2);
            case LOCATION_KIND_CODE -> "L" + digits(2) + "." + digits(2) + "." + digits(2);
            case HEALTH_MOTIVE_CODE -> "M" + digits(2) + "." + digits(2) + (random.nextBoolean() ? "." + digits(2) : "");
            case DIAGNOSIS_CODE -> (char) ('A' + random.nextInt(26)) + digits(2) + (random.nextBoolean() ? "." + digits(1) : "");
            case LOCATION_ID -> pick(List.of(digits(9), digits(14), digits(4) + "Z", "2A0" + digits(6)));
            case CASE_ID_V2 -> "fr.health.samu" + digits(3) + ".DRFR15" + digits(13);
            case RESOURCE_ID_V2 -> "fr.health.samu" + digits(3) + ".resource." + word();
            case PATIENT_ID_V2 -> "fr.health.samu" + digits(3) + ".patient." + word() + (random.nextBoolean() ? "." + digits(1) : "");
            case REQUEST_ID_V2 -> "fr.health.samu" + digits(3) + ".request." + word();
            case NOTE_ID_V2 -> "fr.health.samu" + digits(3) + ".medicalNote." + word();
            case OWNER_ID_V2 -> "fr.health.samu" + digits(3);
            case ORG_ID_V2 -> "fr.health.samu" + digits(3);
        };
    }

    String date(boolean strict) {
        String base = String.format("%04d-%02d-%02dT%02d:%02d:%02d", 2000 + random.nextInt(40), 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60));
        if (!strict && random.nextInt(3) == 0) {
            return base + pick(List.of("Z", ".123Z", ".5+02:00"));
        }
        return base + pick(List.of("+02:00", "+01:00", "-00:00", "+00:00", "-05:30"));
    }

    private String word() {
        return pick(List.of("samu440", "sis044", "VLM4", "smur-1", "A_1", "cga-044", "samu76A"));
    }

    private String text() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private String digits(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        return s.toString();
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
