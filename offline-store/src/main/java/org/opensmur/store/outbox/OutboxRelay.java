package org.opensmur.store.outbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.time.Clock;
import org.opensmur.core.hub.transport.HubTransport;
import org.opensmur.core.hub.transport.PublishOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox through the transport whenever it is connected: pipelined publications, a row
 * marked SENT only on the broker's confirm of that very publication, retries with backoff under the same
 * distributionID, expired messages never sent.
 *
 * <p>Order: a message is published only when every earlier message sharing one of its order keys is sent
 * or already on the wire (publications on one channel to the Hub's one dispatch queue keep their order).
 * After a failed attempt, later messages of the same keys wait for it.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int SCAN = 5_000;

    private final Outbox outbox;
    private final HubTransport transport;
    private final Clock clock;
    private final int window;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final java.util.Map<String, Long> rowOf = new ConcurrentHashMap<>();
    /** Every queued row up to here is on the wire: scans start after it (reset by a failure). */
    private long cursor;
    private volatile boolean rewind;
    private final ConcurrentLinkedQueue<Outbox.Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger pendingOutcomes = new java.util.concurrent.atomic.AtomicInteger();
    private volatile long firstPendingAt;
    private static final int SETTLE_BATCH = 64;
    private static final long SETTLE_WITHIN_NANOS = 5_000_000L;
    private final Thread worker;
    private volatile boolean running = true;
    private volatile boolean signalled;
    private long nextPurge;
    private long lastExpiry = System.nanoTime() - EXPIRE_EVERY_NANOS;
    private static final long EXPIRE_EVERY_NANOS = 1_000_000_000L;
    private String lastProblem;
    private static final long PURGE_EVERY_MS = 3_600_000L;

    public OutboxRelay(Outbox outbox, HubTransport transport, Clock clock, int window) {
        this(outbox, transport, clock, window, org.opensmur.core.threads.NamedThreads.factory("outbox-relay"));
    }

    /** The same, its loop on a thread made by {@code threads} (the composition root's, named for the relay's role). */
    public OutboxRelay(Outbox outbox, HubTransport transport, Clock clock, int window, java.util.concurrent.ThreadFactory threads) {
        this.outbox = outbox;
        this.transport = transport;
        this.clock = clock;
        this.window = window;
        this.worker = threads.newThread(this::loop);
        outbox.onEnqueue(this::wake);
        outbox.onRequeue(() -> rewind = true);
        transport.onStateChange(state -> wake());
    }

    public void start() {
        worker.start();
    }

    public void wake() {
        // Called once per confirm: a flag and an unpark, no lock.
        signalled = true;
        LockSupport.unpark(worker);
    }

    /** Messages published and awaiting their confirm. */
    public int inFlight() {
        return inFlight.size();
    }

    private void loop() {
        while (running) {
            try {
                settleIfDue();
                if (System.nanoTime() - lastExpiry >= EXPIRE_EVERY_NANOS) {
                    // Messages live minutes or hours: a look every second is enough, and a look at every
                    // confirm (a transaction and a query) would slow a backlog's drain. Elapsed time, not
                    // the clock: a clock that stands still (or is set back) must not stop the looks, or a
                    // row past its expiry would stay queued, holding back its order keys, for ever.
                    outbox.expire(inFlight);
                    lastExpiry = System.nanoTime();
                }
                if (clock.millis() >= nextPurge) {
                    outbox.purge(); // it logs what it removed
                    nextPurge = clock.millis() + PURGE_EVERY_MS;
                }
                if (transport.state().isConnected()) {
                    publishNext();
                }
                settleIfDue();
                await();
            } catch (RuntimeException e) {
                // A store that cannot be written (disk full, database gone) fails every round: say it once.
                String problem = e.toString();
                if (!problem.equals(lastProblem)) {
                    LOG.error("outbox relay: {}", problem);
                    lastProblem = problem;
                }
                sleepQuietly();
                continue;
            }
            lastProblem = null;
        }
    }

    private void publishNext() {
        int free = window - inFlight.size();
        // A draining backlog refills the window by batches (a quarter of it), not a row per confirm: one
        // scan of the outbox for many publications; the wire stays three quarters full meanwhile.
        if (free <= 0 || !inFlight.isEmpty() && free < Math.max(1, window / 4)) {
            return;
        }
        long now = clock.millis();
        if (rewind) {
            rewind = false;
            cursor = 0;
        }
        int scan = free + 64;
        while (true) {
            List<Outbox.Candidate> queued = outbox.queued(cursor, Math.min(scan, SCAN));
            List<Outbox.Candidate> chosen = eligible(queued, inFlight, now, free);
            if (chosen.size() == free || queued.size() < scan || scan >= SCAN) {
                chosen.forEach(this::publish);
                advanceCursor(queued);
                return;
            }
            scan *= 4; // rows held back by a retry fill the view: look further
        }
    }

    /** Moves the cursor past the leading rows that are now on the wire. */
    private void advanceCursor(List<Outbox.Candidate> scanned) {
        for (Outbox.Candidate row : scanned) {
            if (!inFlight.contains(row.distributionId())) {
                return;
            }
            cursor = row.id();
        }
    }

    /**
     * Which queued rows to publish now, in publication order. A row may leave when no earlier row sharing
     * one of its order keys is still waiting (rows on the wire do not hold it back). Priority decides
     * among rows that may leave; a row inherits the priority of later rows waiting behind it, so that the
     * first {@code free} rows in (priority, id) order are always a prefix of each key's sequence.
     */
    static List<Outbox.Candidate> eligible(List<Outbox.Candidate> queued, Set<String> inFlight, long now, int free) {
        Set<String> blocked = new HashSet<>();
        List<Outbox.Candidate> ready = new ArrayList<>();
        for (Outbox.Candidate row : queued) {
            if (inFlight.contains(row.distributionId())) {
                continue;
            }
            boolean open = true;
            for (String key : row.keys()) {
                open &= !blocked.contains(key);
            }
            if (open && row.nextAttemptAt() <= now && row.expiresAt() > now) {
                ready.add(row);
            } else {
                blocked.addAll(List.of(row.keys()));
            }
        }
        java.util.Map<String, Integer> lowestBehind = new java.util.HashMap<>();
        java.util.Map<Long, Integer> effective = new java.util.HashMap<>();
        for (int i = ready.size() - 1; i >= 0; i--) {
            Outbox.Candidate row = ready.get(i);
            int priority = row.priority();
            for (String key : row.keys()) {
                priority = Math.min(priority, lowestBehind.getOrDefault(key, Integer.MAX_VALUE));
            }
            effective.put(row.id(), priority);
            for (String key : row.keys()) {
                lowestBehind.merge(key, priority, Math::min);
            }
        }
        ready.sort(Comparator.<Outbox.Candidate>comparingInt(r -> effective.get(r.id())).thenComparingLong(Outbox.Candidate::id));
        return ready.subList(0, Math.min(free, ready.size()));
    }

    private void publish(Outbox.Candidate row) {
        String id = row.distributionId();
        inFlight.add(id);
        rowOf.put(id, row.id());
        byte[] body = outbox.open(row);
        transport.publish(body, id).thenAccept(outcome -> {
            if (pendingOutcomes.getAndIncrement() == 0) {
                firstPendingAt = System.nanoTime();
            }
            outcomes.add(new Outbox.Outcome(id, outcome instanceof PublishOutcome.Confirmed));
            if (!outcome.isConfirmed()) {
                LOG.info("{} not confirmed ({}); will retry", id, outcome);
            }
            wake();
        });
    }

    /**
     * Records the confirms received once enough have come (a transaction, and its fsync, per batch rather
     * than per confirm), or a few milliseconds after the first of them, or when the wire is empty. A row
     * confirmed but not yet recorded is still QUEUED: after a crash it goes again under the same
     * distributionID, which the receiver recognises.
     */
    private void settleIfDue() {
        int pending = pendingOutcomes.get();
        if (pending > 0 && (pending >= SETTLE_BATCH || pending >= inFlight.size()
                || System.nanoTime() - firstPendingAt >= SETTLE_WITHIN_NANOS)) {
            settle();
        }
    }

    private void settle() {
        List<Outbox.Outcome> batch = new ArrayList<>();
        for (Outbox.Outcome o = outcomes.poll(); o != null; o = outcomes.poll()) {
            batch.add(o);
            pendingOutcomes.decrementAndGet();
        }
        if (!batch.isEmpty()) {
            outbox.record(batch);
            for (Outbox.Outcome o : batch) {
                Long row = rowOf.remove(o.distributionId());
                if (!o.confirmed() && row != null) {
                    cursor = Math.min(cursor, row - 1); // it will be queued again: scan from before it
                }
                inFlight.remove(o.distributionId());
            }
        }
    }

    private void await() {
        if (!signalled) {
            // Confirms waiting to be recorded bound the sleep (see settleIfDue).
            LockSupport.parkNanos(this, pendingOutcomes.get() > 0 ? SETTLE_WITHIN_NANOS : 500_000_000L);
        }
        signalled = false;
        if (Thread.currentThread().isInterrupted()) {
            running = false;
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        wake();
        try {
            worker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        settle();
    }
}
