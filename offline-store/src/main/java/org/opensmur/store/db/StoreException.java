package org.opensmur.store.db;

/** The store cannot do what was asked; the message says why in words a person can act on. */
public final class StoreException extends RuntimeException {

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

    public StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public StoreException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public StoreException(String message, Throwable cause) {
        this(Kind.OTHER, message, cause);
    }

    public StoreException(String message) {
        this(Kind.OTHER, message);
    }

    public Kind kind() {
        return kind;
    }
}
