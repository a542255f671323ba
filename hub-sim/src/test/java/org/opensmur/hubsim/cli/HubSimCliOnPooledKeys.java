package org.opensmur.hubsim.cli;

import org.opensmur.core.testing.PooledRsaKeys;

/** {@link HubSimCli}'s command line in a test's child JVM, its RSA key pairs from the pool its system property names. */
public final class HubSimCliOnPooledKeys {

    private HubSimCliOnPooledKeys() {
    }

    public static void main(String[] args) {
        PooledRsaKeys.installFromSystemProperty();
        HubSimCli.main(args);
    }
}
