package org.opensmur.core.hub.validation;

/**
 * One thing wrong with a message: where (a JSON path such as {@code $.resourcesStatus.state.status}),
 * which rule, the offending value (shortened, may be null) and a sentence for people.
 */
public record ValidationIssue(String path, Kind kind, String value, String reason) {

    public enum Kind {
        /** Not JSON, or broken JSON. */
        SYNTAX,
        /** Too large, too deep, too long a number or string. */
        LIMIT,
        /** A body that is not JSON (XML). */
        FORMAT,
        REQUIRED,
        UNKNOWN_FIELD,
        TYPE,
        PATTERN,
        CODE,
        DATE_TIME,
        ITEMS,
        /** No use case, several, or one this client does not handle. */
        USE_CASE,
        /** A Hub dispatcher rule beyond the schema (distributionID prefix, sender, header/envelope mismatch). */
        HUB_RULE
    }

    private static final int MAX_VALUE_LENGTH = 60;

    public ValidationIssue {
        if (value != null && value.length() > MAX_VALUE_LENGTH) {
            value = value.substring(0, MAX_VALUE_LENGTH) + "…";
        }
    }

    /** The last segment of the path, which a form can use to put the message next to its field. */
    public String field() {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? path : path.substring(path.charAt(cut) == '.' ? cut + 1 : cut);
    }

    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
