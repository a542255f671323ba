package org.opensmur.core.rpis;

import org.opensmur.core.hub.model.Required;

/** What became of the patient. */
public record RpisOrientation(
        @Required String type,
        RpisDestination destination,
        RpisDecision decision) {
}
