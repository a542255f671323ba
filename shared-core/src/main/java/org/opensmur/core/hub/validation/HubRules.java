package org.opensmur.core.hub.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.opensmur.core.hub.message.Header;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.validation.ValidationIssue.Kind;

/**
 * The rules beyond the schema, in three layers that must not be confused:
 * <ul>
 *   <li>{@link #dispatcher}: what the Hub's dispatcher itself enforces on the envelope before routing
 *       (its {@code MessageUtils} checks). A message that breaks them never reaches anyone.</li>
 *   <li>{@link #forwarded}: what a message the Hub forwarded to us can be refused for: the dispatcher's
 *       rules, addressed to us, and one content object. The RC-DE header's own fields are read, never
 *       judged: official peers fill them otherwise (the SDK's acknowledgement helper names the original
 *       sender as {@code sender}; the ANS test LRM puts a display name there) and the Hub forwards them.</li>
 *   <li>{@link #check}: what we hold our own messages to before sending (the dispatcher's rules plus the
 *       DST's conventions), so a refusal never costs a round trip through {@code .info}.</li>
 * </ul>
 */
public final class HubRules {

    /** The Hub recovers ids with {@code [\w._-]+}; anything else makes its error reports unusable. */
    private static final Pattern ID_CHARS = Pattern.compile("^[A-Za-z0-9._-]+$");
    private static final String HEALTH_PREFIX = "fr.health";
    private static final String HEADER = "$.content[0].jsonContent.embeddedJsonContent.message";

    private HubRules() {
    }

    /** Before sending: the dispatcher's rules and the DST's conventions. */
    public static List<ValidationIssue> check(HubMessage message) {
        List<ValidationIssue> issues = new ArrayList<>(dispatcher(message));
        String id = message.distributionID();
        if (!id.startsWith(message.senderID() + "_") || id.length() == message.senderID().length() + 1) {
            issues.add(new ValidationIssue("$.distributionID", Kind.HUB_RULE, id,
                    "must be '<senderID>_<unique id>' with senderID " + message.senderID() + " (Hub error 300)"));
        }
        if (!ID_CHARS.matcher(id).matches()) {
            issues.add(new ValidationIssue("$.distributionID", Kind.HUB_RULE, id, "may only use letters, digits, '.', '_' and '-'"));
        }
        if (!message.dateTimeExpires().isAfter(message.dateTimeSent())) {
            issues.add(new ValidationIssue("$.dateTimeExpires", Kind.HUB_RULE, null, "must be after dateTimeSent"));
        }
        issues.addAll(conventions(message));
        if (message.content().size() != 1) {
            issues.add(new ValidationIssue("$.content", Kind.HUB_RULE, null, "must hold exactly one content object"));
        }
        // The distributionID rule is written twice when both layers see it: keep one.
        return issues.stream().distinct().toList();
    }

    /**
     * What the Hub's dispatcher refuses before routing: neither party a health actor (501), a
     * distributionID whose part before the first '_' is not the senderID (300). The routing key equals the
     * senderID (200): the Hub vouches for the senderID of what it forwards, and nothing else.
     */
    public static List<ValidationIssue> dispatcher(HubMessage message) {
        List<ValidationIssue> issues = new ArrayList<>();
        String sender = message.senderID();
        String id = message.distributionID();
        int underscore = id.indexOf('_');
        if (!(underscore < 0 ? id : id.substring(0, underscore)).equals(sender)) {
            issues.add(new ValidationIssue("$.distributionID", Kind.HUB_RULE, id,
                    "must be '<senderID>_<unique id>' with senderID " + sender + " (Hub error 300)"));
        }
        if (!sender.startsWith(HEALTH_PREFIX) && !message.recipientID().startsWith(HEALTH_PREFIX)) {
            issues.add(new ValidationIssue("$.senderID", Kind.HUB_RULE, sender,
                    "neither sender nor recipient is a health actor (fr.health...) (Hub error 501)"));
        }
        return issues;
    }

    /**
     * What a message received from the Hub may be refused for: the dispatcher's rules (what breaks them did
     * not come through the Hub), addressed to {@code recipient} (the Hub routes by that address; null when
     * the receiver does not say who it is), and exactly one content object (the 15-SMUR link carries one:
     * a second would be ignored, so it is refused rather than lost).
     */
    public static List<ValidationIssue> forwarded(HubMessage message, String recipient) {
        List<ValidationIssue> issues = new ArrayList<>(dispatcher(message));
        if (recipient != null && !recipient.equals(message.recipientID())) {
            issues.add(new ValidationIssue("$.descriptor.explicitAddress.explicitAddressValue", Kind.HUB_RULE,
                    message.recipientID(), "is not this client (" + recipient + "): the Hub routes by this address"));
        }
        if (message.content().size() != 1) {
            issues.add(new ValidationIssue("$.content", Kind.HUB_RULE, null, "must hold exactly one content object"));
        }
        return issues;
    }

    /**
     * The DST's conventions for the RC-DE header (messageId, sender, kind and recipient mirroring the
     * envelope). Neither the schema nor the Hub checks them, and official software breaks some: we follow
     * them in what we send and only report them in what others send.
     */
    public static List<ValidationIssue> conventions(HubMessage message) {
        List<ValidationIssue> issues = new ArrayList<>();
        Header header = message.header();
        if (header == null) {
            return issues;
        }
        if (!message.distributionID().equals(header.messageId())) {
            issues.add(new ValidationIssue(HEADER + ".messageId", Kind.HUB_RULE, header.messageId(), "must equal the distributionID"));
        }
        if (!message.senderID().equals(header.sender().name())) {
            issues.add(new ValidationIssue(HEADER + ".sender.name", Kind.HUB_RULE, header.sender().name(), "must equal the senderID"));
        }
        if (header.kind() != message.distributionKind()) {
            issues.add(new ValidationIssue(HEADER + ".kind", Kind.HUB_RULE, header.kind().code(), "must equal the distributionKind"));
        }
        if (!header.recipient().get(0).name().equals(message.recipientID())) {
            issues.add(new ValidationIssue(HEADER + ".recipient[0].name", Kind.HUB_RULE, header.recipient().get(0).name(),
                    "must be the explicit address of the envelope"));
        }
        return issues;
    }
}
