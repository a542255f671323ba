package org.opensmur.store.testing;

import java.security.SecureRandom;
import java.time.Duration;
import org.opensmur.signing.Argon2Kdf;
import org.opensmur.store.crypto.KeyCosts;
import org.opensmur.store.crypto.StoreKeyProvider;

/**
 * The store's key for the tests that open stores but are not about what a guess costs: Argon2id at 8 KiB and
 * one pass (microseconds instead of 0.1 to 3 s a store), passed in code through {@link KeyCosts}. The tests
 * about the cost keep production's ({@code StoreKeyTest}'s calibration and lowered-cost tests,
 * {@code PinCostBenchmark}).
 */
public final class TestKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** 8 KiB, one pass, one lane: the least Argon2id takes. */
    public static final KeyCosts CHEAP = new KeyCosts() {
        @Override
        public Argon2Kdf forPin(Duration guessCost) {
            return cheap();
        }

        @Override
        public Argon2Kdf forSecret() {
            return cheap();
        }

        @Override
        public String toString() {
            return "cheap key costs (tests)";
        }
    };

    private TestKeys() {
    }

    /** A store opened by {@code secret}, its key wrapped at the cheap cost. */
    public static StoreKeyProvider secret(String secret) {
        return secret(secret.toCharArray());
    }

    public static StoreKeyProvider secret(char[] secret) {
        return StoreKeyProvider.secret(secret, CHEAP);
    }

    private static Argon2Kdf cheap() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new Argon2Kdf(8, 1, 1, salt);
    }
}
