package org.opensmur.core.hub.client;

import org.opensmur.core.hub.error.ErrorCode;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.reference.ReferenceStep;

/**
 * Sends the RC-REF of a received functional message at a step. The app's implementation goes through
 * the offline store (durable, and the same RC-REF again for a redelivery); tools publish directly.
 */
@FunctionalInterface
public interface Acknowledger {
    void acknowledge(HubMessage received, ReferenceStep step);

    /**
     * Refuses a received functional message: an error report to its sender ({@code .info}), then an RC-REF
     * with {@code refused} naming that report. {@code cause} names ids and rules, never contents.
     */
    default void refuse(HubMessage received, String cause) {
        refuse(received, ErrorCode.WRONG_MESSAGE_SEQUENCE, cause);
    }

    /** The same, with the error code that says why (702 a reused id, 703 a sender not entitled to it...). */
    default void refuse(HubMessage received, ErrorCode code, String cause) {
        throw new UnsupportedOperationException("this acknowledger cannot refuse " + received.distributionID());
    }
}
