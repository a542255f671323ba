package org.opensmur.app.header;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.opensmur.app.mission.MissionViewModel;
import org.opensmur.app.ui.Labels;
import org.opensmur.app.status.StatusViewModel;
import org.opensmur.core.status.ResourceStatus;

/**
 * What every screen shows above it: the mission (priority and motive), the crew's current status and since
 * when, the time since departure, the clock, the vehicle and crew; and the expected next status, one tap away.
 */
public final class MissionHeaderViewModel {

    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");
    private final MissionViewModel mission;
    private final StatusViewModel status;
    private final Labels labels;
    private final Clock clock;
    private final StringProperty current = new SimpleStringProperty("");
    private final StringProperty sinceDeparture = new SimpleStringProperty("");
    private final StringProperty time = new SimpleStringProperty("");
    private final StringProperty next = new SimpleStringProperty("");
    private final StringProperty crew;

    /** The vehicle and team as the shift set-up gives them, kept up to date as it is saved again. */
    public MissionHeaderViewModel(MissionViewModel mission, StatusViewModel status, Labels labels, Clock clock,
                                  javafx.beans.value.ObservableValue<org.opensmur.core.shift.ShiftSetup> shift) {
        this.mission = mission;
        this.status = status;
        this.labels = labels;
        this.clock = clock;
        this.crew = new SimpleStringProperty();
        Runnable crewLine = () -> {
            var on = shift.getValue();
            crew.set(on == null ? "" : String.join(" · ", java.util.stream.Stream.of(on.vehicleName(), on.teamName())
                    .filter(s -> s != null && !s.isBlank()).toList()));
        };
        shift.addListener((o, was, is) -> crewLine.run());
        crewLine.run();
        status.lastTapProperty().addListener((o, was, is) -> tick(clock.instant()));
        status.expectedProperty().addListener((o, was, is) -> tick(clock.instant()));
        status.caseIdProperty().addListener((o, was, is) -> tick(clock.instant()));
        mission.sharedNoteProperty().addListener((o, was, is) -> tick(clock.instant())); // a shared case engaged later
        tick(clock.instant());
    }

    /** Every second: the clock and the durations move on. */
    public void tick(Instant now) {
        LocalTime local = now.atZone(clock.getZone()).toLocalTime();
        time.set(local.format(HOURS_MINUTES));
        org.opensmur.tablet.mission.Tap last = status.lastTapProperty().get();
        current.set(last == null
                ? (!status.engaged() ? "" : mission.sharedNoteProperty().get().isEmpty() ? labels.get("header.engaged") : labels.get("header.shared"))
                : labels.format("header.current", labels.status(last.status()), last.at().toLocalTime().format(HOURS_MINUTES)));
        OffsetDateTime departed = status.times().get(ResourceStatus.DEPART);
        sinceDeparture.set(departed == null || !status.missionActive() ? ""
                : labels.format("header.sinceDeparture", minutes(Duration.between(departed.toInstant(), now))));
        ResourceStatus expected = status.expectedProperty().get();
        next.set(expected == null ? "" : labels.status(expected));
    }

    private static long minutes(Duration d) {
        return Math.max(0, d.toMinutes());
    }

    /** Taps the expected next status (ANNULE is asked first by the screen, as from the grid). */
    public void tapNext() {
        ResourceStatus expected = status.expectedProperty().get();
        if (expected != null && expected != ResourceStatus.ANNULE) {
            status.tap(expected);
        }
    }

    public ReadOnlyStringProperty missionProperty() {
        return mission.titleProperty();
    }

    public ReadOnlyObjectProperty<ResourceStatus> expectedProperty() {
        return status.expectedProperty();
    }

    public ReadOnlyStringProperty currentProperty() {
        return current;
    }

    public ReadOnlyStringProperty sinceDepartureProperty() {
        return sinceDeparture;
    }

    public ReadOnlyStringProperty timeProperty() {
        return time;
    }

    public ReadOnlyStringProperty nextProperty() {
        return next;
    }

    /** "« Arrivée sur les lieux » non confirmé par le SAMU depuis 3 min" (amber), or empty. */
    public ReadOnlyStringProperty unconfirmedProperty() {
        return status.unconfirmedTextProperty();
    }

    public ReadOnlyStringProperty crewProperty() {
        return crew;
    }
}
