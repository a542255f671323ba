package org.opensmur.core.hub.amqp;

import org.opensmur.core.hub.transport.HubConfig;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import java.util.List;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;

/**
 * The baseline of the publishing benchmarks: the RabbitMQ tutorial's asynchronous-confirm loop, bare
 * amqp-client, publishing as the tablet, bounded by the same in-flight window as the transport. Parks rather than spins while waiting: on 2 cores a spinning
 * waiter starves the thread that reads the confirms.
 */
public final class BareConfirmLoop {

    private BareConfirmLoop() {
    }

    /**
     * Publishes every body with confirms, at most {@code window} unconfirmed at a time (the production
     * transport's in-flight window, so that both sides are paced alike), and returns the rate (msg/s) once
     * all are confirmed.
     */
    public static double publishAll(Channel channel, List<byte[]> bodies, int window) throws Exception {
        channel.confirmSelect();
        ConcurrentNavigableMap<Long, Boolean> outstanding = new ConcurrentSkipListMap<>();
        Semaphore slots = new Semaphore(window);
        channel.addConfirmListener((seq, multiple) -> clear(outstanding, slots, seq, multiple),
                (seq, multiple) -> clear(outstanding, slots, seq, multiple));
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2).build();
        long start = System.nanoTime();
        for (byte[] body : bodies) {
            slots.acquire();
            outstanding.put(channel.getNextPublishSeqNo(), Boolean.TRUE);
            channel.basicPublish(HubConfig.HUB_EXCHANGE, HubBroker.TABLET, properties, body);
        }
        while (!outstanding.isEmpty()) {
            LockSupport.parkNanos(100_000);
        }
        return bodies.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static void clear(ConcurrentNavigableMap<Long, Boolean> outstanding, Semaphore slots, long seq, boolean multiple) {
        if (multiple) {
            var confirmed = outstanding.headMap(seq, true);
            int n = confirmed.size();
            confirmed.clear();
            slots.release(n);
        } else if (outstanding.remove(seq) != null) {
            slots.release();
        }
    }
}
