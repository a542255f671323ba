package org.opensmur.core.hub.message;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.opensmur.core.hub.model.Required;

/** RC-DE sender or recipient: {@code name} = client id, {@code URI} = {@code hubex:<client id>}. */
public record Party(@Required String name, @Required @JsonProperty("URI") String uri) {
    public static Party of(String clientId) {
        return new Party(clientId, "hubex:" + clientId);
    }
}
