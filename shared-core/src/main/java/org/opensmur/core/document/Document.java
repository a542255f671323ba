package org.opensmur.core.document;

import org.opensmur.core.hub.model.Required;

/** A link to one document. */
public record Document(
        String documentType,
        @Required String url) {
}
