package org.opensmur.oru.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opensmur.core.testing.MutableClock;

/** The guard before each password check: a few checks at a time, a name held back after repeated failures. */
class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));

    @Test
    void parallelAttemptsNeverRunMoreChecksAtOnceThanTheCap() throws Exception {
        LoginThrottle throttle = new LoginThrottle(3, clock);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(3);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<LoginThrottle.Attempt<Boolean>>> attempts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String name = "name" + i;
                attempts.add(pool.submit(() -> throttle.attempt(name, () -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    started.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS); // a slow Argon2, held until every attempt is in
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    return false;
                }, ok -> ok)));
            }
            assertTrue(started.await(10, TimeUnit.SECONDS));
            int busy = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (busy < 17 && System.nanoTime() < deadline) {
                busy = (int) attempts.stream().filter(Future::isDone).map(LoginThrottleTest::get)
                        .filter(a -> a instanceof LoginThrottle.Attempt.Busy).count();
                Thread.sleep(5);
            }
            assertEquals(17, busy, "beyond the three running, turned away at once, without waiting for a check");
            release.countDown();
            for (Future<LoginThrottle.Attempt<Boolean>> a : attempts) {
                a.get(10, TimeUnit.SECONDS);
            }
            assertEquals(3, most.get(), "three checks at once at most");
            assertInstanceOf(LoginThrottle.Attempt.Checked.class, throttle.attempt("late", () -> false, ok -> ok), "free again afterwards");
        } finally {
            pool.shutdownNow();
        }
    }

    private static LoginThrottle.Attempt<Boolean> get(Future<LoginThrottle.Attempt<Boolean>> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aLockedNameWaitsLongerAfterEachFurtherFailureAndASuccessClearsIt() {
        LoginThrottle throttle = new LoginThrottle(2, clock);
        AtomicInteger checks = new AtomicInteger();
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertInstanceOf(LoginThrottle.Attempt.Checked.class, throttle.attempt("Claire", () -> checks.incrementAndGet() < 0, ok -> ok));
        }
        var locked = assertInstanceOf(LoginThrottle.Attempt.Locked.class, throttle.attempt(" claire ", () -> true, ok -> ok),
                "the same name, however written");
        assertEquals(Duration.ofSeconds(30), locked.retryAfter());
        assertTrue(locked.first(), "the first refusal of the delay: audited");
        assertFalse(assertInstanceOf(LoginThrottle.Attempt.Locked.class, throttle.attempt("claire", () -> true, ok -> ok)).first(),
                "the next ones are not: a flood of them would fill the audit log");
        assertEquals(LoginThrottle.FREE_FAILURES, checks.get(), "no check while locked: the right password is not even looked at");

        clock.advance(Duration.ofSeconds(30));
        throttle.attempt("claire", () -> false, ok -> ok); // one more failure: twice as long
        assertEquals(Duration.ofSeconds(60),
                assertInstanceOf(LoginThrottle.Attempt.Locked.class, throttle.attempt("claire", () -> true, ok -> ok)).retryAfter());
        clock.advance(Duration.ofSeconds(60));
        assertInstanceOf(LoginThrottle.Attempt.Checked.class, throttle.attempt("claire", () -> true, ok -> ok));
        throttle.attempt("claire", () -> false, ok -> ok);
        assertInstanceOf(LoginThrottle.Attempt.Checked.class, throttle.attempt("claire", () -> false, ok -> ok),
                "a success starts the count again");
        assertEquals(Duration.ofMinutes(15), LoginThrottle.delay(100), "never more than a quarter of an hour");
    }
}
