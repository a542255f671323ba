package org.opensmur.app.flows;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.time.Duration;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.status.ResourcesStatus;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * What the SAMU changes during a mission comes over the screens: an update's fields highlighted until seen, a
 * cancellation confirmed, cards stacked under the header, a third party's messages ignored and said, the demo
 * pilot answering as a crew.
 * Model 3 here; {@link AlertFlowsOnModel2Test}: what differs on model 2.0.
 */
class AlertFlowsTest extends TabletFlows {

    @Start
    @Override
    void start(Stage stage) throws Exception {
        super.start(stage); // TestFX looks for @Start on the test class itself
    }

    @Test
    void anUpdateAndACancellationComeOverTheScreenUntilAcknowledgedAndNeverIntoTheNextMission(FxRobot robot) throws Exception {
        String caseId = onScene(robot); // on the Statuts screen
        double gridTop = robot.lookup("#status-PEC").query().localToScene(0, 0).getY();
        hub.send("orientation.json", caseId, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> robot.lookup("#alert-title").tryQuery().map(TabletFlows::shown).orElse(false));
        assertEquals(java.util.List.of(org.opensmur.app.alert.AlertSound.Tone.ALERT, org.opensmur.app.alert.AlertSound.Tone.ALERT), tones,
                "the request rang, the update sounds");
        assertEquals("Le dossier a été mis à jour par la régulation", text(robot, "#alert-title"));
        assertEquals(gridTop, robot.lookup("#status-PEC").query().localToScene(0, 0).getY(), "nothing below moved");
        await().atMost(Duration.ofSeconds(5)).until(() -> !view.tapLocked()); // past the tap lock
        robot.clickOn("#alert-open");
        assertTrue(robot.lookup("#tab-mission").queryAs(javafx.scene.control.ToggleButton.class).isSelected(), "the mission is shown");
        assertFalse(alertShown(robot), "acknowledged: gone");

        robot.clickOn("#tab-status");
        hub.send("engagement.json", caseId, org.opensmur.core.hub.message.DistributionKind.CANCEL);
        await().atMost(Duration.ofSeconds(20)).until(() -> alertShown(robot));
        assertEquals("La régulation a annulé l'intervention", text(robot, "#alert-title"));
        assertEquals(org.opensmur.app.alert.AlertSound.Tone.CANCELLED, tones.get(tones.size() - 1), "a cancellation has its own tone");
        assertFalse(robot.lookup("#alert-open").tryQuery().map(TabletFlows::shown).orElse(false), "a cancellation is acknowledged, not browsed");
        // marked from the mission's timeline, an event of its own beside the alert's: on screen within the same moment
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#status-ANNULE").query().getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("expected")));
        await().atMost(Duration.ofSeconds(5)).until(() -> !view.tapLocked()); // past the tap lock
        // Confirmed from the statuses, below the card: the alert has been answered and goes (seen in a crew trial: it stayed).
        robot.clickOn("#status-ANNULE");
        robot.clickOn("#status-confirm");
        await().atMost(Duration.ofSeconds(5)).until(() -> !alertShown(robot));

        String next = engage(robot);
        atLrm(MessageType.RS_RI, next);
        assertFalse(alertShown(robot), "nothing of the last mission is carried into the next");
    }

    @Test
    void anUpdateHighlightsTheFieldsItChangedUntilSeen(FxRobot robot) throws Exception {
        String caseId = engage(robot);
        atLrm(MessageType.RS_RI, caseId);
        robot.clickOn("#tab-mission");
        PseudoClass changed = PseudoClass.getPseudoClass("changed");
        Label notes = robot.lookup("#field-notes").queryAs(Label.class);
        Label address = robot.lookup("#field-address").queryAs(Label.class);
        assertFalse(notes.getPseudoClassStates().contains(changed));
        assertFalse(shown(robot.lookup("#mission-seen").query()), "nothing changed: nothing to mark as seen");
        hub.send("orientation.json", caseId, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> notes.getPseudoClassStates().contains(changed));
        assertTrue(notes.getText().contains("CHU de Nantes"), notes.getText());
        assertTrue(robot.lookup("#field-decision").queryAs(Label.class).getPseudoClassStates().contains(changed));
        assertFalse(address.getPseudoClassStates().contains(changed), "an unchanged field is not highlighted");
        robot.clickOn("#mission-seen");
        await().atMost(Duration.ofSeconds(5)).until(() -> !notes.getPseudoClassStates().contains(changed));
        assertFalse(shown(robot.lookup("#mission-seen").query()), "seen: the button goes");
    }

    @Test
    @DisabledIf(value = "sameOnModel3", disabledReason = SAME_ON_MODEL_3)
    void cardsStackUnderTheHeaderWithACountAndTheNextStatusStaysInReach(FxRobot robot) throws Exception {
        String caseId = onScene(robot); // on the Statuts screen
        hub.send("orientation.json", caseId, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> robot.lookup("#alert-title").tryQuery().map(TabletFlows::shown).orElse(false));
        // shown, and laid out: its place is known after the FX thread's next layout pass
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup(".alert-card").queryAll().stream().allMatch(c -> c.getLayoutBounds().getHeight() > 0));
        javafx.scene.Node header = robot.lookup(".mission-header").query();
        javafx.geometry.Bounds headerBounds = org.opensmur.app.testing.SceneBounds.inScene(header);
        for (javafx.scene.Node card : robot.lookup(".alert-card").queryAll()) {
            javafx.geometry.Bounds b = org.opensmur.app.testing.SceneBounds.inScene(card);
            assertTrue(b.getMinY() >= headerBounds.getMaxY() - 0.5, "the card " + b + " is below the header " + headerBounds);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> !view.tapLocked());
        robot.clickOn("#next-status"); // "▶ Début de prise en charge", under no card
        await().atMost(Duration.ofSeconds(5)).until(() -> session.status().lastTapProperty().get().status() == ResourceStatus.PEC);

