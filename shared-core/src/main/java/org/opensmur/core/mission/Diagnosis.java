package org.opensmur.core.mission;

import org.opensmur.core.hub.model.HubPattern;
import org.opensmur.core.hub.model.Matches;
import org.opensmur.core.hub.model.Required;

/** A diagnosis hypothesis (CIM-10 style code). */
public record Diagnosis(
        @Required @Matches(HubPattern.DIAGNOSIS_CODE) String code,
        @Required String label) {
}
