package org.opensmur.core.mission;

import org.opensmur.core.hub.validation.HubPattern;
import org.opensmur.core.hub.validation.Matches;

/** A city and its INSEE code. */
public record City(
        String name,
        @Matches(HubPattern.INSEE_CODE) String inseeCode) {
}
