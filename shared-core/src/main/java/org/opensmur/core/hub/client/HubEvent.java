package org.opensmur.core.hub.client;

import java.util.List;
import java.util.Optional;
import org.opensmur.core.hub.error.ErrorCode;
import org.opensmur.core.hub.error.HubError;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.transport.HubQueue;
import org.opensmur.core.hub.validation.ValidationIssue;
import org.opensmur.core.reference.ReferenceStep;

/** What the Hub brought, as the application needs it. */
public sealed interface HubEvent {

    /** A functional message (case, update, engagement, resources...), stored. {@code duplicate}: seen before. */
    record MessageReceived(HubMessage message, boolean duplicate, boolean redelivered) implements HubEvent {
    }

    /**
     * A message whose distributionID was received before with other content: kept apart, not applied,
     * refused to its sender. The crew is told there is a conflict on that case.
     */
    /** A message about a case from a party that does not steer it: kept apart, refused, never applied. */
    record MessageFromThirdParty(HubMessage message, String caseId) implements HubEvent {
    }

    record MessageConflict(HubMessage message) implements HubEvent {
    }

    /** An RC-REF from {@code from} about one of our messages. */
    record ReferenceReceived(String referencedDistributionId, ReferenceStep step, boolean refused,
                             String errorDistributionId, String from) implements HubEvent {
    }

    /** An error report on our {@code .info} queue, from the Hub or a partner. */
    record ErrorReported(String referencedDistributionId, HubError error, String from) implements HubEvent {
        public Optional<ErrorCode> code() {
            return error.code();
        }
    }

    /** A delivery we refused (malformed or invalid); the Hub tells its sender. Issues name paths, not contents. */
    record MessageRejected(HubQueue queue, List<ValidationIssue> issues) implements HubEvent {
    }
}
