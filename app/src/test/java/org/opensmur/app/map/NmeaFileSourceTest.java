package org.opensmur.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recorded drive replays its valid fixes only, in decimal degrees with speed in km/h. */
class NmeaFileSourceTest {

    private static String withChecksum(String body) {
        int sum = 0;
        for (char c : body.toCharArray()) {
            sum ^= c;
        }
        return "$" + body + "*" + String.format("%02X", sum);
    }

    @Test
    void readsValidRmcSentencesAndSkipsTheRest(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("drive.nmea");
        Files.writeString(file, String.join("\n",
                withChecksum("GPGGA,101500.00,4713.104,N,00133.216,W,1,08,0.9,12.0,M,,M,,"),     // not RMC
                withChecksum("GPRMC,101500.00,A,4713.104,N,00133.216,W,27.0,45.0,231126,,,A"),   // Nantes, 27 kn
                withChecksum("GNRMC,101502.00,V,,,,,,,231126,,,N"),                              // no fix
                "$GPRMC,101504.00,A,4713.200,N,00133.100,W,27.0,45.0,231126,,,A*00",             // bad checksum
                withChecksum("GNRMC,101506.00,A,4713.300,N,00133.000,W,0.0,,231126,,,A"),
                "garbage"));
        NmeaFileSource source = new NmeaFileSource(file, 1000, Clock.systemUTC());
        assertEquals(2, source.fixes().size());
        PositionSource.Fix first = source.fixes().get(0);
        assertEquals(47.21840, first.lat(), 1e-5);
        assertEquals(-1.55360, first.lon(), 1e-5);
        assertEquals(50.0, first.speedKmh(), 0.01);
        assertEquals(45.0, first.heading(), 0.0);
        assertTrue(Double.isNaN(source.fixes().get(1).heading()));
    }

    @Test
    void aFileWithoutAnyFixIsRefusedWithItsName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("empty.nmea");
        Files.writeString(file, "$GPGSV,1,1,00*79\n");
        IOException e = assertThrows(IOException.class, () -> new NmeaFileSource(file, 1000, Clock.systemUTC()));
        assertTrue(e.getMessage().contains("empty.nmea"));
    }
}