        hub.send("engagement.json", caseId, org.opensmur.core.hub.message.DistributionKind.CANCEL);
        await().atMost(Duration.ofSeconds(20)).until(() -> robot.lookup(".alert-card").queryAll().size() == 2);
        assertEquals("2 alertes : chacune reste jusqu'à « J'ai compris »", text(robot, "#alert-count"));
        assertEquals("La régulation a annulé l'intervention", text(robot, "#alert-title"), "the cancellation on top");
        double bottom = robot.lookup(".alert-card").queryAll().stream()
                .mapToDouble(c -> org.opensmur.app.testing.SceneBounds.inScene(c).getMaxY()).max().orElseThrow();
        assertTrue(bottom - headerBounds.getMaxY() < 0.5 * scene.getHeight(), "two cards take less than half the screen: " + bottom);

        await().atMost(Duration.ofSeconds(5)).until(() -> !view.tapLocked());
        robot.clickOn("#tab-mission"); // the crew looks at the mission: the update is seen, the cancellation still asks
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup(".alert-card").queryAll().size() == 1);
        assertEquals("La régulation a annulé l'intervention", text(robot, "#alert-title"));
        assertFalse(robot.lookup("#alert-count").tryQuery().map(TabletFlows::shown).orElse(false), "one card, no count");

        String next = engage(robot);
        atLrm(MessageType.RS_RI, next);
        assertTrue(robot.lookup(".alert-card").queryAll().isEmpty(), "nothing of the last mission in the next");
    }

    @Test
    @DisabledIf(value = "sameOnModel3", disabledReason = SAME_ON_MODEL_3)
    void aThirdPartysCancellationAndUpdateChangeNothingAndTheCrewIsToldWhoSentThem(FxRobot robot) throws Exception {
        String caseId = onScene(robot);
        var before = session.core().store().cases().view(caseId).current();
        hub.sendFromThirdParty("engagement.json", caseId, org.opensmur.core.hub.message.DistributionKind.CANCEL);
        hub.sendFromThirdParty("orientation.json", caseId, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> text(robot, "#last-error").startsWith("Message d'un tiers ignoré (fr.health.test)"));
        // Both taken in (and kept apart) before looking at what they did not do.
        await().atMost(Duration.ofSeconds(20)).until(() -> session.core().store().inbox().fromThirdParties(caseId).size() == 2);
        Thread.sleep(1_000); // what a cancellation would have raised would be up by now
        assertFalse(robot.lookup("#alert-title").tryQuery().map(TabletFlows::shown).orElse(false), "no cancellation, no update card");
        assertFalse(robot.lookup("#status-ANNULE").query().getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("expected")),
                "the crew is not asked to confirm a cancellation");
        assertTrue(hub.atLrm.stream().noneMatch(m -> m.payload() instanceof org.opensmur.core.status.ResourcesStatus s
                && s.caseId().equals(caseId) && s.state().status() == org.opensmur.core.status.ResourceStatus.ANNULE),
                "nothing sent to the SAMU about this mission (the LRM of this class heard the other flows)");
        assertEquals(before, session.core().store().cases().view(caseId).current(), "the case is as its SAMU shared it");
        assertFalse(session.mission().overProperty().get(), "not closed");

        // The tablet's SAMU still steers it.
        hub.send("engagement.json", caseId, org.opensmur.core.hub.message.DistributionKind.CANCEL);
        await().atMost(Duration.ofSeconds(20)).until(() -> alertShown(robot));
        assertEquals("La régulation a annulé l'intervention", text(robot, "#alert-title"));
    }

    @Test
    @DisabledIf(value = "sameOnModel3", disabledReason = SAME_ON_MODEL_3)
    void theDemoPilotLooksAtAnUpdatedMissionAndConfirmsACancellationAsACrewWould(FxRobot robot) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> session.core().transport().state().isConnected());
        java.util.List<org.opensmur.app.alert.AlertViewModel.Kind> raised = new java.util.concurrent.CopyOnWriteArrayList<>();
        var pilot = new java.util.concurrent.atomic.AtomicReference<org.opensmur.app.demo.DemoPilot>();
        robot.interact(() -> {
            session.alerts().cards().addListener((javafx.collections.ListChangeListener<org.opensmur.app.alert.AlertViewModel.Alert>) c -> {
                while (c.next()) {
                    c.getAddedSubList().forEach(card -> raised.add(card.kind()));
                }
            });
            pilot.set(new org.opensmur.app.demo.DemoPilot(session, view, 300));
            pilot.get().start();
        });
        try {
            pilotPlays(hub.newCase(), raised);
        } finally {
            robot.interact(() -> pilot.get().stop()); // it would play on into the next flow, on a closed session
        }
    }
}
