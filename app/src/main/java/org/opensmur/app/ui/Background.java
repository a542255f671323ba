package org.opensmur.app.ui;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where view models do their I/O (the store: SQLite with fsync, AES): off the UI thread, one task after
 * another in the order asked (a crew's taps stay in order), each result handed back on the UI thread.
 * Tests use {@link #direct()}: everything at once, on the caller's thread.
 */
public final class Background {

    private static final Logger LOG = LoggerFactory.getLogger(Background.class);

    private final Executor io;
    private final Executor ui;

    public Background(Executor io, Executor ui) {
        this.io = io;
        this.ui = ui;
    }

    /** Both on the caller's thread, in order (view-model tests). */
    public static Background direct() {
        return new Background(Runnable::run, Runnable::run);
    }

    /** {@code work} in the background, then {@code done} with its result, or {@code failed} with its error, on the UI thread. */
    public <T> void run(Supplier<T> work, Consumer<T> done, Consumer<RuntimeException> failed) {
        submit(() -> {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                ui.execute(() -> failed.accept(e));
                return;
            }
            ui.execute(() -> done.accept(result));
        });
    }

    /** {@code work} in the background, nothing to show afterwards (a failure is logged, without data). */
    public void run(Runnable work) {
        submit(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.error("background work failed: {}", e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        });
    }

    /**
     * Once the tablet is closing, its store's thread takes no more work: what a screen asks for then (an
     * event handled on the UI thread after the close) is not done, and said in the log.
     */
    private void submit(Runnable task) {
        try {
            io.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            LOG.info("the tablet is closing: work asked of the store now is not done");
        }
    }

    /** Something for the UI thread (e.g. from a core thread). */
    public void onUi(Runnable task) {
        ui.execute(task);
    }
}
