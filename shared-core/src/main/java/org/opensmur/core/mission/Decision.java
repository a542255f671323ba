package org.opensmur.core.mission;

import org.opensmur.core.hub.model.OnlyIn;
import java.time.OffsetDateTime;
import org.opensmur.core.hub.model.CodeList;
import org.opensmur.core.hub.model.InCodeList;
import org.opensmur.core.hub.model.Required;

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
