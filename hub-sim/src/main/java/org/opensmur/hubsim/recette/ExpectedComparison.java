package org.opensmur.hubsim.recette;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The ANS test LRM's judgement of a message the tablet sent against the step's expected example: every value
 * of the expected example must be in the message, at the same place, except the step's
 * {@code ignoredProperties} (JSON paths such as {@code $.resourcesInfo.resource[0].resourceId}). Instants the
 * crew creates by acting (tap times, creation dates) cannot be equal to an example written months before:
 * they are checked for presence and format, and reported as approximate.
 */
public final class ExpectedComparison {

    /** Why a value did not match. */
    public enum Kind { MISSING, DIFFERENT }

    /** One value of the expected example that the message lacks or holds otherwise; paths as JSON paths. */
    public record Difference(String path, Kind kind, String expected, String actual) {
        @Override
        public String toString() {
            return kind == Kind.MISSING ? path + " missing (expected " + expected + ")"
                    : path + " is " + actual + ", expected " + expected;
        }
    }

    /** The verdict: no difference means the step passes; {@code approximate} lists the instants compared by format only. */
    public record Result(List<Difference> differences, List<String> approximate) {
        public boolean passed() {
            return differences.isEmpty();
        }
    }

    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}([.,]\\d+)?([+-]\\d{2}:\\d{2}|Z)");

    private ExpectedComparison() {
    }

    /** {@code expected} and {@code actual} are the payloads' wrappers ({@code {"resourcesInfo": {...}}}). */
    public static Result compare(JsonNode expected, JsonNode actual, List<String> ignoredProperties) {
        List<Pattern> ignored = ignoredProperties.stream().map(ExpectedComparison::pathPattern).toList();
        List<Difference> differences = new ArrayList<>();
        List<String> approximate = new ArrayList<>();
        walk("$", expected, actual, ignored, differences, approximate);
        return new Result(List.copyOf(differences), List.copyOf(approximate));
    }

    private static void walk(String path, JsonNode expected, JsonNode actual, List<Pattern> ignored, List<Difference> differences,
                             List<String> approximate) {
        if (ignored.stream().anyMatch(p -> p.matcher(path).matches())) {
            return;
        }
        if (expected.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode there = actual == null || !actual.isObject() ? null : actual.get(field.getKey());
                walk(path + "." + field.getKey(), field.getValue(), there, ignored, differences, approximate);
            }
        } else if (expected.isArray()) {
            for (int i = 0; i < expected.size(); i++) {
                JsonNode there = actual == null || !actual.isArray() || i >= actual.size() ? null : actual.get(i);
                walk(path + "[" + i + "]", expected.get(i), there, ignored, differences, approximate);
            }
        } else if (actual == null || actual.isNull() || actual.isMissingNode()) {
            differences.add(new Difference(path, Kind.MISSING, expected.asText(), null));
        } else if (expected.isTextual() && INSTANT.matcher(expected.asText()).matches()) {
            if (!actual.isTextual() || !isInstant(actual.asText())) {
                differences.add(new Difference(path, Kind.DIFFERENT, expected.asText() + " (an instant)", actual.toString()));
            } else if (!expected.asText().equals(actual.asText())) {
                approximate.add(path);
            }
        } else if (!sameValue(expected, actual)) {
            differences.add(new Difference(path, Kind.DIFFERENT, expected.toString(), actual.toString()));
        }
    }

    /** Equal as the LRM reads them: a number equals the same number however written, text equals text exactly. */
    private static boolean sameValue(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return expected.equals(actual);
    }

    private static boolean isInstant(String text) {
        try {
            OffsetDateTime.parse(text);
            return INSTANT.matcher(text).matches();
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** {@code $.a.b[0].c} (and {@code [*]} for any index) as a pattern over the paths walked. */
    static Pattern pathPattern(String jsonPath) {
        StringBuilder regex = new StringBuilder();
        for (String part : jsonPath.split("(?=\\[)|(?=\\.)")) {
            regex.append(part.equals("[*]") ? "\\[\\d+\\]" : Pattern.quote(part));
        }
        return Pattern.compile(regex + "(\\..*|\\[.*)?"); // and everything below it
    }
}
