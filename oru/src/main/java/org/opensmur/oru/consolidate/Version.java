package org.opensmur.oru.consolidate;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One received version of a record: who sent it, when its sender wrote it (the RC-DE header's
 * {@code sentAt}, which orders a sender's versions), and the {@code rpis} payload.
 */
public record Version(String distributionId, String senderId, Instant sentAt, JsonNode payload) {

    /** Every leaf of the payload by JSON pointer; a list (the procedures) is one field, compared whole. */
    public Map<String, JsonNode> fields() {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        flatten("", payload, fields);
        return fields;
    }

    private static void flatten(String path, JsonNode node, Map<String, JsonNode> into) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(path + "/" + e.getKey(), e.getValue(), into);
            }
        } else if (!node.isNull() && !node.isMissingNode()) {
            into.put(path, node);
        }
    }
}
