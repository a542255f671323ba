package org.opensmur.store.db;

import org.opensmur.core.tablet.StorageProblem;

/**
 * The store cannot do what was asked; the message says why in words a person can act on. What the core and
 * the screens catch is the core's {@link StorageProblem} (its {@link StorageProblem.Kind}).
 */
public final class StoreException extends StorageProblem {

    public StoreException(Kind kind, String message, Throwable cause) {
        super(kind, message, cause);
    }

    public StoreException(Kind kind, String message) {
        super(kind, message);
    }

    public StoreException(String message, Throwable cause) {
        this(Kind.OTHER, message, cause);
    }

    public StoreException(String message) {
        this(Kind.OTHER, message);
    }
}
