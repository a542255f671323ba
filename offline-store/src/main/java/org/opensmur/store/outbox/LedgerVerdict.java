package org.opensmur.store.outbox;

/** What the delivery ledger made of an RC-REF or an error report about one of the tablet's messages. */
public enum LedgerVerdict {
    /** The message's state moved. */
    APPLIED,
    /** From the right party, but the broker has not confirmed the row yet: kept, applied once it is sent. */
    HELD_UNTIL_SENT,
    /** Nothing to change (the state was already further, or final). */
    NO_CHANGE,
    /** No such message of ours (purged, or never sent by this tablet). */
    UNKNOWN_MESSAGE,
    /** From a party the message did not go to (nor the Hub, for an error report): ignored. */
    UNEXPECTED_SENDER;

    /** Ignored as untrustworthy: the crew's log says so. */
    public boolean ignored() {
        return this == UNEXPECTED_SENDER;
    }
}
