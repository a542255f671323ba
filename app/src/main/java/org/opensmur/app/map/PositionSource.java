package org.opensmur.app.map;

import java.util.function.Consumer;

/** Where the vehicle is: Gluon Attach on devices, a simulated track or an NMEA file on the desktop. */
public interface PositionSource extends AutoCloseable {

    /** A fix; {@code speedKmh} and {@code heading} may be NaN when the source does not know them. */
    record Fix(double lat, double lon, double speedKmh, double heading, java.time.Instant at) {
    }

    void start(Consumer<Fix> listener);

    @Override
    void close();
}
