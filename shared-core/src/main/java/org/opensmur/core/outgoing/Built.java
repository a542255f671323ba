package org.opensmur.core.outgoing;

import java.util.List;
import java.util.stream.Collectors;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.validation.ValidationIssue;

/** A message built for sending, with every issue our validation found; only a valid one may be queued. */
public record Built(HubMessage message, List<ValidationIssue> issues) {

    public Built {
        issues = List.copyOf(issues);
    }

    public boolean isValid() {
        return issues.isEmpty();
    }

    /** The message, or an exception listing every issue (for callers that cannot show them field by field). */
    public HubMessage orElseThrow() {
        if (!isValid()) {
            throw new InvalidMessageException(message.type() + " is not valid:\n"
                    + issues.stream().map(ValidationIssue::toString).collect(Collectors.joining("\n")), issues);
        }
        return message;
    }

    public static final class InvalidMessageException extends IllegalArgumentException {
        private final transient List<ValidationIssue> issues;

        InvalidMessageException(String text, List<ValidationIssue> issues) {
            super(text);
            this.issues = issues;
        }

        public List<ValidationIssue> issues() {
            return issues;
        }
    }
}
