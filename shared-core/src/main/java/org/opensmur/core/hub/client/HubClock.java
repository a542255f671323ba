package org.opensmur.core.hub.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.opensmur.core.hub.error.HubError;

/**
 * The tablet's clock, corrected by what the Hub's side agrees the time is, and only by that.
 *
 * <p>Every message received carries its sender's {@code dateTimeSent}; {@code local receipt - dateTimeSent}
 * is the tablet's offset plus the message's transit (and the sender's truncation to whole seconds), both
 * only ever adding. Each sender is judged on its own: its estimate is its smallest difference that a
 * second one of its own backs (within {@link #AGREEMENT}), so one message held in a queue or one odd date
 * says nothing. No sender moves the clock alone, whoever it is:
 * <ul>
 *   <li>a correction needs at least two distinct senders whose estimates agree within {@link #AGREEMENT},
 *       one of them trusted: the Hub ({@link HubError#HUB_ID}) or the owner LRM (given by
 *       {@link #trust}). Untrusted senders agreeing among themselves, however many, move nothing;</li>
 *   <li>the offset is the median of the agreeing senders' estimates (when the Hub and the LRM disagree,
 *       the group with more senders wins; a tie goes to the Hub's, whose clock judges expiry);</li>
 *   <li>it is bounded: an agreed offset beyond {@link #BOUND} corrects nothing (the device's own time is
 *       used, so nothing the tablet dates, expires or purges moves by more than that) and the state is
 *       {@link State#SET_THE_CLOCK}: the crew must set the device's clock. The bound is inclusive: a
 *       device exactly 10 min slow measures a little under 10 min (transit adds) and is corrected; one
 *       exactly 10 min fast measures a little over and is told to set its clock.</li>
 * </ul>
 * Messages the tablet builds take their dates from this clock, so a tablet minutes off still sends dates
 * the Hub accepts ({@code dateTimeExpires} in particular); above {@link #WARNING} the crew is told.
 */
public final class HubClock extends Clock {

    /** The crew is warned when the tablet's clock is off by more than this. */
    public static final Duration WARNING = Duration.ofMinutes(2);
    /** Below this the difference is transit and whole-second dates, not a wrong clock: nothing is corrected. */
    public static final Duration NOISE = Duration.ofSeconds(5);
    /** The largest correction ever applied (inclusive); beyond it the crew must set the device's clock. */
    public static final Duration BOUND = Duration.ofMinutes(10);
    /** Two differences (of one sender, or the estimates of two senders) closer than this back each other. */
    static final Duration AGREEMENT = Duration.ofSeconds(5);
    private static final int SAMPLES = 32;
    /** Untrusted senders remembered at most (the most recently heard); trusted ones are always kept. */
    private static final int SENDERS = 16;
    private static final Duration SAMPLE_LIFE = Duration.ofHours(6);

    /** What the clock knows of the device's time, for the status bar. */
    public enum State {
        /** No two senders (one of them trusted) agree yet: the device's own time, uncorrected. */
        UNKNOWN,
        /** They agree the device is right (within {@link #NOISE}): nothing corrected. */
        RIGHT,
        /** They agree on an offset within {@link #BOUND}: corrected (the crew is told above {@link #WARNING}). */
        CORRECTED,
        /** They agree on an offset beyond {@link #BOUND}: nothing corrected, the crew must set the device's clock. */
        SET_THE_CLOCK
    }

    private record Sample(long localMillis, long differenceMillis) {
    }

    private record Agreed(long offsetMillis, List<String> senders) {
    }

    private final Clock base;
    private final Set<String> trusted = ConcurrentHashMap.newKeySet();
    /** Per sender, its samples, the least recently heard first. */
    private final LinkedHashMap<String, Deque<Sample>> samples = new LinkedHashMap<>(16, 0.75f, true);
    private volatile long correctionMillis;
    private volatile Agreed agreed;

    /** A clock that trusts the Hub only; {@link #trust} adds the owner LRM. */
    public HubClock(Clock base) {
        this(base, List.of());
    }

    /** {@code trusted}: besides the Hub, the senders whose agreement a correction needs (the owner LRM). */
    public HubClock(Clock base, Collection<String> trusted) {
        this.base = base;
        this.trusted.add(HubError.HUB_ID);
        trusted.forEach(this::trust);
    }

    /** {@code sender} (the owner LRM) is one whose agreement can correct the clock. Null is ignored. */
    public void trust(String sender) {
        if (sender != null && !sender.isBlank()) {
            trusted.add(sender);
        }
    }

    /**
     * A message {@code sender} sent at {@code sent} (by its own clock) has just been received and stored.
     * Call it only for a message that was new and did not wait in a queue (not a redelivery, not a
     * reconnection's backlog): a refused message or a conflicting copy teaches nothing.
     */
    public void observe(String sender, OffsetDateTime sent) {
        if (sender == null || sent == null) {
            return;
        }
        long local = base.millis();
        Agreed next;
        synchronized (samples) {
            Deque<Sample> own = samples.computeIfAbsent(sender, s -> new ArrayDeque<>());
            own.addLast(new Sample(local, local - sent.toInstant().toEpochMilli()));
            while (own.size() > SAMPLES) {
                own.removeFirst();
            }
            Set<String> trustedNow = Set.copyOf(trusted);
            Map<String, Long> estimates = forget(local, trustedNow);
            next = agree(estimates, trustedNow);
        }
        agreed = next;
        correctionMillis = next == null || Math.abs(next.offsetMillis()) < NOISE.toMillis()
                || Math.abs(next.offsetMillis()) > BOUND.toMillis() ? 0 : -next.offsetMillis();
    }

