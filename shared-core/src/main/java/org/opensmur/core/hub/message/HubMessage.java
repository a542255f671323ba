package org.opensmur.core.hub.message;

import org.opensmur.core.hub.model.Payload;
import java.time.OffsetDateTime;
import java.util.List;
import org.opensmur.core.hub.model.AnyDateTime;
import org.opensmur.core.hub.model.Items;
import org.opensmur.core.hub.model.Required;

/**
 * A whole Hub message: the EDXL-DE envelope with its single content object. This is exactly what goes on
 * the wire (see {@code HubCodec}); the accessors below save callers the EDXL nesting.
 */
public record HubMessage(
        @Required String distributionID,
        @Required String senderID,
        @Required @AnyDateTime OffsetDateTime dateTimeSent,
        @Required @AnyDateTime OffsetDateTime dateTimeExpires,
        @Required DistributionStatus distributionStatus,
        @Required DistributionKind distributionKind,
        @Required Descriptor descriptor,
        @Required @Items(min = 1) List<ContentObject> content) {

    public Message message() {
        return content.get(0).jsonContent().embeddedJsonContent().message();
    }

    public Payload payload() {
        return message().payload();
    }

    /** RC-DE header, or null for error reports, which have none. */
    public Header header() {
        return message().header();
    }

    public MessageType type() {
        return message().type();
    }

    /** The case this message is about, as its type keys it (null for a type about no case). */
    public String caseId() {
        return type().caseId(payload());
    }

    public String recipientID() {
        return descriptor.explicitAddress().explicitAddressValue();
    }

    public static List<ContentObject> contentOf(Message message) {
        return List.of(new ContentObject(new ContentObject.JsonContent(new ContentObject.EmbeddedJsonContent(message))));
    }
}
