package org.opensmur.core.reference;

import org.opensmur.core.hub.model.OnlyIn;
import org.opensmur.core.hub.model.Payload;
import org.opensmur.core.hub.model.Required;

/** RC-REF {@code reference}: final-reception acknowledgement of a received message. */
public record Reference(
        @Required String distributionID,
        Boolean refused,
        String errorDistributionID,
        @OnlyIn("3") ReferenceStep step) implements Payload {
}
