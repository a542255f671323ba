package org.opensmur.app.flows;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.time.Duration;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.status.ResourcesStatus;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The statuses the crew taps: asked before a correction or a cancellation, sent while offline once the link is
 * back, with the positions, brought back by a restart, and the mission erased once over and delivered.
 * Model 3 here; {@link StatusFlowsOnModel2Test}: what differs on model 2.0.
 */
class StatusFlowsTest extends TabletFlows {

    @Start
    @Override
    void start(Stage stage) throws Exception {
        super.start(stage); // TestFX looks for @Start on the test class itself
    }

    @Test
    @DisabledIf(value = "sameOnModel3", disabledReason = SAME_ON_MODEL_3)
    void aCorrectionAskedOnOneStatusIsWithdrawnWhenAnotherIsTappedAndSendsOnlyWhatItSaid(FxRobot robot) throws Exception {
        String caseId = engage(robot);
        atLrm(MessageType.RS_RI, caseId);
        robot.clickOn("#tab-status");
        tap(robot, "DEPART");
        java.time.OffsetDateTime departed = session.status().times().get(ResourceStatus.DEPART);
        robot.clickOn("#status-correct");
        assertTrue(text(robot, "#status-question").contains("rien n'est envoyé"), text(robot, "#status-question"));
        robot.clickOn("#next-status"); // the header's "▶ Arrivée sur les lieux", the question still open
        await().atMost(Duration.ofSeconds(5)).until(() -> text(robot, "#status-last").startsWith("Dernier statut : Arrivée sur les lieux"));
        assertFalse(shown(robot.lookup("#status-confirm").query()), "the question about Départ is withdrawn");
        // Every message of the case has left the tablet: one the confirmation had queued would be among them.
        await().atMost(Duration.ofSeconds(20)).until(() -> session.core().store().outbox().list(caseId, 100).stream()
                .noneMatch(e -> e.state() == org.opensmur.core.tablet.DeliveryState.QUEUED) && statusesAtLrm(caseId).size() >= 2);
        assertEquals(java.util.List.of(ResourceStatus.DEPART, ResourceStatus.ARRIVEE), statusesAtLrm(caseId));
        assertFalse(text(robot, "#status-note-ARRIVEE").isEmpty(), "Arrivée stays on the grid");
        assertTrue(text(robot, "#header-current").startsWith("Arrivée sur les lieux"), text(robot, "#header-current"));

        // Corrected for real: Départ again, with the time the crew left; the header counts from then.
        robot.clickOn("#status-correct");
        robot.clickOn("#status-confirm");
        await().atMost(Duration.ofSeconds(20)).until(() -> statusesAtLrm(caseId).size() == 3);
        HubMessage resent = hub.atLrm.stream().filter(m -> m.type() == MessageType.RS_SR && caseId.equals(caseOf(m)))
                .reduce((a, b) -> b).orElseThrow();
        ResourcesStatus sent = (ResourcesStatus) resent.payload();
        assertEquals(ResourceStatus.DEPART, sent.state().status());
        assertEquals(departed.toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), sent.state().datetime().toInstant(),
                "the time of the departure (to the second, as the wire has it), not of the correction");
        assertTrue(text(robot, "#status-note-ARRIVEE").startsWith("corrigé à"), text(robot, "#status-note-ARRIVEE"));
        assertTrue(text(robot, "#header-current").startsWith("Départ"), text(robot, "#header-current"));
        assertEquals(departed, session.status().times().get(ResourceStatus.DEPART), "Parti depuis counts from the departure");
    }

    @Test
    @DisabledIf(value = "sameOnModel3", disabledReason = SAME_ON_MODEL_3)
    void aStatusTappedOfflineWaitsThenIsReceivedAfterReconnection(FxRobot robot) throws Exception {
        String caseId = engage(robot);
        atLrm(MessageType.RS_RI, caseId);
        hub.proxy.blackhole(true); // the ambulance enters a coverage gap
        await().atMost(Duration.ofSeconds(30)).until(() -> !session.core().transport().state().isConnected());
        PseudoClass offline = PseudoClass.getPseudoClass("offline");
        var bar = robot.lookup(".status-bar").query();
        // Handed to the UI thread at once (5 s was once too short in a loaded CI run; a failure shows that thread).
        await().atMost(Duration.ofSeconds(15)).until(() -> bar.getPseudoClassStates().contains(offline));
        robot.clickOn("#tab-status");
        robot.clickOn("#status-DEPART");
        // saved in the background, then shown: what the crew sees within moments of the tap
        await().atMost(Duration.ofSeconds(5)).until(() -> text(robot, "#status-last").contains("en attente"));
        await().atMost(Duration.ofSeconds(5)).until(() -> text(robot, "#outbox-waiting").contains("1 message en attente"));
        hub.proxy.blackhole(false); // coverage is back
        await().atMost(Duration.ofSeconds(60)).until(() -> text(robot, "#status-last").contains("reçu"));
        assertFalse(bar.getPseudoClassStates().contains(offline), "the strip is back to its online colour");
        ResourcesStatus sent = (ResourcesStatus) atLrm(MessageType.RS_SR, caseId).payload();
        assertEquals(ResourceStatus.DEPART, sent.state().status());
        Button next = robot.lookup("#status-ARRIVEE").queryButton();
        assertTrue(next.getPseudoClassStates().contains(PseudoClass.getPseudoClass("expected")), "the next status is emphasised");
    }

    @Test
    @DisabledIf(value = "sameOnModel3", disabledReason = SAME_ON_MODEL_3)
    void fixesFromTheDevicesPositionServiceReachTheSamuWithoutTheStoreEverRunningOnTheUiThread(FxRobot robot) throws Exception {
        onScene(robot); // engaged: fixes are sent
        long before = hub.atLrm.stream().filter(m -> m.type() == MessageType.GEO_POS).count();
        for (int i = 0; i < 3; i++) {
            moving.moveTo(47.2 + i * 0.01, -1.55); // a kilometre apart: each one is due
            Thread.sleep(200);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> hub.atLrm.stream().filter(m -> m.type() == MessageType.GEO_POS).count() > before);
        assertEquals(java.util.List.of(), uiErrors, "the store refuses work on the UI thread: none was done there");
    }

    @Test
    void aMissionOverIsErasedFromTheTabletWhenTheCrewAsksTwiceAndEverythingIsDelivered(FxRobot robot) throws Exception {
        String caseId = onScene(robot);
        robot.clickOn("#tab-mission");
        assertFalse(robot.lookup("#mission-erase").queryAs(Button.class).isVisible(), "no erasing during a mission");

        robot.clickOn("#tab-status");
        tap(robot, "RETOUR");
        // The LRM's RC-REF for the last status: everything of the mission has arrived.
        await().atMost(Duration.ofSeconds(20)).until(() -> text(robot, "#status-last").endsWith("— reçu")
                || text(robot, "#status-last").endsWith("— consulté") || text(robot, "#status-last").endsWith("— intégré"));
        // The journal says it in words: which status, and that the SAMU has it.
        robot.clickOn("#tab-log");
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#log-list").queryListView().getItems().stream()
                .anyMatch(l -> l.toString().contains("→ Statut « Quitte la destination (disponible) » · ") && l.toString().endsWith("par le SAMU")));
        robot.clickOn("#tab-mission");
        robot.clickOn("#mission-erase");
        robot.clickOn("#mission-erase-keep");
        assertTrue(session.core().store().cases().caseIds().contains(caseId), "kept: the crew said no");
        robot.clickOn("#mission-erase");
        robot.clickOn("#mission-erase-confirm");
        await().atMost(Duration.ofSeconds(10)).until(() -> text(robot, "#mission-erase-outcome").startsWith("Mission effacée de la tablette"));
        assertFalse(session.core().store().cases().caseIds().contains(caseId));
        assertTrue(session.core().store().drafts().load("session:mission").isEmpty());
        assertEquals("Aucune mission", text(robot, "#mission-title"));

        restart(robot);
        robot.clickOn("#tab-status");
        assertTrue(robot.lookup("#status-DEPART").queryAs(Button.class).isDisabled(), "no mission comes back after a restart");
    }

    @Test
    @DisabledIf(value = "sameOnModel3", disabledReason = SAME_ON_MODEL_3)
    void aRestartBringsBackTheMissionItsStatusesTheBilanDraftAndTheScreen(FxRobot robot) throws Exception {
        String caseId = onScene(robot);
        robot.clickOn("#tab-bilan");
        org.opensmur.app.testing.Pickers.type(robot, "#bilan-diagnosis", "I21");
        Thread.sleep(500); // the draft is saved in the background at each change

        restart(robot);

        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#bilan-diagnosis").tryQuery().isPresent()
                && "I21".equals(org.opensmur.app.testing.Pickers.shown(robot, "#bilan-diagnosis")));
        robot.clickOn("#tab-mission");
        assertTrue(text(robot, "#field-address").contains("12 rue de l'Exercice"), "the mission is back: " + text(robot, "#field-address"));
        robot.clickOn("#tab-status");
        assertTrue(text(robot, "#status-last").startsWith("Dernier statut : Arrivée sur les lieux"), text(robot, "#status-last"));
        Button next = robot.lookup("#status-PEC").queryButton();
        assertTrue(next.getPseudoClassStates().contains(PseudoClass.getPseudoClass("expected")), "the next status is expected again");
        assertFalse(next.isDisabled(), "the crew can go on tapping");
        // The header and each button say it too: the current status and since when, the next one a tap away.
        assertTrue(text(robot, "#header-current").startsWith("Arrivée sur les lieux depuis "), text(robot, "#header-current"));
        assertEquals("▶ Début de prise en charge", robot.lookup("#next-status").queryButton().getText());
        assertTrue(text(robot, "#status-note-DEPART").matches("\\d\\d:\\d\\d:\\d\\d · (reçu|intégré|consulté)"), text(robot, "#status-note-DEPART"));
        // The journal keeps what arrived too: the case, before the restart, read back from the store.
        robot.clickOn("#tab-log");
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#log-list").queryListView().getItems().stream()
                .anyMatch(l -> l.toString().contains("← Dossier reçu du SAMU")));
        assertTrue(robot.lookup("#log-list").queryListView().getItems().stream().noneMatch(l -> l.toString().contains("← Accusé reçu")),
                "acknowledgements are the state of what they acknowledge, not lines of their own");
        robot.clickOn("#tab-status");
        robot.clickOn("#next-status"); // the big action, as a crew in a hurry taps it
        ResourcesStatus pec = (ResourcesStatus) await().atMost(Duration.ofSeconds(30)).until(
                () -> hub.atLrm.stream().filter(m -> m.type() == MessageType.RS_SR && caseId.equals(caseOf(m)))
                        .map(m -> (ResourcesStatus) m.payload()).filter(r -> r.state().status() == ResourceStatus.PEC).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        assertEquals(caseId, pec.caseId(), "the mission goes on where it was");
    }
}
