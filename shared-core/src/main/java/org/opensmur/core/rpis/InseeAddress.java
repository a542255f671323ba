package org.opensmur.core.rpis;

import org.opensmur.core.hub.validation.HubPattern;
import org.opensmur.core.hub.validation.Matches;
import org.opensmur.core.hub.validation.Required;

/** A city and its INSEE code. */
public record InseeAddress(
        @Required @Matches(HubPattern.INSEE_CODE) String inseeCode,
        @Required String city) {
}
