package org.opensmur.core.rpis;

import org.opensmur.core.hub.validation.Required;

/** What became of the patient. */
public record RpisOrientation(
        @Required String type,
        RpisDestination destination,
        RpisDecision decision) {
}
