package org.opensmur.app.mission;

import java.util.List;

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
import java.time.Clock;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.opensmur.app.map.Navigators;
import org.opensmur.app.settings.TabletSettings;
import org.opensmur.app.shift.ShiftViewModel;
import org.opensmur.app.ui.Background;
import org.opensmur.core.tablet.CaseView;
import org.opensmur.tablet.TabletCore;
import org.opensmur.tablet.mission.MissionCore;
import org.opensmur.core.status.ResourceStatus;
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
    private final org.opensmur.app.handover.HandoverViewModel handover;
    private final Labels labels;
    private final MissionCore mission;
    private final Background background;
    private final java.util.function.Consumer<RuntimeException> failed;
    private final java.util.function.Consumer<String> say;
    private final StringProperty restoredScreen = new SimpleStringProperty();
    private String openCase;

    /**
     * The mission's screens over {@code mission}, fed on {@code ui}; {@code own}: where the vehicle is;
     * {@code say}: where the shell tells the crew what it refused (the status bar); {@code failed}: where a
     * failure of the store's work is said.
     */
    public OpenMission(TabletCore core, MissionCore mission, Background background, Executor ui, TabletSettings settings, Labels labels,
                       Clock clock, ShiftViewModel shift, ObjectProperty<MapPoint> own, java.util.function.Consumer<String> say,
                       java.util.function.Consumer<RuntimeException> failed) {
        this.labels = labels;
        this.failed = failed;
        this.say = say;
        this.mission = mission;
        this.background = background;
        var patients = new PatientsViewModel(core, background, labels, settings.unit().orgId());
        this.screens = new Screens(new EngagementViewModel(mission, background, labels,
                () -> say.accept(labels.get("engagement.callRegulation")), core.line(), clock), new MissionViewModel(labels),
                new StatusViewModel(mission, background, core.line(), labels, clock), patients,
                new MapViewModel(own, new SimpleObjectProperty<>(), labels, Navigators.clipboard(labels)),
                new BilanViewModel(core, background, settings, labels, clock), new DocumentViewModel(core, background, labels),
                new RpisViewModel(core, background, settings, labels), new AlertViewModel());
        screens.bilan().shiftFrom(shift::current);
        this.handover = new org.opensmur.app.handover.HandoverViewModel(core, mission, screens.bilan(), background, labels, clock);
        screens.rpis().shiftFrom(shift::current);
        patients.selectedProperty().addListener((o, was, is) -> { // one patient chosen for the bilan, the documents and the RPIS
            screens.bilan().choose(is);
            screens.documents().choose(is);
            screens.rpis().choose(is);
            prefillRpis();
        });
        core.events().subscribe(MissionEvent.class, ui, this::on);
        core.onLedgerChange(entry -> ui.execute(() -> {
            screens.bilan().onDelivery(entry);
            screens.documents().onDelivery(entry);
            screens.rpis().onDelivery(entry);
        }));
        screens.status().lastTapProperty().addListener((o, was, is) -> updateOver());
    }

    public Screens screens() {
        return screens;
    }

    /** The handover timeline of the patient on the bilan. */
    public org.opensmur.app.handover.HandoverViewModel handover() {
        return handover;
    }

    private void on(MissionEvent event) {
        switch (event) {
            case MissionEvent.RequestRinging ringing -> screens.engagement().ring(ringing);
            case MissionEvent.RequestWithdrawn withdrawn -> screens.engagement().withdrawn(withdrawn.caseId());
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
                // Nothing of it stays on a screen, nor can be typed about it (the bilan and documents have no case).
                openCase = null;
                screens.patients().clear();
                screens.bilan().open(null, null);
                screens.documents().open(null, null);
                screens.status().release();
                if (erased.pastRetention() && erased.caseId().equals(screens.mission().caseIdProperty().get())) {
                    screens.mission().erased(labels.get("mission.erase.expired"), true);
                }
                updateOver();
                // after any write the screens asked for before letting go (it runs after them, on the store's thread)
                background.run(() -> mission.forgetLateDrafts(erased.caseId()));
            }
            case MissionEvent.Restored restored -> restoredScreen.set(restored.screen());
        }
    }

    private void show(CaseView view) {
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

    /** The crew's "erase this mission from the tablet" (kept, and said, while one of its messages is on its way). */
    public void erase() {
        background.run(mission::erase, outcome -> outcome.ifPresent(screens.mission()::erased), failed);
    }

    /** Périmètre 1: the crew opens a case shared with it without an engagement request (refused, and said, while a mission is under way). */
    public void openShared(String caseId) {
        if (caseId != null) {
            background.run(() -> mission.openShared(caseId), opened -> {
                if (!opened) {
                    say.accept(labels.get("mission.shared.refused"));
                }
            }, failed);
        }
    }

    /** The crew has read the highlighted changes of the open case. */
    public void markSeen() {
        background.run(mission::openCaseView, view -> view.ifPresent(screens.mission()::markSeen), failed);
    }

    /** Prefills the RPIS screen from the case, the status times and the bilan (diagnosis, birth date, sex). */
    public void prefillRpis() {
        screens.rpis().prefillAsked();
        BilanViewModel bilanScreen = screens.bilan();
        if (bilanScreen.loadingProperty().get()) {
            // the patient just chosen: until their bilan is back, what it says is the previous patient's
            if (!rpisWaitsForBilan) {
                rpisWaitsForBilan = true;
                bilanScreen.loadingProperty().addListener(new javafx.beans.value.ChangeListener<Boolean>() {
                    @Override
                    public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean is) {
                        if (!is) {
                            o.removeListener(this);
                            rpisWaitsForBilan = false;
                            prefillRpis();
                        }
                    }
                });
            }
            return;
        }
        var about = screens.patients().selectedProperty().get();
        var times = screens.status().times();
        // the diagnosis typed, else the last bilan sent's; the birth date and sex as the bilan says them (typed once)
        var bilan = new org.opensmur.app.rpis.RpisViewModel.FromBilan(screens.bilan().diagnosisForRpis(), screens.bilan().birthDateForRpis(),
                screens.bilan().sexForRpis(), List.copyOf(screens.bilan().associatedDiagnoses()), screens.bilan().care().procedures());
        background.run(mission::openCaseView, view -> {
            if (view.isPresent()) {
                screens.rpis().prefill(view.get(), times, bilan, about);
            } else {
                screens.rpis().prefillFailed(false, about); // the mission closed meanwhile
            }
        }, e -> {
            screens.rpis().prefillFailed(true, about); // said on the RPIS too: its send button waits for a prefill
            failed.accept(e);
        });
    }

    /** An RPIS prefill waits for the bilan of the patient just chosen (one at a time). */
    private boolean rpisWaitsForBilan;

    /** The screen the crew had before a restart (set once, when the mission is restored). */
    public ReadOnlyStringProperty restoredScreenProperty() {
        return restoredScreen;
    }
}
