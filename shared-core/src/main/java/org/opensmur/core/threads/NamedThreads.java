package org.opensmur.core.threads;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * The tablet's threads, one per role and named after it ("tablet-store", "storage-watch"…), so that a
 * thread dump, a log line or the UI-thread guard says whose work it is. Daemons: none keeps a closing app alive.
 */
public final class NamedThreads {

    private NamedThreads() {
    }

    /** One thread doing one task after another, in the order given (the store's work: taps stay in order). */
    public static ExecutorService single(String role) {
        return Executors.newSingleThreadExecutor(factory(role));
    }

    /** The same, for work at fixed delays (watches, the headless crew's steps). */
    public static ScheduledExecutorService scheduled(String role) {
        return Executors.newSingleThreadScheduledExecutor(factory(role));
    }

    /** Takes no more work and waits up to {@code wait} for what was given (what the crew saved is finished first). */
    public static void finish(ExecutorService executor, java.time.Duration wait) {
        executor.shutdown();
        awaitEnd(executor, wait);
    }

    /**
     * Drops what is queued, interrupts what runs and waits up to {@code wait} for it to end (timers and watches at
     * shutdown: what they were doing must be over before the store under them closes).
     */
    public static void stop(ExecutorService executor, java.time.Duration wait) {
        executor.shutdownNow();
        awaitEnd(executor, wait);
    }

    private static void awaitEnd(ExecutorService executor, java.time.Duration wait) {
        try {
            executor.awaitTermination(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Threads named after {@code role}, for a component that makes its own (the relay's loop, the transport's). */
    public static ThreadFactory factory(String role) {
        return task -> {
            Thread thread = new Thread(task, role);
            thread.setDaemon(true);
            return thread;
        };
    }
}
