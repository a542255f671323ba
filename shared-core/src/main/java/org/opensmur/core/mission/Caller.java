package org.opensmur.core.mission;

import org.opensmur.core.hub.validation.CodeList;
import org.opensmur.core.hub.validation.InCodeList;
import org.opensmur.core.hub.validation.Required;

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
