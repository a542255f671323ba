package org.opensmur.core.events;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's events to whoever listens (the screens' view models, the headless tablet, tools): typed by
 * class, each subscriber on the executor it chose (the UI thread for a view model). A subscriber that
 * throws, or whose executor is gone, is logged and skipped: it never reaches the publisher, so a broken
 * screen can never make the transport give a stored message back to the broker.
 */
public final class EventBus {

    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);
    /** Runs the subscriber on the publishing thread. */
    public static final Executor PUBLISHER_THREAD = Runnable::run;

    private final List<Subscriber<?>> subscribers = new CopyOnWriteArrayList<>();

    /** {@code subscriber} gets every event of {@code type} (subtypes included), run by {@code on}. */
    public <E> Subscription subscribe(Class<E> type, Executor on, Consumer<? super E> subscriber) {
        Subscriber<E> entry = new Subscriber<>(Objects.requireNonNull(type), Objects.requireNonNull(on), Objects.requireNonNull(subscriber));
        subscribers.add(entry);
        return () -> subscribers.remove(entry);
    }

    /** The same, run on the publishing thread (for subscribers that only hand over, or tests). */
    public <E> Subscription subscribe(Class<E> type, Consumer<? super E> subscriber) {
        return subscribe(type, PUBLISHER_THREAD, subscriber);
    }

    /** Hands {@code event} to each subscriber of its type, in subscription order. Never throws. */
    public void publish(Object event) {
        for (Subscriber<?> subscriber : subscribers) {
            subscriber.offer(event);
        }
    }

    /** How many subscribers there are (tools; a view closed must not leave its subscription behind). */
    public int size() {
        return subscribers.size();
    }

    /** Ends a subscription; closing twice is harmless. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private record Subscriber<E>(Class<E> type, Executor on, Consumer<? super E> consumer) {

        void offer(Object event) {
            if (!type.isInstance(event)) {
                return;
            }
            E typed = type.cast(event);
            try {
                on.execute(() -> run(typed));
            } catch (RejectedExecutionException e) {
                // Its executor was shut down (a screen or a tool closing): the event is not for it any more.
                LOG.debug("subscriber to {} no longer takes events", type.getSimpleName());
            }
        }

        private void run(E event) {
            try {
                consumer.accept(event);
            } catch (RuntimeException | LinkageError e) {
                // The class only: an exception's message may quote a received value (patient data).
                LOG.error("a subscriber to {} failed on a {}: {}; the other subscribers still get it", type.getSimpleName(),
                        event.getClass().getSimpleName(), e.getClass().getName());
            }
        }
    }
}
