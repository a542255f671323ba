package org.opensmur.core.rpis;

import org.opensmur.core.hub.model.HubPattern;
import org.opensmur.core.hub.model.Matches;
import org.opensmur.core.hub.model.Required;

/** A city and its INSEE code. */
public record InseeAddress(
        @Required @Matches(HubPattern.INSEE_CODE) String inseeCode,
        @Required String city) {
}
