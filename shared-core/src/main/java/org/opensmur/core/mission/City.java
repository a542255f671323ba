package org.opensmur.core.mission;

import org.opensmur.core.hub.model.HubPattern;
import org.opensmur.core.hub.model.Matches;

/** A city and its INSEE code. */
public record City(
        String name,
        @Matches(HubPattern.INSEE_CODE) String inseeCode) {
}
