package org.opensmur.core.reference;

import org.opensmur.core.hub.validation.OnlyIn;
import org.opensmur.core.hub.message.Payload;
import org.opensmur.core.hub.validation.Required;

/** RC-REF {@code reference}: final-reception acknowledgement of a received message. */
public record Reference(
        @Required String distributionID,
        Boolean refused,
        String errorDistributionID,
        @OnlyIn("3") ReferenceStep step) implements Payload {
}
