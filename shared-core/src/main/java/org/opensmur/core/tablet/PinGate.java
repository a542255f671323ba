package org.opensmur.core.tablet;

import java.time.Duration;

/**
 * The tablet's PIN lock as the unlock screen asks it (the offline store's {@code PinLock} implements it):
 * whether a PIN was chosen, what a new one must avoid, a try and what it gave, the wait after wrong ones.
 * Choosing and trying derive a key (half a second by design): called off the UI thread. {@code K} is what
 * opens the store: handed on to the composition root, never read by a screen.
 */
public interface PinGate<K> {

    int MIN_DIGITS = 6;

    /** What one try gave: the key, a wrong PIN (and the wait before the next), or a try refused as too early. */
    sealed interface Attempt<K> {
        record Opened<K>(K keys) implements Attempt<K> {
        }

        record Wrong<K>(int failures, Duration nextTryIn) implements Attempt<K> {
        }

        record TooSoon<K>(Duration nextTryIn) implements Attempt<K> {
        }
    }

    /** Why a PIN cannot be chosen. */
    enum PinProblem {
        TOO_SHORT("at least " + MIN_DIGITS + " digits"),
        NOT_DIGITS("digits only"),
        ONE_DIGIT_REPEATED("not the same digit repeated"),
        COMMON("not a run (123456), a repeated pattern (121212, 123123) or a keypad line (159753)");

        private final String rule;

        PinProblem(String rule) {
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }

    /** Whether a PIN was chosen; if not, the crew chooses one first. */
    boolean isSetUp();

    /** Why {@code pin} cannot be chosen, or null. */
    PinProblem problemWith(char[] pin);

    /** The first PIN: what opens the store with it (slow). */
    K choose(char[] pin);

    /** Tries {@code pin} (slow). */
    Attempt<K> unlock(char[] pin);

    /** How long before the next try is taken (zero: now). */
    Duration waitBeforeNextTry();
}
