package org.opensmur.app.alert;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the SAMU did that the crew must not miss, whatever screen is up: a cancellation of the intervention,
 * an update of the case. One at a time, a cancellation outranking an update; it stays until the crew
 * acknowledges it, and never outlives its mission.
 */
public final class AlertViewModel {

    public enum Kind { CANCELLED, UPDATED }

    public record Alert(Kind kind, String caseId, String title, String detail) {
    }

    private final ObjectProperty<Alert> current = new SimpleObjectProperty<>();

    public void raise(Alert alert) {
        Alert shown = current.get();
        if (shown != null && shown.kind() == Kind.CANCELLED && alert.kind() == Kind.UPDATED && shown.caseId().equals(alert.caseId())) {
            return; // the cancellation says more: it stays
        }
        current.set(alert);
    }

    public void acknowledge() {
        current.set(null);
    }

    /** The crew did what the alert asked ({@code kind} for {@code caseId}): it has nothing more to say. */
    public void settled(String caseId, Kind kind) {
        Alert shown = current.get();
        if (shown != null && shown.kind() == kind && shown.caseId().equals(caseId)) {
            current.set(null);
        }
    }

    /** A new mission starts: nothing of the last one is carried into it. */
    public void newMission() {
        current.set(null);
    }

    public ReadOnlyObjectProperty<Alert> currentProperty() {
        return current;
    }
}
