package org.opensmur.core.mission;

import org.opensmur.core.hub.validation.CodeList;
import org.opensmur.core.hub.validation.InCodeList;
import org.opensmur.core.hub.validation.Required;

/** How the caller can be reached. */
public record CallerContact(
        @Required @InCodeList(CodeList.CHANNEL) String channel,
        @Required ContactType type,
        @Required String detail) {
}
