package org.opensmur.core.hub.message;

import org.opensmur.core.hub.model.Payload;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.opensmur.core.bilan.InterventionReport;
import org.opensmur.core.document.DocumentLink;
import org.opensmur.core.geo.GeoPositionsUpdate;
import org.opensmur.core.geo.GeoResourcesDetails;
import org.opensmur.core.geo.GeoResourcesRequest;
import org.opensmur.core.hub.error.HubError;
import org.opensmur.core.mission.CreateCaseHealth;
import org.opensmur.core.mission.CreateCaseHealthUpdate;
import org.opensmur.core.mission.ResourcesEngagement;
import org.opensmur.core.mission.ResourcesInfo;
import org.opensmur.core.reference.Reference;
import org.opensmur.core.rpis.Rpis;
import org.opensmur.core.status.ResourcesStatus;

/**
 * The Hub message types the 15-SMUR tablet handles, keyed by their use-case key inside {@code message}:
 * the one place where what a type needs is declared (its record, direction, kind, outbox priority and order
 * keys, case, expiry). Its switches have no default branch, so that a new type does not compile until every
 * one says what it does with it.
 */
public enum MessageType {
    // code, use-case key, payload record, direction, outbox priority (0 first), how long it stays worth delivering
    RS_EDA("RS-EDA", "createCaseHealth", CreateCaseHealth.class, Direction.RECEIVED, 2, Ttl.HUB_QUEUE),
    RS_EDA_MAJ("RS-EDA-MAJ", "createCaseHealthUpdate", CreateCaseHealthUpdate.class, Direction.RECEIVED, 2, Ttl.HUB_QUEUE),
    RS_ER("RS-ER", "resourcesEngagement", ResourcesEngagement.class, Direction.RECEIVED, 2, Ttl.HUB_QUEUE),
    RS_RI("RS-RI", "resourcesInfo", ResourcesInfo.class, Direction.BOTH, 0, Ttl.HUB_QUEUE),
    RS_SR("RS-SR", "resourcesStatus", ResourcesStatus.class, Direction.SENT, 0, Ttl.HUB_QUEUE),
    // a position is stale within minutes
    GEO_POS("GEO-POS", "geoPositionsUpdate", GeoPositionsUpdate.class, Direction.SENT, 2, Duration.ofMinutes(5)),
    RS_URL("RS-URL", "documentLink", DocumentLink.class, Direction.SENT, 1, Ttl.HUB_QUEUE),
    RS_BPV("RS-BPV", "interventionReport", InterventionReport.class, Direction.SENT, 1, Ttl.HUB_QUEUE),
    RS_RPIS("RS-RPIS", "rpis", Rpis.class, Direction.SENT, 1, Ttl.HUB_QUEUE),
    GEO_REQ("GEO-REQ", "geoResourcesRequest", GeoResourcesRequest.class, Direction.RECEIVED, 2, Ttl.HUB_QUEUE),
    GEO_RES("GEO-RES", "geoResourcesDetails", GeoResourcesDetails.class, Direction.SENT, 2, Ttl.HUB_QUEUE),
    RC_REF("RC-REF", "reference", Reference.class, Direction.BOTH, 0, Ttl.HUB_QUEUE),
    RS_ERROR("RS-ERROR", "error", HubError.class, Direction.RECEIVED, 0, Ttl.HUB_QUEUE);

    public enum Direction { RECEIVED, SENT, BOTH }

    /** The Hub keeps a message 24 h in a recipient's queue: longer is never useful. */
    private static final class Ttl {
        static final Duration HUB_QUEUE = Duration.ofHours(24);
    }

    /** Use-case keys of the Hub that this client recognises but does not handle on the 15-SMUR link. */
    public static final Set<String> OTHER_HUB_KEYS = Set.of("technical", "technicalNoreq", "distributionElement",
            "createCase", "emsi", "resourcesInfoCisu", "resourcesRequest", "resourcesResponse",
            "appointment", "customContent");

    private static final Map<String, MessageType> BY_KEY =
            Stream.of(values()).collect(Collectors.toUnmodifiableMap(MessageType::key, Function.identity()));
    private static final Map<Class<?>, MessageType> BY_CLASS =
            Stream.of(values()).collect(Collectors.toUnmodifiableMap(MessageType::payloadClass, Function.identity()));

    private final String code;
    private final String key;
    private final Class<? extends Payload> payloadClass;
    private final Direction direction;
    private final int outboxPriority;
    private final Duration expiry;

    MessageType(String code, String key, Class<? extends Payload> payloadClass, Direction direction, int outboxPriority,
                Duration expiry) {
        this.code = code;
        this.key = key;
        this.payloadClass = payloadClass;
        this.direction = direction;
        this.outboxPriority = outboxPriority;
        this.expiry = expiry;
    }

