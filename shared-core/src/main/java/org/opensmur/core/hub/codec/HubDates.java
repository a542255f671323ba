package org.opensmur.core.hub.codec;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Dates as the Hub wants them: {@code yyyy-MM-ddTHH:mm:ss±HH:mm}, never {@code Z}, never fractions.
 * The {@code xxx} offset pattern prints {@code +00:00} where {@code XXX} would print {@code Z}.
 */
public final class HubDates {

    public static final ZoneId FRANCE = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private HubDates() {
    }

    public static String format(OffsetDateTime dateTime) {
        return WIRE.format(dateTime.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Now, to the second, with the offset of the clock's zone (Europe/Paris on a tablet). */
    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Accepts any RFC 3339 date-time, as the Hub's validator does for envelope dates: Z, fractions, a space
     * or a lower-case t between date and time.
     */
    public static OffsetDateTime parse(String text) {
        String iso = text.length() > 10 && (text.charAt(10) == ' ' || text.charAt(10) == 't')
                ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        if (iso.endsWith("z")) {
            iso = iso.substring(0, iso.length() - 1) + 'Z';
        }
        return OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
