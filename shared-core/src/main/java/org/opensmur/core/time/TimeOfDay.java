package org.opensmur.core.time;

import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A time of day the crew types ("23:58"), put on its day. A night shift crosses midnight: at 00:02, "23:58" is four
 * minutes ago, not a time to come, and a return typed "01:30" after a departure at 23:10 is the next day, not a day
 * before the departure. Three ways, by what the time is said against:
 * <ul>
 *   <li>{@link #nearest}: now (a drug just given, a series just taken), or the time it corrects: the occurrence
 *       nearest to it, within twelve hours either way (at exactly twelve, the earlier);</li>
 *   <li>{@link #atOrAfter}: a time that follows a known one (the mission's times after its departure), up to 20 hours
 *       after it;</li>
 *   <li>{@link #atOrBefore}: a time that precedes a known one (the decision before the departure), up to 20 hours
 *       before it;</li>
 *   <li>{@link #lived}: a time already lived, said against now (a drug given, a series taken, a state reached): the
 *       last at or before now, up to 20 hours ago; at 05:00, "16:00" is yesterday's, thirteen hours ago, not a time
 *       to come.</li>
 * </ul>
 * Distances are real durations, in the reference's zone: the nights the clocks change count their hour, and on the
 * autumn night both 02:30s are candidates.
 */
public final class TimeOfDay {

    /** How far on the wrong side of a bound a typed time is still taken as meant there: a slip, not a day away. */
    public static final Duration SLIP = Duration.ofHours(4);

    private TimeOfDay() {
    }

    /** {@code typed} on the day that puts it nearest to {@code reference}, in the reference's zone. */
    public static ZonedDateTime nearest(LocalTime typed, ZonedDateTime reference) {
        ZonedDateTime best = null;
        for (ZonedDateTime candidate : candidates(typed, reference)) {
            if (best == null || distance(candidate, reference).compareTo(distance(best, reference)) < 0) {
                best = candidate;
            }
        }
        return best;
    }

    /** The same for a reference with its offset only, seen in {@code zone} (the tablet's). */
    public static OffsetDateTime nearest(LocalTime typed, OffsetDateTime reference, ZoneId zone) {
        return nearest(typed, reference.atZoneSameInstant(zone)).toOffsetDateTime();
    }

    /**
     * The first occurrence of {@code typed} at or after {@code bound}'s minute, within {@link #SLIP} less than a day; one
     * typed a little before it (a slip, or a correction of the bound itself) is taken as the nearest, not a day later.
     */
    public static OffsetDateTime atOrAfter(LocalTime typed, OffsetDateTime bound, ZoneId zone) {
        ZonedDateTime from = bound.atZoneSameInstant(zone).truncatedTo(ChronoUnit.MINUTES);
        ZonedDateTime first = candidates(typed, from).stream().filter(c -> !c.isBefore(from)).min(ZonedDateTime::compareTo).orElseThrow();
        return (Duration.between(from, first).compareTo(Duration.ofDays(1).minus(SLIP)) > 0 ? nearest(typed, from) : first).toOffsetDateTime();
    }

    /**
     * The last occurrence of {@code typed} at or before {@code bound}'s minute, within {@link #SLIP} less than a day; one
     * typed a little after it is taken as the nearest, not a day earlier.
     */
    public static OffsetDateTime atOrBefore(LocalTime typed, OffsetDateTime bound, ZoneId zone) {
        ZonedDateTime until = bound.atZoneSameInstant(zone).truncatedTo(ChronoUnit.MINUTES);
        ZonedDateTime last = candidates(typed, until).stream().filter(c -> !c.isAfter(until)).max(ZonedDateTime::compareTo).orElseThrow();
        return (Duration.between(last, until).compareTo(Duration.ofDays(1).minus(SLIP)) > 0 ? nearest(typed, until) : last).toOffsetDateTime();
    }

    /**
     * {@code typed} as a time already lived at {@code now}: the last occurrence at or before now's minute, up to
     * {@link #SLIP} less than a day ago; one typed a little ahead (up to {@link #SLIP}) stays that day, to come (a
     * screen refuses it), not a day earlier.
     */
    public static ZonedDateTime lived(LocalTime typed, ZonedDateTime now) {
        return atOrBefore(typed, now.toOffsetDateTime(), now.getZone()).atZoneSameInstant(now.getZone());
    }

    /** {@code typed} on the day before, the day of and the day after {@code reference}, both offsets on an autumn night. */
    private static List<ZonedDateTime> candidates(LocalTime typed, ZonedDateTime reference) {
        List<ZonedDateTime> candidates = new ArrayList<>();
        for (int days = -1; days <= 1; days++) {
            ZonedDateTime candidate = ZonedDateTime.of(reference.toLocalDate().plusDays(days), typed, reference.getZone());
            candidates.add(candidate.withEarlierOffsetAtOverlap());
            if (!candidate.withLaterOffsetAtOverlap().equals(candidate.withEarlierOffsetAtOverlap())) {
                candidates.add(candidate.withLaterOffsetAtOverlap());
            }
        }
        return candidates;
    }

    private static Duration distance(ZonedDateTime a, ZonedDateTime b) {
        return Duration.between(a, b).abs();
    }
}
