package org.opensmur.core.rpis;

import org.opensmur.core.hub.model.Required;

/** Composition of the SMUR team. */
public record RpisTeam(
        @Required Boolean doctor,
        @Required Boolean nurse,
        @Required Boolean driver) {
}
