package org.opensmur.core.document;

import org.opensmur.core.hub.validation.Required;

/** A link to one document. */
public record Document(
        String documentType,
        @Required String url) {
}
