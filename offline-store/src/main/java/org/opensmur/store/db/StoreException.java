package org.opensmur.store.db;

/** The store cannot do what was asked; the message says why in words a person can act on. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
