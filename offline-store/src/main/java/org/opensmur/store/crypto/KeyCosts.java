package org.opensmur.store.crypto;

import java.time.Duration;
import org.opensmur.signing.Argon2Kdf;

/**
 * How dear a new wrapping of the store's key makes a guess: the Argon2id cost chosen when a PIN is set or a
 * secret first opens a store. Production's ({@link #PRODUCTION}) unless code passes another: the tests that are
 * not about the cost pass a cheap one through this seam, in code, never through a setting, so no configuration
 * can lower it. A key file keeps its cost and binds it to the wrapping: a store opens at the cost it was created
 * with whatever is passed here, and a file whose cost was lowered afterwards opens nothing.
 */
public interface KeyCosts {

    /** The cost for a new PIN: one guess lasting at least {@code guessCost} on this device. */
    Argon2Kdf forPin(Duration guessCost);

    /** The cost for a secret a machine wrote (file:). */
    Argon2Kdf forSecret();

    /** Production's: the PIN's calibrated here (64 MiB, never fewer than 3 passes), a secret's at OWASP's minimum. */
    KeyCosts PRODUCTION = new KeyCosts() {
        @Override
        public Argon2Kdf forPin(Duration guessCost) {
            return Argon2Kdf.calibratedForPin(guessCost);
        }

        @Override
        public Argon2Kdf forSecret() {
            return Argon2Kdf.forSecret();
        }

        @Override
        public String toString() {
            return "production key costs";
        }
    };
}