    /**
     * Drops samples past their life and senders left with none; past {@link #SENDERS} untrusted senders,
     * those whose estimate no trusted sender shares go first, the least recently heard first (a crowd of
     * forged senders cannot push out the honest second party). Returns the remaining senders' estimates.
     */
    private Map<String, Long> forget(long local, Set<String> trustedNow) {
        long oldest = local - SAMPLE_LIFE.toMillis();
        samples.values().forEach(list -> list.removeIf(s -> s.localMillis() < oldest));
        samples.values().removeIf(Deque::isEmpty);
        Map<String, Long> estimates = new HashMap<>();
        samples.forEach((who, list) -> estimate(new ArrayList<>(list)).ifPresent(e -> estimates.put(who, e)));
        List<String> untrusted = samples.keySet().stream().filter(s -> !trustedNow.contains(s)).toList();
        if (untrusted.size() > SENDERS) {
            List<Long> anchors = trustedNow.stream().map(estimates::get).filter(java.util.Objects::nonNull).toList();
            List<String> evictable = new ArrayList<>(untrusted.stream().filter(s -> !shares(estimates.get(s), anchors)).toList());
            untrusted.stream().filter(s -> !evictable.contains(s)).forEach(evictable::add);
            for (String sender : evictable.subList(0, untrusted.size() - SENDERS)) {
                samples.remove(sender);
                estimates.remove(sender);
            }
        }
        return estimates;
    }

    private static boolean shares(Long estimate, List<Long> anchors) {
        return estimate != null && anchors.stream().anyMatch(a -> Math.abs(a - estimate) <= AGREEMENT.toMillis());
    }

    /** One sender's estimate: its smallest difference another of its own backs. */
    static Optional<Long> estimate(List<Sample> samples) {
        Long best = null;
        for (Sample s : samples) {
            boolean backed = false;
            for (Sample other : samples) {
                if (other != s && Math.abs(other.differenceMillis() - s.differenceMillis()) <= AGREEMENT.toMillis()) {
                    backed = true;
                    break;
                }
            }
            if (backed && (best == null || s.differenceMillis() < best)) {
                best = s.differenceMillis();
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The senders' agreement: around each trusted sender's estimate, the senders within {@link #AGREEMENT}
     * of it; a group of at least two is an agreement, its offset their median. Null when there is none.
     */
    static Agreed agree(Map<String, Long> estimates, Set<String> trusted) {
        Agreed best = null;
        boolean bestHasHub = false;
        for (String anchor : trusted.stream().sorted().toList()) {
            Long around = estimates.get(anchor);
            if (around == null) {
                continue;
            }
            List<String> group = new ArrayList<>();
            List<Long> values = new ArrayList<>();
            estimates.forEach((who, e) -> {
                if (Math.abs(e - around) <= AGREEMENT.toMillis()) {
                    group.add(who);
                    values.add(e);
                }
            });
            if (group.size() < 2) {
                continue;
            }
            values.sort(null);
            int n = values.size();
            long median = n % 2 == 1 ? values.get(n / 2) : Math.floorDiv(values.get(n / 2 - 1) + values.get(n / 2), 2);
            boolean hasHub = group.contains(HubError.HUB_ID);
            if (best == null || group.size() > best.senders().size() || (group.size() == best.senders().size() && hasHub && !bestHasHub)) {
                best = new Agreed(median, group.stream().sorted().toList());
                bestHasHub = hasHub;
            }
        }
        return best;
    }

    /**
     * How far ahead of the Hub's side the tablet's own clock is (negative: behind), as its senders agree;
     * empty until they do. Beyond {@link #BOUND} it is said, never corrected (see {@link #correction}).
     */
    public Optional<Duration> offset() {
        Agreed current = agreed;
        return current == null ? Optional.empty() : Optional.of(Duration.ofMillis(current.offsetMillis()));
    }

    /** What is added to the device's time: zero, or minus the offset when within {@link #BOUND}. */
    public Duration correction() {
        return Duration.ofMillis(correctionMillis);
    }

    /** True when the tablet's clock is off by more than {@link #WARNING} (corrected or not). */
    public boolean skewed() {
        Agreed current = agreed;
        return current != null && Math.abs(current.offsetMillis()) > WARNING.toMillis();
    }

    /** True when the agreed offset is beyond {@link #BOUND}: nothing is corrected, the crew must set the clock. */
    public boolean beyondBound() {
        return state() == State.SET_THE_CLOCK;
    }

    public State state() {
        Agreed current = agreed;
        if (current == null) {
            return State.UNKNOWN;
        }
        long off = Math.abs(current.offsetMillis());
        return off > BOUND.toMillis() ? State.SET_THE_CLOCK : off < NOISE.toMillis() ? State.RIGHT : State.CORRECTED;
    }

    /** The device's own clock, uncorrected. */
    public Clock device() {
        return base;
    }

    @Override
    public Instant instant() {
        return base.instant().plusMillis(correctionMillis);
    }

    @Override
    public long millis() {
        return base.millis() + correctionMillis;
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ZonedView(this, zone);
    }

    /** The same corrected time in another zone (what {@code Clock.withZone} promises). */
    private static final class ZonedView extends Clock {
        private final HubClock clock;
        private final ZoneId zone;

        ZonedView(HubClock clock, ZoneId zone) {
            this.clock = clock;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new ZonedView(clock, other);
        }

        @Override
        public Instant instant() {
            return clock.instant();
        }
    }
}
