package org.opensmur.core.mission;

import java.util.List;
import org.opensmur.core.hub.model.Items;

/** Up to three extra key/value entries. */
public record AdditionalInformation(
        @Items(max = 3) List<CustomEntry> customMap) {
}
