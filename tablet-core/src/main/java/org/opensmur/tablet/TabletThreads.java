package org.opensmur.tablet;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import org.opensmur.core.threads.NamedThreads;

/**
 * The tablet's threads, one per role, made by the composition root and given to what works on them, so that
 * which work runs where is said in one place and every thread is named after its role (a thread dump or the
 * UI-thread guard says whose work it is):
 *
 * @param ui        the screens' thread (JavaFX's in the app; the caller's for the headless crew): never the store
 * @param store     the store's work, one task after another in the order asked (a crew's taps stay in order)
 * @param relay     the outbox relay's loop (publishing, confirms)
 * @param transport the Hub link's own thread (reconnections, confirm deadlines)
 * @param watch     the storage watch (free space, the database file still there)
 */
public record TabletThreads(Executor ui, ExecutorService store, ThreadFactory relay, ThreadFactory transport,
                            ScheduledExecutorService watch) {

    /** One named thread per role ("tablet-store", "outbox-relay", "hub-transport", "storage-watch"), the screens on {@code ui}. */
    public static TabletThreads named(Executor ui) {
        return new TabletThreads(ui, NamedThreads.single("tablet-store"), NamedThreads.factory("outbox-relay"),
                NamedThreads.factory("hub-transport"), NamedThreads.scheduled("storage-watch"));
    }

    /** The store's thread takes no more work and finishes what it was given (up to {@code wait}); the watch stops. */
    public void finish(Duration wait) {
        NamedThreads.finish(store, wait);
        watch.shutdownNow();
    }
}
