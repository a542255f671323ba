package org.opensmur.core.hub.message;

import org.opensmur.core.hub.model.Payload;
/**
 * The {@code message} object: an RC-DE header (absent for error reports) and exactly one use case.
 * On the wire the header fields and the use-case key are siblings; the codec flattens them.
 */
public record Message(Header header, Payload payload) {
    public MessageType type() {
        return MessageType.of(payload);
    }
}
