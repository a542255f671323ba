package org.opensmur.core.hub.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.Message;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.hub.validation.ValidationIssue;
import org.opensmur.core.hub.validation.Validator;

/**
 * What the codec made of a body: the parsed tree (kept whole, unknown fields included, so that nothing
 * received is lost), the detected type, every issue found, and the typed message when it could be bound.
 *
 * @param tree     the JSON as received, or null when it could not be parsed
 * @param form     whole envelope or bare message/payload
 * @param type     the use case, or null when none (or several) could be detected
 * @param envelope the typed whole message, when {@code form} is ENVELOPE and binding succeeded
 * @param message  the typed {@code message} (header + payload), when binding succeeded
 */
public record Decoded(JsonNode tree, Validator.Form form, MessageType type, List<ValidationIssue> issues,
                      HubMessage envelope, Message message) {

    public Decoded {
        issues = List.copyOf(issues);
    }

    /** Valid against the model: safe to store, act on and acknowledge. */
    public boolean isValid() {
        return issues.isEmpty() && message != null;
    }

    /**
     * Readable although not strictly valid: the only issues are properties this model does not know (a
     * partner on a newer minor model). A receiver may keep such a message; its tree keeps those properties.
     */
    public boolean isReadable() {
        return message != null && issues.stream().allMatch(i -> i.kind() == ValidationIssue.Kind.UNKNOWN_FIELD);
    }

    /** Paths of the properties this model does not know. */
    public List<String> unknownFields() {
        return issues.stream().filter(i -> i.kind() == ValidationIssue.Kind.UNKNOWN_FIELD).map(ValidationIssue::path).toList();
    }
}
