package org.opensmur.core.mission;

import org.opensmur.core.hub.validation.OnlyIn;
import java.time.OffsetDateTime;
import org.opensmur.core.hub.validation.CodeList;
import org.opensmur.core.hub.validation.InCodeList;
import org.opensmur.core.hub.validation.Required;

/** A regulation decision. */
public record Decision(
        String patientId,
        @Required OffsetDateTime creation,
        @Required Operator operator,
        @Required DecisionType decisionType,
        @InCodeList(CodeList.RESOURCE_TYPE) String resourceType,
        Boolean medicalTransport,
        OrientationType orientationType,
        @OnlyIn("3") Destination destination) {
}
