package org.opensmur.core.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;

/** JSON equality where 165 and 165.0 are the same number, as they are in JSON. */
public final class JsonTrees {
    private JsonTrees() {
    }

    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    public static boolean sameJson(JsonNode a, JsonNode b) {
        return a.equals(NUMBERS_BY_VALUE, b);
    }
}
