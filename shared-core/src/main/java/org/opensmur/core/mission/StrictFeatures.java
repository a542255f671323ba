package org.opensmur.core.mission;

import org.opensmur.core.hub.model.HubPattern;
import org.opensmur.core.hub.model.Matches;

/** Identity features checked against official documents. */
public record StrictFeatures(
        String birthName,
        @Matches(HubPattern.BIRTH_DATE) String birthDate,
        Sex sex) {
}
