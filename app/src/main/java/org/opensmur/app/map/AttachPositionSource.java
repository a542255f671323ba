package org.opensmur.app.map;

import com.gluonhq.attach.position.Parameters;
import com.gluonhq.attach.position.PositionService;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;

/**
 * The device's GPS through Gluon Attach (Android, iOS). {@link #available()} is false on the desktop,
 * where a simulated track or an NMEA file stands in.
 */
public final class AttachPositionSource implements PositionSource {

    private final PositionService service;
    private final Clock clock;
    private ChangeListener<com.gluonhq.attach.position.Position> listener;

    private AttachPositionSource(PositionService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    public static Optional<PositionSource> available(Clock clock) {
        return PositionService.create().map(service -> new AttachPositionSource(service, clock));
    }

    @Override
    public void start(Consumer<Fix> consumer) {
        listener = (o, was, p) -> {
            if (p != null) {
                consumer.accept(new Fix(p.getLatitude(), p.getLongitude(), Double.NaN, Double.NaN, clock.instant()));
            }
        };
        service.positionProperty().addListener(listener);
        // High accuracy, every 2 s or 10 m; keeps running when the screen is off (the crew pockets the tablet).
        service.start(new Parameters(Parameters.Accuracy.HIGH, 2_000, 10, true));
    }

    @Override
    public void close() {
        if (listener != null) {
            service.positionProperty().removeListener(listener);
        }
        service.stop();
    }
}
