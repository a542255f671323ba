package org.opensmur.core.mission;

import org.opensmur.core.hub.model.Required;

/** A reference to the location in another system. */
public record ExternalInfo(
        @Required LocationInfoSource freetext,
        LocationInfoType type,
        @Required String uri) {
}
