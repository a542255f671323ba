package org.opensmur.core.mission;

import org.opensmur.core.hub.model.Required;

/** Who wrote a note, a decision or a bilan. */
public record Operator(
        String label,
        @Required OperatorRole role) {
}
