package org.opensmur.app.map;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A recorded drive on the desktop: the RMC sentences ($GPRMC, $GNRMC...) of an NMEA file, replayed one
 * every {@code periodMs} as if live (stamped with the replay time). Sentences with a bad checksum or no
 * fix ("V") are skipped, as a receiver would.
 */
public final class NmeaFileSource implements PositionSource {

    private final List<Fix> fixes;
    private final long periodMs;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "nmea-replay");
        t.setDaemon(true);
        return t;
    });

    public NmeaFileSource(Path file, long periodMs, Clock clock) throws IOException {
        this.periodMs = periodMs;
        this.clock = clock;
        this.fixes = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            parseRmc(line.strip(), clock).ifPresent(fixes::add);
        }
        if (fixes.isEmpty()) {
            throw new IOException(file + ": no valid RMC sentence");
        }
    }

    public List<Fix> fixes() {
        return List.copyOf(fixes);
    }

    /** One RMC sentence, or empty when it is not one, has no fix, or fails its checksum. */
    static Optional<Fix> parseRmc(String sentence, Clock clock) {
        if (!sentence.startsWith("$") || sentence.length() < 7 || !sentence.startsWith("RMC", 3)) {
            return Optional.empty();
        }
        int star = sentence.indexOf('*');
        if (star > 0) {
            int sum = 0;
            for (int i = 1; i < star; i++) {
                sum ^= sentence.charAt(i);
            }
            try {
                if (sum != Integer.parseInt(sentence.substring(star + 1, Math.min(sentence.length(), star + 3)), 16)) {
                    return Optional.empty();
                }
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        String[] f = (star > 0 ? sentence.substring(0, star) : sentence).split(",", -1);
        if (f.length < 9 || !"A".equals(f[2]) || f[3].isEmpty() || f[5].isEmpty()) {
            return Optional.empty();
        }
        try {
            double lat = degrees(f[3], 2) * ("S".equals(f[4]) ? -1 : 1);
            double lon = degrees(f[5], 3) * ("W".equals(f[6]) ? -1 : 1);
            double speedKmh = f[7].isEmpty() ? Double.NaN : Double.parseDouble(f[7]) * 1.852;
            double heading = f[8].isEmpty() ? Double.NaN : Double.parseDouble(f[8]);
            return Optional.of(new Fix(lat, lon, speedKmh, heading, clock.instant()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** ddmm.mmmm (or dddmm.mmmm) to decimal degrees. */
    private static double degrees(String value, int degreeDigits) {
        return Integer.parseInt(value.substring(0, degreeDigits)) + Double.parseDouble(value.substring(degreeDigits)) / 60.0;
    }

    @Override
    public void start(Consumer<Fix> listener) {
        int[] next = {0};
        timer.scheduleAtFixedRate(() -> {
            Fix recorded = fixes.get(next[0]++ % fixes.size());
            listener.accept(new Fix(recorded.lat(), recorded.lon(), recorded.speedKmh(), recorded.heading(), clock.instant()));
        }, 0, periodMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
