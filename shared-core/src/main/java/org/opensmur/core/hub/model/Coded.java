package org.opensmur.core.hub.model;

/**
 * A value of a Hub code list: the code sent on the wire and the French label shown to the crew.
 * Enums implementing it are validated against their codes and (de)serialised by code.
 */
public interface Coded {
    String code();

    String label();
}
