package org.opensmur.core.mission;

import java.util.List;

/** Location fields an update may change. */
public record LocationUpdate(
        List<ExternalInfo> externalInfo) {
}
