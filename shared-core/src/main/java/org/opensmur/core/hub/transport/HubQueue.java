package org.opensmur.core.hub.transport;

import org.opensmur.core.hub.message.DistributionKind;

/** The three queues the Hub creates for each client (declared passively, never created by the client). */
public enum HubQueue {
    /** Functional messages (Report, Update, Cancel). */
    MESSAGE("message"),
    /** Final-reception acknowledgements (RC-REF, kind Ack). */
    ACK("ack"),
    /** Error reports from the Hub or partners (kind Error). */
    INFO("info");

    private final String suffix;

    HubQueue(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }

    /** The Hub's routing rule: the queue a message of this kind is delivered to. */
    public static HubQueue of(DistributionKind kind) {
        return switch (kind) {
            case ACK -> ACK;
            case ERROR -> INFO;
            case REPORT, UPDATE, CANCEL -> MESSAGE;
        };
    }
}
