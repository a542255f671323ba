package org.opensmur.tablet.mission;

import java.time.OffsetDateTime;
import org.opensmur.core.status.ResourceStatus;

/** One status tap as the crew made it: the status, when, and the RS-SR that carries it to the SAMU. */
public record Tap(ResourceStatus status, OffsetDateTime at, String distributionId) {
}
