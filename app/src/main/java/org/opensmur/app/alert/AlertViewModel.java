package org.opensmur.app.alert;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the SAMU did that the crew must not miss, whatever screen is up: a cancellation of the intervention,
 * an update of the case. The cards stack in a list (cancellations first, one card per kind and case: a second
 * update of the same case refreshes its card, an update after the case's cancellation adds nothing); each stays until
 * the crew acknowledges it, an update card goes once the mission screen has been seen, and none outlives its
 * mission.
 */
public final class AlertViewModel {

    public enum Kind { CANCELLED, UPDATED }

    public record Alert(Kind kind, String caseId, String title, String detail) {
    }

    private final ObservableList<Alert> cards = FXCollections.observableArrayList();
    private volatile AlertSound sound = AlertSound.SILENT;
    private final ObjectProperty<Alert> current = new SimpleObjectProperty<>();
    private final ObservableList<Alert> readOnly;

    /** What the alerts sound like on this device ({@link AlertSound#SILENT} until the app sets it). */
    public AlertSound sound() {
        return sound;
    }

    public void setSound(AlertSound sound) {
        this.sound = java.util.Objects.requireNonNull(sound);
    }

    public AlertViewModel() {
        // The card on top is known before anyone watching the list hears of the change (the read-only view
        // listens to the list from its creation: it comes after).
        cards.addListener((javafx.collections.ListChangeListener<Alert>) change -> current.set(cards.isEmpty() ? null : cards.get(0)));
        readOnly = FXCollections.unmodifiableObservableList(cards);
    }

    public void raise(Alert alert) {
        if (alert.kind() == Kind.UPDATED && cards.stream().anyMatch(a -> a.kind() == Kind.CANCELLED && a.caseId().equals(alert.caseId()))) {
            return; // the cancellation says more: it stays, alone for its case
        }
        cards.removeIf(a -> a.caseId().equals(alert.caseId()) && a.kind() == alert.kind());
        if (alert.kind() == Kind.CANCELLED) {
            cards.add(0, alert);
        } else {
            cards.add(alert);
        }
    }

    /** The crew acknowledged the card on top. */
    public void acknowledge() {
        if (!cards.isEmpty()) {
            cards.remove(0);
        }
    }

    /** The crew acknowledged {@code alert}'s card. */
    public void acknowledge(Alert alert) {
        cards.remove(alert);
    }

    /** The crew did what the alert asked ({@code kind} for {@code caseId}): it has nothing more to say. */
    public void settled(String caseId, Kind kind) {
        cards.removeIf(a -> a.kind() == kind && a.caseId().equals(caseId));
    }

    /** The mission screen is in front of the crew: what an update card asked them to look at, they see. */
    public void missionSeen() {
        cards.removeIf(a -> a.kind() == Kind.UPDATED);
    }

    /** A new mission starts: nothing of the last one is carried into it. */
    public void newMission() {
        cards.clear();
    }

    /** The card on top (a cancellation before an update), or null. */
    public ReadOnlyObjectProperty<Alert> currentProperty() {
        return current;
    }

    /** Every card, in the order shown. */
    public ObservableList<Alert> cards() {
        return readOnly;
    }
}
