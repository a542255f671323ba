package org.opensmur.core.tablet;

/**
 * The tablet's storage cannot do what was asked (thrown by the ports' implementations): its {@link Kind}
 * is what a screen says in the crew's words; the message says why in words a person can act on (never
 * shown to the crew: it may name files).
 */
public class StorageProblem extends RuntimeException {

    /** What went wrong, so that a screen can say it in the crew's words. */
    public enum Kind {
        /** The device has no space left: nothing more can be saved until some is freed. */
        FULL,
        /** Another program holds the database: nothing was lost, try again. */
        LOCKED,
        /** The file is damaged: left untouched, salvage copies its readable rows. */
        DAMAGED,
        /** The database file was deleted or replaced under the tablet, or is missing while its key exists. */
        MISSING,
        /** The PIN or the secret does not open the store's key (or the key file was altered). */
        WRONG_SECRET,
        /** Written by a newer version of the tablet. */
        NEWER_VERSION,
        /** Anything else (the message names it). */
        OTHER
    }

    private final Kind kind;

    public StorageProblem(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public StorageProblem(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
