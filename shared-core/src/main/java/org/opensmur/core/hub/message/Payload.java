package org.opensmur.core.hub.message;

/** A use-case object: the one key next to the RC-DE header inside {@code message}. */
public interface Payload {
    default MessageType type() {
        return MessageType.of(this);
    }
}
