package org.opensmur.core.hub.message;

import org.opensmur.core.hub.model.Required;

/** EDXL-DE descriptor: language and the one explicit recipient address. */
public record Descriptor(@Required String language, @Required ExplicitAddress explicitAddress) {
}
