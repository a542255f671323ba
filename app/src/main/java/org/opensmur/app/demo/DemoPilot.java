package org.opensmur.app.demo;

import javafx.animation.PauseTransition;
import javafx.util.Duration;
import org.opensmur.app.session.TabletSession;
import org.opensmur.app.shell.MainView;
import org.opensmur.core.document.DocumentType;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.rules.StatusFlow;

/**
 * For demonstrations only ({@code --autopilot=MS}): plays the crew on the real screens, through the same
 * view models a tap reaches. It accepts each engagement, taps the expected statuses one step apart, sends
 * an ECG link and a bilan at the end of care and the RPIS when the team is available, confirms ANNULE when
 * the SAMU cancels, looks at the mission when the SAMU updates it (its card goes then, as for a crew), and
 * shows each screen as it goes.
 */
public final class DemoPilot {

    private final TabletSession session;
    private final MainView view;
    private final Duration step;

    public DemoPilot(TabletSession session, MainView view, long stepMs) {
        this.session = session;
        this.view = view;
        this.step = Duration.millis(stepMs);
    }

    public void start() {
        // The crew's shift set-up first, as a crew does at the start of a shift (the exercise unit of SAMU 44).
        var shift = session.shift();
        java.util.Map.of("vehicleName", "VLM 1", "teamName", "Équipe SMUR 1", "medicalLevel", "MED", "crew.0.name", "Dr EXERCICE",
                "crew.0.role", "MEDECIN", "crew.1.name", "IDE EXERCICE", "crew.1.role", "INFIRMIER", "crew.2.name", "ADE EXERCICE",
                "crew.2.role", "AMBULANCIER").forEach((key, value) -> {
                    if (shift.field(key).get().isBlank()) {
                        shift.field(key).set(value);
                    }
                });
        java.util.Map.of("finessLegal", "440000271", "finessGeo", "440000289", "structure", "0").forEach((key, value) -> {
            if (shift.field(key).get().isBlank()) {
                shift.field(key).set(value);
            }
        });
        shift.save();
        // What a crew does with the SAMU's cards: an update sends them to the mission screen (the card goes
        // once it is seen), a cancellation to the statuses, where they confirm "Intervention annulée".
        session.alerts().cards().addListener((javafx.collections.ListChangeListener<org.opensmur.app.alert.AlertViewModel.Alert>) change -> {
            boolean added = false;
            while (change.next()) {
                added |= change.wasAdded();
            }
            if (added) {
                later(this::answerCards);
            }
        });
        session.engagement().pendingProperty().addListener((o, was, request) -> {
            if (request != null) {
                later(() -> {
                    session.engagement().accept();
                    view.show(MainView.Screen.MISSION);
                    later(this::next);
                });
            }
        });
    }

    private boolean rpisDone;

    private void answerCards() {
        for (var card : java.util.List.copyOf(session.alerts().cards())) {
            switch (card.kind()) {
                case UPDATED -> {
                    view.show(MainView.Screen.MISSION); // seen: the update card goes
                    later(() -> view.show(MainView.Screen.STATUS));
                }
                case CANCELLED -> {
                    if (session.status().expectedProperty().get() == ResourceStatus.ANNULE) {
                        view.show(MainView.Screen.STATUS);
                        session.status().tap(ResourceStatus.ANNULE); // answers the card
                    } else {
                        session.alerts().acknowledge(card);
                    }
                }
            }
        }
    }

    private void next() {
        ResourceStatus expected = session.status().expectedProperty().get();
        if (expected == null || !session.status().engaged()) {
            return;
        }
        if (expected == ResourceStatus.RETOUR && !rpisDone) {
            // The RPIS before leaving the destination: once RETOUR is tapped the SAMU may engage the crew
            // again at once, and the RPIS screen is the open mission's.
            rpisDone = true;
            rpis();
            return;
        }
        view.show(MainView.Screen.STATUS);
        session.status().tap(expected);
        if (expected == StatusFlow.endOfCare(session.core().line())) { // FINPEC, or FINMED on a model 2.0 vhost
            later(this::endOfCare);
        } else if (expected == ResourceStatus.RETOUR) {
            rpisDone = false; // the next mission's turn
        } else if (expected != ResourceStatus.ANNULE) {
            later(this::next);
        }
    }

    private void endOfCare() {
        view.show(MainView.Screen.BILAN);
        session.bilan().input("bilan.heartRate").valueProperty().set("96");
        session.bilan().input("bilan.bloodPressure").valueProperty().set("135/85");
        session.bilan().input("bilan.spo2").valueProperty().set("97");
        session.bilan().input("bilan.diagnosis").valueProperty().set("I21");
        session.bilan().input("bilan.orientation").valueProperty().set("Urgences du CHU");
        session.documents().typeProperty().set(DocumentType.ECG);
        session.documents().urlProperty().set("https://smur.example/ecg/" + System.currentTimeMillis() + ".pdf");
        session.documents().send();
        later(() -> {
            session.bilan().send();
            later(this::next);
        });
    }

    private void rpis() {
        session.prefillRpis();
        view.show(MainView.Screen.RPIS);
        later(() -> rpisOncePrefilled(0));
    }

    /** The record answered and sent once its prefill has landed (a case update may have asked for another meanwhile). */
    private void rpisOncePrefilled(int waited) {
        if (!session.rpis().prefilledProperty().get() && waited < 10) {
            later(() -> rpisOncePrefilled(waited + 1)); // a step more, at most ten
            return;
        }
        // The pilot states what a crew would where the case is silent (the exercise patient's answers).
        java.util.Map.of("medicalLevel", "MED", "birthDate", "1968-04-12", "sex", "M", "teamDoctor", "true", "teamNurse", "true",
                "teamDriver", "true", "orientationType", "OK").forEach((key, value) -> {
                    if (session.rpis().field(key).get().isBlank()) {
                        session.rpis().field(key).set(value);
                    }
                });
        if (session.rpis().field("returnSmur").get().isBlank()) { // the crew's estimate of being back at base
            session.rpis().field("returnSmur").set(session.rpis().field("teamAvailable").get());
        }
        if (!session.rpis().send()) { // field names only, never values
            org.slf4j.LoggerFactory.getLogger(DemoPilot.class).warn("demo pilot: RPIS not sent: {}", session.rpis().messageProperty().get());
        }
        later(this::next); // then RETOUR
    }

    private final java.util.Set<PauseTransition> pending = new java.util.HashSet<>();
    private boolean stopped;

    /** Stops playing: nothing pending is done (the session may be closing). On the UI thread. */
    public void stop() {
        stopped = true;
        pending.forEach(PauseTransition::stop);
        pending.clear();
    }

    private void later(Runnable action) {
        if (stopped) {
            return;
        }
        PauseTransition pause = new PauseTransition(step);
        pending.add(pause);
        pause.setOnFinished(e -> {
            pending.remove(pause);
            if (!stopped) {
                action.run();
            }
        });
        pause.play();
    }
}
