package org.opensmur.core.hub.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.opensmur.core.hub.message.Header;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.validation.ValidationIssue.Kind;

/**
 * The Hub dispatcher's checks beyond the schema, plus the DST's consistency rules, applied to a message
 * before it is sent (a refusal would cost a round trip through {@code .info}).
 */
public final class HubRules {

    /** The Hub recovers ids with {@code [\w._-]+}; anything else makes its error reports unusable. */
    private static final Pattern ID_CHARS = Pattern.compile("^[A-Za-z0-9._-]+$");
    private static final String HEALTH_PREFIX = "fr.health";

    private HubRules() {
    }

    public static List<ValidationIssue> check(HubMessage message) {
        List<ValidationIssue> issues = new ArrayList<>();
        String sender = message.senderID();
        String id = message.distributionID();
        if (!id.startsWith(sender + "_") || id.length() == sender.length() + 1) {
            issues.add(new ValidationIssue("$.distributionID", Kind.HUB_RULE, id,
                    "must be '<senderID>_<unique id>' with senderID " + sender + " (Hub error 300)"));
        }
        if (!ID_CHARS.matcher(id).matches()) {
            issues.add(new ValidationIssue("$.distributionID", Kind.HUB_RULE, id, "may only use letters, digits, '.', '_' and '-'"));
        }
        if (!sender.startsWith(HEALTH_PREFIX) && !message.recipientID().startsWith(HEALTH_PREFIX)) {
            issues.add(new ValidationIssue("$.senderID", Kind.HUB_RULE, sender,
                    "neither sender nor recipient is a health actor (fr.health...) (Hub error 501)"));
        }
        if (!message.dateTimeExpires().isAfter(message.dateTimeSent())) {
            issues.add(new ValidationIssue("$.dateTimeExpires", Kind.HUB_RULE, null, "must be after dateTimeSent"));
        }
        Header header = message.header();
        String at = "$.content[0].jsonContent.embeddedJsonContent.message";
        if (header != null) {
            if (!id.equals(header.messageId())) {
                issues.add(new ValidationIssue(at + ".messageId", Kind.HUB_RULE, header.messageId(), "must equal the distributionID"));
            }
            if (!sender.equals(header.sender().name())) {
                issues.add(new ValidationIssue(at + ".sender.name", Kind.HUB_RULE, header.sender().name(), "must equal the senderID"));
            }
            if (header.kind() != message.distributionKind()) {
                issues.add(new ValidationIssue(at + ".kind", Kind.HUB_RULE, header.kind().code(), "must equal the distributionKind"));
            }
            if (!header.recipient().get(0).name().equals(message.recipientID())) {
                issues.add(new ValidationIssue(at + ".recipient[0].name", Kind.HUB_RULE, header.recipient().get(0).name(),
                        "must be the explicit address of the envelope"));
            }
        }
        if (message.content().size() != 1) {
            issues.add(new ValidationIssue("$.content", Kind.HUB_RULE, null, "must hold exactly one content object"));
        }
        return issues;
    }
}
