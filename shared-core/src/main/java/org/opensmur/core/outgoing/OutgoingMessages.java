package org.opensmur.core.outgoing;

import org.opensmur.core.hub.message.MessageType;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.opensmur.core.bilan.InterventionReport;
import org.opensmur.core.document.Document;
import org.opensmur.core.document.DocumentLink;
import org.opensmur.core.document.DocumentType;
import org.opensmur.core.geo.GeoPositionsUpdate;
import org.opensmur.core.geo.GeoResource;
import org.opensmur.core.geo.GeoResourcesDetails;
import org.opensmur.core.geo.Position;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.codec.HubDates;
import org.opensmur.core.hub.error.ErrorCode;
import org.opensmur.core.hub.error.ErrorStatus;
import org.opensmur.core.hub.error.HubError;
import org.opensmur.core.hub.message.Descriptor;
import org.opensmur.core.hub.message.DistributionKind;
import org.opensmur.core.hub.message.DistributionStatus;
import org.opensmur.core.hub.message.ExplicitAddress;
import org.opensmur.core.hub.message.Header;
import org.opensmur.core.hub.message.HeaderStatus;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.Message;
import org.opensmur.core.hub.message.Party;
import org.opensmur.core.hub.model.Payload;
import org.opensmur.core.hub.validation.HubRules;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.hub.validation.ValidationIssue;
import org.opensmur.core.mission.ResourceInfo;
import org.opensmur.core.mission.ResourcesInfo;
import org.opensmur.core.reference.Reference;
import org.opensmur.core.reference.ReferenceStep;
import org.opensmur.core.rpis.Rpis;
import org.opensmur.core.status.ResourceState;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.status.ResourcesStatus;

/**
 * Builds every message the tablet sends, complete with envelope and header, and validates it (schema
 * rules and Hub dispatcher rules) before anyone can queue it. The distributionID is minted here, once.
 */
public final class OutgoingMessages {

    private final String clientId;
    private final Clock clock;
    private final Supplier<String> uniqueIds;
    private final Expiry expiry;
    private final DistributionStatus distributionStatus;
    private final HubCodec codec;

    /**
     * @param clientId           the tablet's Hub client id (= routing key = senderID)
     * @param distributionStatus {@code Actual}, or {@code Exercise} for training
     */
    public OutgoingMessages(String clientId, Clock clock, Supplier<String> uniqueIds, Expiry expiry,
                            DistributionStatus distributionStatus, HubCodec codec) {
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clock = clock;
        this.uniqueIds = uniqueIds;
        this.expiry = expiry;
        this.distributionStatus = distributionStatus;
        this.codec = codec;
    }

    /** The builders of a tablet on a vhost of {@code line}: its messages take that line's shape and rules. */
    public static OutgoingMessages of(String clientId, Clock clock, ModelLine line) {
        return new OutgoingMessages(clientId, clock, () -> UUID.randomUUID().toString(), Expiry.defaults(),
                DistributionStatus.ACTUAL, HubCodec.of(line));
    }

    public static OutgoingMessages of(String clientId, Clock clock) {
        return new OutgoingMessages(clientId, clock, () -> UUID.randomUUID().toString(), Expiry.defaults(),
                DistributionStatus.ACTUAL, new HubCodec());
    }

    public String clientId() {
        return clientId;
    }

    public HubCodec codec() {
        return codec;
    }

    /** RS-RI: the reply to an RS-ER, carrying the resource id the tablet minted for its vehicle. */
    public Built engagementReply(String caseId, ResourceInfo engagedResource, String lrmId) {
        return build(new ResourcesInfo(caseId, List.of(engagedResource)), lrmId, DistributionKind.REPORT);
    }

    /** RS-SR: a status tapped by the crew; {@code tappedAt} is the tap time, whenever the message leaves. */
    public Built statusChange(String caseId, String resourceId, ResourceStatus status, OffsetDateTime tappedAt,
                              Boolean available, String lrmId) {
        // The wire keeps whole seconds; keep the record equal to what the LRM will read.
        ResourceState state = new ResourceState(tappedAt.truncatedTo(ChronoUnit.SECONDS), status, available);
        return build(new ResourcesStatus(caseId, resourceId, state), lrmId, DistributionKind.REPORT);
    }

    /** GEO-POS: one or more position fixes. */
    public Built positions(List<Position> fixes, String lrmId) {
        return build(new GeoPositionsUpdate(List.copyOf(fixes)), lrmId, DistributionKind.REPORT);
    }

