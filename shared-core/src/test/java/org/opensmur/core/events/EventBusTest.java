package org.opensmur.core.events;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class EventBusTest {

    sealed interface Event permits Arrived, Left { }

    record Arrived(String who) implements Event { }

    record Left(String who) implements Event { }

    @Test
    void aSubscriberThatThrowsNeitherReachesThePublisherNorStopsTheOthers() {
        EventBus bus = new EventBus();
        List<String> before = new CopyOnWriteArrayList<>();
        List<String> after = new CopyOnWriteArrayList<>();
        bus.subscribe(Arrived.class, e -> before.add(e.who()));
        bus.subscribe(Arrived.class, e -> {
            throw new IllegalStateException("a broken screen");
        });
        bus.subscribe(Arrived.class, e -> after.add(e.who()));

        assertDoesNotThrow(() -> bus.publish(new Arrived("VLM 4")));
        bus.publish(new Arrived("VLM 5"));

        assertEquals(List.of("VLM 4", "VLM 5"), before);
        assertEquals(List.of("VLM 4", "VLM 5"), after);
    }

    @Test
    void aSubscriberWhoseExecutorIsShutDownIsSkipped() {
        EventBus bus = new EventBus();
        ExecutorService closed = Executors.newSingleThreadExecutor();
        closed.shutdownNow();
        List<String> others = new CopyOnWriteArrayList<>();
        bus.subscribe(Arrived.class, closed, e -> others.add("never"));
        bus.subscribe(Arrived.class, e -> others.add(e.who()));

        assertDoesNotThrow(() -> bus.publish(new Arrived("VLM 4")));
        assertEquals(List.of("VLM 4"), others);
    }

    @Test
    void eachSubscriberGetsTheEventsOfItsTypeOnlyUntilItUnsubscribes() {
        EventBus bus = new EventBus();
        List<Object> all = new CopyOnWriteArrayList<>();
        List<Object> arrivals = new CopyOnWriteArrayList<>();
        bus.subscribe(Event.class, all::add);
        EventBus.Subscription subscription = bus.subscribe(Arrived.class, arrivals::add);

        bus.publish(new Arrived("a"));
        bus.publish(new Left("a"));
        bus.publish("not an event of theirs");
        subscription.close();
        bus.publish(new Arrived("b"));

        assertEquals(List.of(new Arrived("a"), new Left("a"), new Arrived("b")), all);
        assertEquals(List.of(new Arrived("a")), arrivals);
        assertEquals(1, bus.size());
    }

    @Test
    void aSubscriberOnAnExecutorGetsTheEventThere() throws Exception {
        EventBus bus = new EventBus();
        ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "ui"));
        List<String> threads = new CopyOnWriteArrayList<>();
        bus.subscribe(Arrived.class, ui, e -> threads.add(Thread.currentThread().getName()));
        bus.publish(new Arrived("VLM 4"));
        ui.shutdown();
        ui.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(List.of("ui"), threads);
    }
}