    /** Among messages free to leave the outbox: engagement replies, statuses and acknowledgements (0) first. */
    public int outboxPriority() {
        return outboxPriority;
    }

    /** How long a message of this type stays worth delivering ({@code dateTimeExpires}, the Hub's only TTL). */
    public Duration expiry() {
        return expiry;
    }

    /** The case a payload of this type is about (null for those that name none). */
    public String caseId(Payload payload) {
        return switch (this) {
            case RS_EDA -> ((CreateCaseHealth) payload).caseId();
            case RS_EDA_MAJ -> ((CreateCaseHealthUpdate) payload).caseId();
            case RS_ER -> ((ResourcesEngagement) payload).caseId();
            case RS_RI -> ((ResourcesInfo) payload).caseId();
            case RS_SR -> ((ResourcesStatus) payload).caseId();
            case RS_URL -> ((DocumentLink) payload).caseId();
            case RS_BPV -> ((InterventionReport) payload).caseId();
            case GEO_POS, RS_RPIS, GEO_REQ, GEO_RES, RC_REF, RS_ERROR -> null;
        };
    }

    /**
     * The keys a message of this type is ordered by: it never leaves before an earlier message sharing one
     * (its case, its resource...). {@code distributionId}: for a type that has no such key, its own.
     */
    public Set<String> orderKeys(Payload payload, String distributionId) {
        Set<String> keys = new LinkedHashSet<>();
        switch (this) {
            case RS_SR -> {
                ResourcesStatus status = (ResourcesStatus) payload;
                keys.add("case:" + status.caseId());
                keys.add("resource:" + status.resourceId());
            }
            case RS_RI -> {
                ResourcesInfo info = (ResourcesInfo) payload;
                keys.add("case:" + info.caseId());
                info.resource().forEach(r -> keys.add("resource:" + r.resourceId()));
            }
            case RS_URL, RS_BPV, RS_EDA, RS_EDA_MAJ, RS_ER -> keys.add("case:" + caseId(payload));
            case RS_RPIS -> {
                Rpis rpis = (Rpis) payload;
                keys.add("rpis:" + rpis.context().orgId() + "." + rpis.context().senderCaseId());
            }
            case GEO_POS -> ((GeoPositionsUpdate) payload).position().forEach(p -> keys.add("position:" + p.resourceId()));
            case RC_REF -> keys.add("reference:" + ((Reference) payload).distributionID());
            // A refusal's error report and its RC-REF share the key: the report the RC-REF names leaves first.
            case RS_ERROR -> keys.add("reference:" + ((HubError) payload).referencedDistributionID());
            case GEO_REQ, GEO_RES -> keys.add("other:" + distributionId);
        }
        return keys;
    }

    /** The model's name, e.g. {@code RS-SR}. */
    public String code() {
        return code;
    }

    /** The use-case key inside {@code message}, e.g. {@code resourcesStatus}. */
    public String key() {
        return key;
    }

    public Class<? extends Payload> payloadClass() {
        return payloadClass;
    }

    public Direction direction() {
        return direction;
    }

    public boolean isSentByTablet() {
        return direction != Direction.RECEIVED;
    }

    /** Error reports carry no RC-DE header; every other type must. */
    public boolean hasHeader() {
        return this != RS_ERROR;
    }

    /** The distribution kind such a message travels with (it decides the recipient queue). */
    public DistributionKind defaultKind() {
        return switch (this) {
            case RC_REF -> DistributionKind.ACK;
            case RS_ERROR -> DistributionKind.ERROR;
            case RS_EDA, RS_EDA_MAJ, RS_ER, RS_RI, RS_SR, GEO_POS, RS_URL, RS_BPV, RS_RPIS, GEO_REQ, GEO_RES -> DistributionKind.REPORT;
        };
    }

    /** Acks and errors are never acknowledged with an RC-REF. */
    public boolean needsReference() {
        return defaultKind() != DistributionKind.ACK && defaultKind() != DistributionKind.ERROR;
    }

    public static Optional<MessageType> ofKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    public static Optional<MessageType> ofCode(String code) {
        return Stream.of(values()).filter(t -> t.code.equalsIgnoreCase(code)).findFirst();
    }

    /** The type a payload is sent as (one place: the type is declared by its payload class here). */
    public static MessageType of(Payload payload) {
        MessageType type = BY_CLASS.get(payload.getClass());
        if (type == null) {
            throw new IllegalArgumentException("not a Hub payload: " + payload.getClass().getName());
        }
        return type;
    }

    @Override
    public String toString() {
        return code;
    }
}
