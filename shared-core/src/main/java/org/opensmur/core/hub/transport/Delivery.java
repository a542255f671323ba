package org.opensmur.core.hub.transport;

/** One message taken from a Hub queue. {@code redelivered}: the broker may have given it to us before. */
public record Delivery(HubQueue queue, byte[] body, String contentType, boolean redelivered) {
}
