package org.opensmur.core.mission;

import org.opensmur.core.hub.validation.HubPattern;
import org.opensmur.core.hub.validation.Matches;
import org.opensmur.core.hub.validation.Required;

/** A diagnosis hypothesis (CIM-10 style code). */
public record Diagnosis(
        @Required @Matches(HubPattern.DIAGNOSIS_CODE) String code,
        @Required String label) {
}
