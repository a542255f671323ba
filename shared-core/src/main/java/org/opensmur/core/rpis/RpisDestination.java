package org.opensmur.core.rpis;

import org.opensmur.core.hub.model.CodeList;
import org.opensmur.core.hub.model.InCodeList;
import org.opensmur.core.hub.model.Required;

/** Where the patient was taken. */
public record RpisDestination(
        @Required @InCodeList(CodeList.COUNTRY) String destinationCountry,
        @Required String destinationCategory,
        @Required String healthcareType,
        @Required String finess) {
}
