package org.opensmur.core.hub.message;

import org.opensmur.core.hub.model.OpenObject;
import org.opensmur.core.hub.model.Required;

/** One item of the EDXL-DE {@code content} array. */
@OpenObject
public record ContentObject(@Required JsonContent jsonContent) {
    @OpenObject
    public record JsonContent(@Required EmbeddedJsonContent embeddedJsonContent) {
    }

    @OpenObject
    public record EmbeddedJsonContent(@Required Message message) {
    }
}
