package org.opensmur.app.mission;

import com.gluonhq.maps.MapPoint;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.opensmur.app.alert.AlertViewModel;
import org.opensmur.app.bilan.BilanViewModel;
import org.opensmur.app.document.DocumentViewModel;
import org.opensmur.app.map.MapViewModel;
import org.opensmur.app.patient.PatientsViewModel;
import org.opensmur.app.rpis.RpisViewModel;
import org.opensmur.app.ui.Labels;
import org.opensmur.app.status.StatusViewModel;
import org.opensmur.app.engagement.EngagementViewModel;
import org.opensmur.core.events.EventBus;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.store.cases.CaseStore;
import org.opensmur.tablet.mission.MissionEvent;

/**
 * What the screens show of the crew's mission, as the mission core tells it: the request ringing, the case
 * engaged on (mission, patients, map, bilan, documents), the statuses, the alerts beside them, the screen
 * the crew had before a restart. Everything here runs on the UI thread; the rules are the core's.
 */
public final class OpenMission {

    /** The screens this feeds (each a view model of its own). */
    public record Screens(EngagementViewModel engagement, MissionViewModel mission, StatusViewModel status, PatientsViewModel patients,
                          MapViewModel map, BilanViewModel bilan, DocumentViewModel documents, RpisViewModel rpis, AlertViewModel alerts) {
    }

    private final Screens screens;
    private final Labels labels;
    private final StringProperty restoredScreen = new SimpleStringProperty();
    private String openCase;

    public OpenMission(EventBus events, Executor ui, Screens screens, Labels labels) {
        this.screens = screens;
        this.labels = labels;
        events.subscribe(MissionEvent.class, ui, this::on);
        screens.status().lastTapProperty().addListener((o, was, is) -> updateOver());
    }

    private void on(MissionEvent event) {
        switch (event) {
            case MissionEvent.RequestRinging ringing -> screens.engagement().ring(ringing);
            case MissionEvent.MissionOpened opened -> {
                screens.alerts().newMission();
                openCase = opened.caseId();
                screens.documents().open(opened.caseId(), opened.lrmId());
                screens.patients().open(opened.caseId(), opened.view());
                if (opened.view() != null) {
                    show(opened.view());
                    screens.bilan().open(opened.view(), opened.lrmId());
                }
                screens.mission().showConflicts(opened.conflicts());
                screens.mission().opened(opened.caseId(), opened.shared());
            }
            case MissionEvent.CaseShared shared -> {
                if (openCase == null || !screens.status().missionActive()) {
                    screens.mission().offerShared(shared.caseId()); // périmètre 1: the crew may open it
                }
            }
            case MissionEvent.CaseChanged changed -> {
                if (openCase == null || changed.view().caseId().equals(openCase)) {
                    show(changed.view());
                    screens.patients().show(changed.view(), null);
                } else if (!screens.status().missionActive()) {
                    // The mission is over: the next case is shown on the mission screen; the bilan, documents and RPIS
                    // keep the finished mission's patients until the crew opens or is engaged on the new one.
                    show(changed.view());
                }
            }
            case MissionEvent.UpdatedAway away -> screens.alerts().raise(new AlertViewModel.Alert(AlertViewModel.Kind.UPDATED,
                    away.caseId(), labels.get("alert.updated.title"), labels.get("alert.updated.detail")));
            case MissionEvent.CancelledBySamu cancelled -> screens.alerts().raise(new AlertViewModel.Alert(AlertViewModel.Kind.CANCELLED,
                    cancelled.caseId(), labels.get("alert.cancelled.title"), labels.get("alert.cancelled.detail")));
            case MissionEvent.OtherResources others -> others.resources().forEach(screens.mission()::addResource);
            case MissionEvent.ConflictsChanged conflicts -> screens.mission().showConflicts(conflicts.count());
            case MissionEvent.TimelineChanged changed -> {
                screens.status().show(changed.timeline());
                if (changed.timeline().last().filter(t -> t.status() == ResourceStatus.ANNULE).isPresent()) {
                    // The cancellation confirmed from the statuses: its alert has been answered.
                    screens.alerts().settled(changed.timeline().caseId(), AlertViewModel.Kind.CANCELLED);
                }
                updateOver();
            }
            case MissionEvent.MissionErased erased -> {
                openCase = null;
                screens.patients().clear();
                screens.status().release();
                updateOver();
            }
            case MissionEvent.Restored restored -> restoredScreen.set(restored.screen());
        }
    }

    private void show(CaseStore.CaseView view) {
        screens.mission().show(view);
        var c = view.merged();
        String street = Objects.requireNonNullElse(c.address(), "");
        String city = Objects.requireNonNullElse(c.cityName(), "");
        screens.map().setAddress(street.toLowerCase(Locale.ROOT).contains(city.toLowerCase(Locale.ROOT)) ? street
                : (street + " " + city).strip()); // the city once, even when the address already names it
        var point = c.coordinates();
        if (point != null) {
            screens.map().targetProperty().set(new MapPoint(point.lat(), point.lon())); // where the intervention is
        }
        updateOver();
    }

    /** Over when the crew's last status ends the mission or the SAMU closed the case. */
    private void updateOver() {
        screens.mission().setOver(openCase != null
                && ((screens.status().engaged() && !screens.status().missionActive()) || screens.mission().closedBySamu()));
    }

    /** The screen the crew had before a restart (set once, when the mission is restored). */
    public ReadOnlyStringProperty restoredScreenProperty() {
        return restoredScreen;
    }
}
