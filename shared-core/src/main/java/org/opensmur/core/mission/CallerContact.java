package org.opensmur.core.mission;

import org.opensmur.core.hub.model.CodeList;
import org.opensmur.core.hub.model.InCodeList;
import org.opensmur.core.hub.model.Required;

/** How the caller can be reached. */
public record CallerContact(
        @Required @InCodeList(CodeList.CHANNEL) String channel,
        @Required ContactType type,
        @Required String detail) {
}
