package org.opensmur.oru.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * What stands before a password check: each check costs an Argon2 of ~19 MiB before anyone is logged in, so
 * only {@code concurrentChecks} run at once (beyond, the attempt is turned away at once, nothing computed);
 * and a name that failed {@link #FREE_FAILURES} times in a row is refused for a delay that doubles with each
 * further failure, whatever the password. Names are counted whether they exist or not: the refusal says
 * nothing of which names are users.
 */
public final class LoginThrottle {

    /** Failures before a name waits: a typo or two, never a guessing run. */
    public static final int FREE_FAILURES = 5;
    static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    static final Duration LONGEST_DELAY = Duration.ofMinutes(15);
    /** Names remembered at most: past it, those whose last failure is older than the longest delay are forgotten. */
    private static final int NAMES_KEPT = 10_000;

    /** The outcome of one attempt. */
    public sealed interface Attempt<T> {
        /** The check ran and said this. */
        record Checked<T>(T result) implements Attempt<T> {
        }

        /** Too many checks running: come back in a moment. */
        record Busy<T>() implements Attempt<T> {
        }

        /**
         * The name failed too often: refused without a check for {@code retryAfter} more; {@code first}: the
         * first refusal of this delay (worth the audit log; the next ones, cheap to send, are not).
         */
        record Locked<T>(Duration retryAfter, boolean first) implements Attempt<T> {
        }
    }

    private record Failures(int count, Instant last, Instant lockedUntil, boolean refused) {
    }

    private final Semaphore checks;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int concurrentChecks, Clock clock) {
        if (concurrentChecks < 1) {
            throw new IllegalArgumentException("at least one password check at a time");
        }
        this.checks = new Semaphore(concurrentChecks);
        this.clock = clock;
    }

    /**
     * Runs {@code check} for {@code name} unless the name is locked or the checks are all taken;
     * {@code check} says the password was right by a non-empty result ({@code succeeded}).
     */
    public <T> Attempt<T> attempt(String name, Supplier<T> check, java.util.function.Predicate<T> succeeded) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        Duration wait = lockedFor(key);
        if (!wait.isZero()) {
            boolean[] first = {false};
            failures.computeIfPresent(key, (k, f) -> {
                first[0] = !f.refused();
                return new Failures(f.count(), f.last(), f.lockedUntil(), true);
            });
            return new Attempt.Locked<>(wait, first[0]);
        }
        if (!checks.tryAcquire()) {
            return new Attempt.Busy<>();
        }
        T result;
        try {
            result = check.get();
        } finally {
            checks.release();
        }
        if (succeeded.test(result)) {
            failures.remove(key);
        } else {
            failed(key);
        }
        return new Attempt.Checked<>(result);
    }

    private Duration lockedFor(String key) {
        Failures f = failures.get(key);
        Instant now = clock.instant();
        if (f == null || f.lockedUntil() == null || !now.isBefore(f.lockedUntil())) {
            return Duration.ZERO;
        }
        // whole seconds, rounded up: "réessayez dans 0 s" would be a lie
        return Duration.ofSeconds((Duration.between(now, f.lockedUntil()).toMillis() + 999) / 1000);
    }

    private void failed(String key) {
        Instant now = clock.instant();
        if (failures.size() >= NAMES_KEPT) {
            failures.values().removeIf(f -> f.last().plus(LONGEST_DELAY).isBefore(now));
        }
        failures.compute(key, (k, f) -> {
            int count = f == null ? 1 : f.count() + 1;
            Instant until = count < FREE_FAILURES ? null : now.plus(delay(count - FREE_FAILURES));
            return new Failures(count, now, until, false);
        });
    }

    /** 30 s after the fifth failure, then twice as long after each further one, 15 min at most. */
    static Duration delay(int beyond) {
        Duration d = FIRST_DELAY;
        for (int i = 0; i < beyond && d.compareTo(LONGEST_DELAY) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : d;
    }
}
