package org.opensmur.core.hub.message;

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

/** The Hub message types the 15-SMUR tablet handles, keyed by their use-case key inside {@code message}. */
public enum MessageType {
    RS_EDA("RS-EDA", "createCaseHealth", CreateCaseHealth.class, Direction.RECEIVED),
    RS_EDA_MAJ("RS-EDA-MAJ", "createCaseHealthUpdate", CreateCaseHealthUpdate.class, Direction.RECEIVED),
    RS_ER("RS-ER", "resourcesEngagement", ResourcesEngagement.class, Direction.RECEIVED),
    RS_RI("RS-RI", "resourcesInfo", ResourcesInfo.class, Direction.BOTH),
    RS_SR("RS-SR", "resourcesStatus", ResourcesStatus.class, Direction.SENT),
    GEO_POS("GEO-POS", "geoPositionsUpdate", GeoPositionsUpdate.class, Direction.SENT),
    RS_URL("RS-URL", "documentLink", DocumentLink.class, Direction.SENT),
    RS_BPV("RS-BPV", "interventionReport", InterventionReport.class, Direction.SENT),
    RS_RPIS("RS-RPIS", "rpis", Rpis.class, Direction.SENT),
    GEO_REQ("GEO-REQ", "geoResourcesRequest", GeoResourcesRequest.class, Direction.RECEIVED),
    GEO_RES("GEO-RES", "geoResourcesDetails", GeoResourcesDetails.class, Direction.SENT),
    RC_REF("RC-REF", "reference", Reference.class, Direction.BOTH),
    RS_ERROR("RS-ERROR", "error", HubError.class, Direction.RECEIVED);

    public enum Direction { RECEIVED, SENT, BOTH }

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

    MessageType(String code, String key, Class<? extends Payload> payloadClass, Direction direction) {
        this.code = code;
        this.key = key;
        this.payloadClass = payloadClass;
        this.direction = direction;
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
            default -> DistributionKind.REPORT;
        };
    }

    /** Acks and errors are never acknowledged with an RC-REF. */
    public boolean needsReference() {
        return this != RC_REF && this != RS_ERROR;
    }

    public static Optional<MessageType> ofKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    public static Optional<MessageType> ofCode(String code) {
        return Stream.of(values()).filter(t -> t.code.equalsIgnoreCase(code)).findFirst();
    }

    static MessageType of(Payload payload) {
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
