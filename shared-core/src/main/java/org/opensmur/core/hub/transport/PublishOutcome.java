package org.opensmur.core.hub.transport;

/**
 * How one publication ended. Only {@link Confirmed} means the broker has the message (persisted in the
 * Hub's dispatch queue); {@link Nacked} and {@link Unknown} mean "not sent": publish it again later with
 * the same distributionID.
 */
public sealed interface PublishOutcome {

    String distributionId();

    record Confirmed(String distributionId) implements PublishOutcome {
    }

    record Nacked(String distributionId) implements PublishOutcome {
    }

    /** The connection or channel went away (or the confirm took too long) before the broker answered. */
    record Unknown(String distributionId, String reason) implements PublishOutcome {
    }

    default boolean isConfirmed() {
        return this instanceof Confirmed;
    }
}
