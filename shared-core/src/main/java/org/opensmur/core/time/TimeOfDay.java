package org.opensmur.core.time;

import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A time of day the crew types ("23:58"), put on its day: the occurrence nearest to what it is said against (now for
 * a drug just given, the tap it corrects, the departure of the mission). A night shift crosses midnight: at 00:02,
 * "23:58" is four minutes ago, not a time to come, and a return typed "01:30" after a departure at 23:10 is the next
 * day, not a day before the departure. What is typed is meant within twelve hours of that reference; at exactly
 * twelve, the earlier is taken.
 */
public final class TimeOfDay {

    private TimeOfDay() {
    }

    /** {@code typed} on the day that puts it nearest to {@code reference}, in the reference's zone (summer time counted). */
    public static ZonedDateTime nearest(LocalTime typed, ZonedDateTime reference) {
        ZonedDateTime best = null;
        for (int days = -1; days <= 1; days++) {
            ZonedDateTime candidate = ZonedDateTime.of(reference.toLocalDate().plusDays(days), typed, reference.getZone());
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

    private static Duration distance(ZonedDateTime a, ZonedDateTime b) {
        return Duration.between(a, b).abs();
    }
}
