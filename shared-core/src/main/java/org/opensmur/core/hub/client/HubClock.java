package org.opensmur.core.hub.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The tablet's clock, corrected by what the Hub's side says the time is. Every received message carries
 * its sender's {@code dateTimeSent}; {@code local receipt - dateTimeSent} is the tablet's offset plus the
 * message's transit, and transit is never negative, so the smallest such difference estimates the offset.
 * A difference no other one backs (within {@link #AGREEMENT}) is left out: one peer with a wrong clock, or
 * a forged date, does not move the tablet's time alone.
 *
 * <p>Messages the tablet builds take their dates from this clock, so a tablet whose own clock is minutes
 * off still sends dates the Hub accepts ({@code dateTimeExpires} in particular); above {@link #WARNING}
 * the crew is told.
 */
public final class HubClock extends Clock {

    /** The crew is warned when the tablet's clock is off by more than this. */
    public static final Duration WARNING = Duration.ofMinutes(2);
    /** Below this the difference is transit and whole-second dates, not a wrong clock: nothing is corrected. */
    public static final Duration NOISE = Duration.ofSeconds(5);
    /** Two differences closer than this back each other. */
    static final Duration AGREEMENT = Duration.ofSeconds(5);
    private static final int SAMPLES = 32;
    private static final Duration SAMPLE_LIFE = Duration.ofHours(6);

    private record Sample(long localMillis, long differenceMillis) {
    }

    private final Clock base;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private volatile long correctionMillis;
    private volatile Duration estimate;

    public HubClock(Clock base) {
        this.base = base;
    }

    /** A message sent at {@code sent} (by its sender's clock) has just been received. */
    public void observe(OffsetDateTime sent) {
        if (sent == null) {
            return;
        }
        long local = base.millis();
        synchronized (samples) {
            samples.addLast(new Sample(local, local - sent.toInstant().toEpochMilli()));
            while (samples.size() > SAMPLES || samples.peekFirst().localMillis() < local - SAMPLE_LIFE.toMillis()) {
                samples.removeFirst();
            }
            estimate = estimate(new ArrayList<>(samples)).map(Duration::ofMillis).orElse(null);
        }
        Duration current = estimate;
        correctionMillis = current == null || current.abs().compareTo(NOISE) < 0 ? 0 : -current.toMillis();
    }

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

    /** How far ahead of the Hub's side the tablet's own clock is (negative: behind), once estimated. */
    public Optional<Duration> offset() {
        return Optional.ofNullable(estimate);
    }

    /** True when the tablet's clock is off by more than {@link #WARNING}. */
    public boolean skewed() {
        Duration current = estimate;
        return current != null && current.abs().compareTo(WARNING) > 0;
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
