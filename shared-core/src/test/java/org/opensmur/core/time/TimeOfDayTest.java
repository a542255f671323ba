package org.opensmur.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** A typed time of day lands on the day a crew means, across midnight and across the summer-time nights. */
class TimeOfDayTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId REUNION = ZoneId.of("Indian/Reunion");

    private static ZonedDateTime at(String local, ZoneId zone) {
        return java.time.LocalDateTime.parse(local).atZone(zone);
    }

    @Test
    void justAfterMidnightAMinuteBeforeItIsYesterdayAndLaterTodayIsToday() {
        ZonedDateTime now = at("2026-12-07T00:02", PARIS);
        assertEquals(at("2026-12-06T23:58", PARIS), TimeOfDay.nearest(LocalTime.of(23, 58), now));
        assertEquals(at("2026-12-07T00:01", PARIS), TimeOfDay.nearest(LocalTime.of(0, 1), now));
        assertEquals(at("2026-12-07T00:30", PARIS), TimeOfDay.nearest(LocalTime.of(0, 30), now), "a time to come stays to come");
    }

    @Test
    void aTimeLivedIsTheLastAtOrBeforeNowUpToTwentyHoursAgoAndALittleAheadStaysToCome() {
        ZonedDateTime five = at("2026-12-07T05:00", PARIS);
        assertEquals(at("2026-12-06T16:00", PARIS), TimeOfDay.lived(LocalTime.of(16, 0), five), "thirteen hours ago, not eleven to come");
        assertEquals(at("2026-12-06T09:00", PARIS), TimeOfDay.lived(LocalTime.of(9, 0), five), "twenty hours ago");
        assertEquals(at("2026-12-07T05:00", PARIS), TimeOfDay.lived(LocalTime.of(5, 0), five.plusSeconds(40)), "this minute");
        assertEquals(at("2026-12-07T06:00", PARIS), TimeOfDay.lived(LocalTime.of(6, 0), five), "a slip ahead: to come, not yesterday");
        assertEquals(at("2026-12-07T08:30", PARIS), TimeOfDay.lived(LocalTime.of(8, 30), five), "ahead by less than the slip");
        assertEquals(at("2026-12-06T23:58", PARIS), TimeOfDay.lived(LocalTime.of(23, 58), at("2026-12-07T00:02", PARIS)));
    }

    @Test
    void justBeforeMidnightATimeAfterItIsTomorrow() {
        ZonedDateTime departure = at("2026-12-06T23:10", PARIS);
        assertEquals(at("2026-12-07T01:30", PARIS), TimeOfDay.nearest(LocalTime.of(1, 30), departure));
        assertEquals(at("2026-12-06T22:45", PARIS), TimeOfDay.nearest(LocalTime.of(22, 45), departure), "a decision before it");
    }

    @Test
    void inTheDayTheTimeIsTodaysAndAtTwelveHoursApartTheEarlierIsTaken() {
        ZonedDateTime noon = at("2026-12-06T12:00", REUNION);
        assertEquals(at("2026-12-06T08:15", REUNION), TimeOfDay.nearest(LocalTime.of(8, 15), noon));
        assertEquals(at("2026-12-06T19:00", REUNION), TimeOfDay.nearest(LocalTime.of(19, 0), noon));
        assertEquals(at("2026-12-06T00:00", REUNION), TimeOfDay.nearest(LocalTime.MIDNIGHT, noon));
        ZonedDateTime eight = at("2026-12-06T08:00", PARIS);
        assertEquals(at("2026-12-05T21:00", PARIS), TimeOfDay.nearest(LocalTime.of(21, 0), eight), "eleven hours ago, not thirteen to come");
    }

    @Test
    void aTimeAfterAKnownOneIsTheFirstAtOrAfterItAndOneBeforeTheLastAtOrBefore() {
        java.time.OffsetDateTime departure = java.time.OffsetDateTime.parse("2026-12-06T10:00+01:00");
        assertEquals(java.time.OffsetDateTime.parse("2026-12-06T23:00+01:00"), TimeOfDay.atOrAfter(LocalTime.of(23, 0), departure, PARIS),
                "a return thirteen hours after the departure, the same day");
        assertEquals(java.time.OffsetDateTime.parse("2026-12-07T05:00+01:00"), TimeOfDay.atOrAfter(LocalTime.of(5, 0), departure, PARIS),
                "nineteen hours after: the next morning");
        assertEquals(java.time.OffsetDateTime.parse("2026-12-06T09:00+01:00"), TimeOfDay.atOrAfter(LocalTime.of(9, 0), departure, PARIS),
                "an hour before the departure: a slip, that day, not 23 hours later");
        assertEquals(departure, TimeOfDay.atOrAfter(LocalTime.of(10, 0), departure, PARIS));
        java.time.OffsetDateTime lateDeparture = java.time.OffsetDateTime.parse("2026-12-06T22:30+01:00");
        assertEquals(java.time.OffsetDateTime.parse("2026-12-06T10:00+01:00"), TimeOfDay.atOrBefore(LocalTime.of(10, 0), lateDeparture, PARIS),
                "a decision twelve and a half hours before the departure, the same day");
        assertEquals(java.time.OffsetDateTime.parse("2026-12-06T23:00+01:00"), TimeOfDay.atOrBefore(LocalTime.of(23, 0), lateDeparture, PARIS),
                "half an hour after the departure: a slip, that evening, not the evening before");
        assertEquals(java.time.OffsetDateTime.parse("2026-12-05T23:50+01:00"), TimeOfDay.atOrBefore(LocalTime.of(23, 50),
                java.time.OffsetDateTime.parse("2026-12-06T00:20+01:00"), PARIS), "decided the evening before a departure after midnight");
        // to the minute: a departure tapped at 23:10:40 and an arrival typed "23:10" are the same minute, not a day apart
        java.time.OffsetDateTime tapped = java.time.OffsetDateTime.parse("2026-12-06T23:10:40+01:00");
        assertEquals(java.time.OffsetDateTime.parse("2026-12-06T23:10+01:00"), TimeOfDay.atOrAfter(LocalTime.of(23, 10), tapped, PARIS));
        // a slip to the wrong side of the bound stays that day: an arrival typed a few minutes before the departure, a
        // decision typed a minute after it
        assertEquals(java.time.OffsetDateTime.parse("2026-12-06T23:05+01:00"), TimeOfDay.atOrAfter(LocalTime.of(23, 5), tapped, PARIS));
        assertEquals(java.time.OffsetDateTime.parse("2026-12-06T23:12+01:00"), TimeOfDay.atOrBefore(LocalTime.of(23, 12), tapped, PARIS));
    }

    @Test
    void onTheNightsTheClockChangesTheRealDistanceDecides() {
        // 25 October 2026: 03:00 summer time becomes 02:00 winter time. From 00:30 (summer time), 12:10 the day before is
        // 12 h 20 away and 12:10 that day 12 h 40 (an hour more than the clock's faces say): the day before
        ZonedDateTime night = at("2026-10-25T00:30", PARIS);
        assertEquals(at("2026-10-24T12:10", PARIS), TimeOfDay.nearest(LocalTime.of(12, 10), night));
        assertEquals(at("2026-10-24T23:50", PARIS), TimeOfDay.nearest(LocalTime.of(23, 50), night));
        // at 02:40 winter time, "02:30" is ten minutes ago, the second 02:30 of the night, not seventy
        ZonedDateTime secondPass = at("2026-10-25T02:40", PARIS).withLaterOffsetAtOverlap();
        assertEquals(secondPass.minusMinutes(10), TimeOfDay.nearest(LocalTime.of(2, 30), secondPass));
        assertEquals(java.time.ZoneOffset.ofHours(1), TimeOfDay.nearest(LocalTime.of(2, 30), secondPass).getOffset());
        // 29 March 2026: 02:00 winter becomes 03:00 summer; a time in the gap is moved on by the hour, as java.time does
        ZonedDateTime spring = at("2026-03-29T01:50", PARIS);
        assertEquals(at("2026-03-29T03:20", PARIS), TimeOfDay.nearest(LocalTime.of(2, 20), spring));
        assertEquals(java.time.OffsetDateTime.parse("2026-12-06T23:58+01:00"), TimeOfDay.nearest(LocalTime.of(23, 58),
                java.time.OffsetDateTime.parse("2026-12-06T23:02Z"), PARIS), "an offset reference seen on the tablet's zone");
    }
}
