package org.opensmur.core.hub.model;

/**
 * A use-case object: the one key next to the RC-DE header inside {@code message}. Its type is
 * {@code MessageType.of(payload)}: the message layer knows the payloads, never the other way round.
 */
public interface Payload {
}
