package org.opensmur.core.tablet;

import java.util.Map;

/**
 * What the retention of closed missions (the offline store's) did to one mission: purged with its counts,
 * or kept: not over, or {@code undelivered} messages still on their way. {@code why} says it in a log's words.
 */
public record RetentionOutcome(String caseId, boolean purged, boolean over, int undelivered, String why, Map<String, Integer> counts) {
}
