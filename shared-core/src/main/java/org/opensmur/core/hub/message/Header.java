package org.opensmur.core.hub.message;

import java.time.OffsetDateTime;
import java.util.List;
import org.opensmur.core.hub.model.Items;
import org.opensmur.core.hub.model.Required;

/** RC-DE header, written next to the use-case key inside {@code message}. */
public record Header(
        @Required String messageId,
        @Required Party sender,
        @Required OffsetDateTime sentAt,
        @Required DistributionKind kind,
        @Required HeaderStatus status,
        @Required @Items(min = 1) List<Party> recipient) {
}
