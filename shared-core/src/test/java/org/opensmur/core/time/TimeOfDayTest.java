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
    void onTheNightsTheClockChangesTheRealDistanceDecides() {
        // 25 October 2026: 03:00 summer time becomes 02:00 winter time; 03:30 that night is four hours after 00:30, not three
        ZonedDateTime night = at("2026-10-25T00:30", PARIS);
        assertEquals(at("2026-10-25T03:30", PARIS), TimeOfDay.nearest(LocalTime.of(3, 30), night));
        assertEquals(at("2026-10-24T23:50", PARIS), TimeOfDay.nearest(LocalTime.of(23, 50), night));
        // 29 March 2026: 02:00 winter becomes 03:00 summer; a time in the gap is moved on by the hour, as java.time does
        ZonedDateTime spring = at("2026-03-29T01:50", PARIS);
        assertEquals(at("2026-03-29T03:20", PARIS), TimeOfDay.nearest(LocalTime.of(2, 20), spring));
        assertEquals(java.time.OffsetDateTime.parse("2026-12-06T23:58+01:00"), TimeOfDay.nearest(LocalTime.of(23, 58),
                java.time.OffsetDateTime.parse("2026-12-06T23:02Z"), PARIS), "an offset reference seen on the tablet's zone");
    }
}
