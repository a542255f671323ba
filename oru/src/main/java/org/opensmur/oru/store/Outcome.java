package org.opensmur.oru.store;

/** What receiving one RS-RPIS message did; {@code ./bin/oru import} prints it, one line per file. */
public enum Outcome {
    /** A record not seen before: stored. */
    STORED("stored"),
    /** A later version: fields added or superseded. */
    SUPERSEDED("superseded"),
    /** Another sender gives other values: flagged, not written over. */
    CONFLICT("conflict flagged"),
    /** A copy (the same distributionID again, or the same values under another): nothing changed. */
    DUPLICATE("duplicate"),
    /** An earlier version arriving after a later one: kept in the history, not applied. */
    OLDER("older version, kept in the history"),
    /** The same distributionID with other content: refused, the first one stands. */
    REUSED_ID("refused: distributionID already received with other content");

    private final String words;

    Outcome(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    /** A message the Hub client must treat as new (RC-REF RECU then INTEGRE), not a redelivery. */
    public boolean isNewMessage() {
        return this != REUSED_ID;
    }
}
