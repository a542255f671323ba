package org.opensmur.core.hub.message;

import org.opensmur.core.hub.model.Required;

/** Recipient address: scheme {@code hubex} and the recipient's client id. */
public record ExplicitAddress(@Required String explicitAddressScheme, @Required String explicitAddressValue) {
    public static ExplicitAddress hubex(String clientId) {
        return new ExplicitAddress("hubex", clientId);
    }
}
