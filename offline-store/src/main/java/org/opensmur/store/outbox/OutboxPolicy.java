package org.opensmur.store.outbox;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.opensmur.core.bilan.InterventionReport;
import org.opensmur.core.document.DocumentLink;
import org.opensmur.core.geo.GeoPositionsUpdate;
import org.opensmur.core.hub.error.HubError;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.mission.ResourcesInfo;
import org.opensmur.core.reference.Reference;
import org.opensmur.core.rpis.Rpis;
import org.opensmur.core.status.ResourcesStatus;

/**
 * How the outbox orders, prioritises and thins messages. Order keys: a message never leaves before an
 * earlier one sharing a key (its case, its resource). Priority: among messages free to leave,
 * engagement replies, statuses and acknowledgements first, then bilans, documents and RPIS, positions last.
 *
 * @param positionTrack null: only the latest queued fix per resource is sent; otherwise queued fixes
 *                      are thinned to one per this interval (a track)
 * @param retention     how long sent and final rows are kept before the purge job removes them
 */
public record OutboxPolicy(Duration positionTrack, Duration retention, Duration maxRetryDelay) {

    public static OutboxPolicy defaults() {
        return new OutboxPolicy(null, Duration.ofDays(7), Duration.ofSeconds(60));
    }

    public int priority(HubMessage message) {
        return switch (message.type()) {
            case RS_RI, RS_SR, RC_REF, RS_ERROR -> 0;
            case RS_BPV, RS_URL, RS_RPIS -> 1;
            default -> 2;
        };
    }

    /** Space-separated keys this message is ordered by. */
    public String orderKeys(HubMessage message) {
        Set<String> keys = new LinkedHashSet<>();
        switch (message.payload()) {
            case ResourcesStatus status -> {
                keys.add("case:" + status.caseId());
                keys.add("resource:" + status.resourceId());
            }
            case ResourcesInfo info -> {
                keys.add("case:" + info.caseId());
                info.resource().forEach(r -> keys.add("resource:" + r.resourceId()));
            }
            case DocumentLink link -> keys.add("case:" + link.caseId());
            case InterventionReport report -> keys.add("case:" + report.caseId());
            case Rpis rpis -> keys.add("rpis:" + rpis.context().orgId() + "." + rpis.context().senderCaseId());
            case GeoPositionsUpdate positions -> positions.position().forEach(p -> keys.add("position:" + p.resourceId()));
            case Reference reference -> keys.add("reference:" + reference.distributionID());
            // A refusal's error report and its RC-REF share the key: the report the RC-REF names leaves first.
            case HubError error -> keys.add("reference:" + error.referencedDistributionID());
            default -> keys.add("other:" + message.distributionID());
        }
        return String.join(" ", keys);
    }

    /** The key under which queued positions replace each other (null when not a position). */
    public String coalesceKey(HubMessage message) {
        return message.payload() instanceof GeoPositionsUpdate positions && positions.position().size() == 1
                ? positions.position().get(0).resourceId() : null;
    }

    public Duration retryDelay(int attempts) {
        long millis = Math.min(maxRetryDelay.toMillis(), 1_000L << Math.min(attempts, 10));
        return Duration.ofMillis(millis);
    }
}
