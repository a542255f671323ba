package org.opensmur.core.hub.error;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opensmur.core.hub.model.Payload;
import org.opensmur.core.hub.model.Required;

/**
 * RS-ERROR {@code error}: an error report, from the Hub (code 100-501) or from a partner (700-704).
 * It carries no RC-DE header. {@code sourceMessage} is the rejected message as a JSON object.
 */
public record HubError(
        @Required ErrorStatus errorCode,
        @Required String errorCause,
        ObjectNode sourceMessage,
        @Required String referencedDistributionID) implements Payload {

    /** The Hub's own client id: the sender of the error reports its dispatcher writes. */
    public static final String HUB_ID = "fr.health.hub";

    /** The Hub writes this instead of an id when it could not read the rejected message's id. */
    public static final String UNKNOWN_DISTRIBUTION_ID = "distributionID_could_not_be_extracted";

    /** The known error code, or empty when the code is not one we know (parsed leniently). */
    public java.util.Optional<ErrorCode> code() {
        return ErrorCode.of(errorCode.statusCode());
    }

    public boolean concernsKnownMessage() {
        return !UNKNOWN_DISTRIBUTION_ID.equals(referencedDistributionID);
    }
}
