package org.opensmur.hubsim.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.error.ErrorCode;
import org.opensmur.core.hub.error.ErrorStatus;
import org.opensmur.core.hub.error.HubError;
import org.opensmur.core.hub.message.DistributionKind;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.outgoing.OutgoingMessages;

/** Error reports as the Hub writes them: from {@code fr.health.hub}, kind Error, no RC-DE header. */
final class HubErrors {

    static final String HUB_ID = HubError.HUB_ID;
    /** The Hub's own way to find the id in a message it cannot read ({@code extractDistributionId}). */
    private static final Pattern DISTRIBUTION_ID = Pattern.compile("\"distributionID\"\\s*:\\s*\"([\\w._-]+)\"");
    private static final int MAX_QUOTED_BYTES = 64 * 1024;

    private final OutgoingMessages hub;
    private final HubCodec codec;

    HubErrors(HubCodec codec, Clock clock) {
        this.codec = codec;
        this.hub = OutgoingMessages.of(HUB_ID, clock);
    }

    HubMessage report(ErrorCode code, String cause, byte[] body, JsonNode parsed, String recipient) {
        ObjectNode source = parsed instanceof ObjectNode object && body.length <= MAX_QUOTED_BYTES ? object : null;
        HubError error = new HubError(new ErrorStatus(code.statusCode(), code.statusString()), cause, source, referencedId(body));
        return hub.build(error, recipient, DistributionKind.ERROR).orElseThrow();
    }

    static String referencedId(byte[] body) {
        Matcher m = DISTRIBUTION_ID.matcher(new String(body, 0, Math.min(body.length, MAX_QUOTED_BYTES), java.nio.charset.StandardCharsets.UTF_8));
        return m.find() ? m.group(1) : HubError.UNKNOWN_DISTRIBUTION_ID;
    }

    byte[] encode(HubMessage report) {
        return codec.encode(report);
    }
}
