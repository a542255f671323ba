package org.opensmur.core.mission;

import org.opensmur.core.hub.model.CodeList;
import org.opensmur.core.hub.model.InCodeList;
import org.opensmur.core.hub.model.Required;

/** Who called. */
public record Caller(
        @Required CallerContact callerContact,
        CallerContact callbackContact,
        @InCodeList(CodeList.LANGUAGE) String language,
        @InCodeList(CodeList.CALLER_TYPE) String type,
        @InCodeList(CodeList.COMMUNICATION) String communication,
        String freetext,
        PersonName detailedName) {
}