    /** GEO-RES: the description of resources, the answer to a GEO-REQ from {@code requesterId}. */
    public Built geoResources(List<GeoResource> resources, String requesterId) {
        return build(new GeoResourcesDetails(List.copyOf(resources)), requesterId, DistributionKind.REPORT);
    }

    /** RS-URL: one document link. */
    public Built documentLink(String caseId, String patientId, DocumentType type, String url, String lrmId) {
        return documentLinks(caseId, patientId, List.of(new Document(type.code(), url)), lrmId);
    }

    /** RS-URL with several documents at once (the photos and scans of one scene). */
    public Built documentLinks(String caseId, String patientId, List<Document> documents, String lrmId) {
        return documentLinks(caseId, patientId, documents, null, lrmId);
    }

    /** RS-URL with several documents and the access code the recipient needs to open them (model 3; null: none). */
    public Built documentLinks(String caseId, String patientId, List<Document> documents, String code, String lrmId) {
        return build(new DocumentLink(caseId, patientId, code, documents), lrmId, DistributionKind.REPORT);
    }

    /** RS-BPV: the physician's bilan. */
    public Built bilan(InterventionReport report, String lrmId) {
        return build(report, lrmId, DistributionKind.REPORT);
    }

    /** RS-RPIS: one copy per recipient (ORU, and the LRM where configured), each with its own id. */
    public Built rpis(Rpis record, String recipientId) {
        return build(record, recipientId, DistributionKind.REPORT);
    }

    /**
     * RC-REF: final-reception acknowledgement of a received functional message, sent back to its sender.
     * Never for an Ack or an Error.
     */
    public Built reference(HubMessage received, ReferenceStep step) {
        if (!received.type().needsReference()) {
            throw new IllegalArgumentException("an " + received.type() + " is never acknowledged");
        }
        Reference reference = new Reference(received.distributionID(), null, null, step);
        return build(reference, received.senderID(), DistributionKind.ACK);
    }

    /**
     * RS-ERROR: tells the sender of a received functional message that the tablet refuses it ({@code code}
     * in the partners' 700 range). It goes to the sender's {@code .info}; the rejected message is not quoted
     * back ({@code sourceMessage} left out: it carries patient data the sender already has).
     */
    public Built errorReport(HubMessage received, ErrorCode code, String cause) {
        HubError error = new HubError(new ErrorStatus(code.statusCode(), code.statusString()), cause, null,
                received.distributionID());
        return build(error, received.senderID(), DistributionKind.ERROR);
    }

    /** RC-REF {@code refused}: the final answer to a refused message, naming the error report sent about it. */
    public Built refusal(HubMessage received, String errorDistributionId) {
        if (!received.type().needsReference()) {
            throw new IllegalArgumentException("an " + received.type() + " is never acknowledged");
        }
        Reference reference = new Reference(received.distributionID(), true, errorDistributionId, ReferenceStep.ERREUR);
        return build(reference, received.senderID(), DistributionKind.ACK);
    }

    /** Any payload, wrapped in a complete envelope addressed to {@code recipientId}, with its type's usual kind. */
    public Built build(Payload payload, String recipientId) {
        return build(payload, recipientId, MessageType.of(payload).defaultKind());
    }

    /** Any payload, wrapped in a complete envelope addressed to {@code recipientId}. */
    public Built build(Payload payload, String recipientId, DistributionKind kind) {
        OffsetDateTime now = HubDates.now(clock);
        String distributionId = clientId + "_" + uniqueIds.get();
        Header header = MessageType.of(payload).hasHeader()
                ? new Header(distributionId, Party.of(clientId), now, kind, headerStatus(), List.of(Party.of(recipientId)))
                : null;
        HubMessage message = new HubMessage(distributionId, clientId, now, now.plus(expiry.of(MessageType.of(payload))),
                distributionStatus, kind, new Descriptor("fr-FR", ExplicitAddress.hubex(recipientId)),
                HubMessage.contentOf(new Message(header, payload)));
        return check(message);
    }

    /** Validates a message as the Hub would (schema on the encoded JSON, then dispatcher rules). */
    public Built check(HubMessage message) {
        List<ValidationIssue> issues = new ArrayList<>(codec.validator().validate(codec.toTree(message)).issues());
        if (issues.isEmpty()) {
            issues.addAll(HubRules.check(message));
        }
        return new Built(message, issues);
    }

    private HeaderStatus headerStatus() {
        return distributionStatus == DistributionStatus.EXERCISE ? HeaderStatus.EXERCISE : HeaderStatus.ACTUAL;
    }
}
