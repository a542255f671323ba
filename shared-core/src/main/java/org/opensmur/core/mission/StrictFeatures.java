package org.opensmur.core.mission;

import org.opensmur.core.hub.validation.HubPattern;
import org.opensmur.core.hub.validation.Matches;

/** Identity features checked against official documents. */
public record StrictFeatures(
        String birthName,
        @Matches(HubPattern.BIRTH_DATE) String birthDate,
        Sex sex) {
}
