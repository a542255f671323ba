package org.opensmur.tablet.mission;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.opensmur.core.status.ResourceStatus;

/**
 * One status tap as the crew made it: the status, when, and the RS-SR that carries it to the SAMU; or, on a
 * shared case the crew is not engaged on (périmètre 1), a local id: the tap is kept for the RPIS times and
 * no message carries it.
 */
public record Tap(ResourceStatus status, OffsetDateTime at, String distributionId) {

    /** How the id of a tap no message carries begins (never a distributionID: those begin with a client id and "_"). */
    public static final String LOCAL = "local:";

    /** A tap kept on the tablet only. */
    static Tap local(ResourceStatus status, OffsetDateTime at) {
        return new Tap(status, at, LOCAL + UUID.randomUUID());
    }

    /** Kept on the tablet only: no RS-SR was sent for it. */
    public boolean local() {
        return distributionId.startsWith(LOCAL);
    }
}
