package org.opensmur.app.flows;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.time.Duration;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.opensmur.app.shell.MainView;
import org.opensmur.core.bilan.InterventionReport;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.mission.ResourcesInfo;
import org.opensmur.core.status.ResourceStatus;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * A request rings on the screens and the crew answers it: accepted with a valid RS-RI (the shift set up once in
 * it), declined only when asked twice, a tap under the finger as it comes in landing nowhere, every screen
 * keeping the answers in reach, still ringing after a restart.
 * Model 3 here; {@link RequestFlowsOnModel2Test}: what differs on model 2.0.
 */
class RequestFlowsTest extends TabletFlows {

    @Start
    @Override
    void start(Stage stage) throws Exception {
        super.start(stage); // TestFX looks for @Start on the test class itself
    }

    @Test
    void anEngagementRingsAndOneTapAcceptsWithAValidRsRi(FxRobot robot) throws Exception {
        String caseId = engage(robot);
        HubMessage reply = atLrm(MessageType.RS_RI, caseId);
        // The LRM's client decoded and validated it: a wrong RS-RI would never reach this list.
        ResourcesInfo info = (ResourcesInfo) reply.payload();
        assertEquals("fr.health.samu440.resource.VLM1", info.resource().get(0).resourceId());
        assertEquals("SMUR.VLM", info.resource().get(0).vehicleType(), "the vehicle type the RS-ER asked for");
        assertTrue(HubCodec.of(hub.line).decode(HubCodec.of(hub.line).encode(reply)).issues().isEmpty());
        var pending = session.engagement().pendingProperty().get();
        assertTrue(pending == null || !pending.caseId().equals(caseId), "the request is answered");
        // Accepted: the statuses are in front of the crew, the first one a big tap away in the header.
        // (the reply can reach the LRM before the screen has turned: the mission's engagement reaches the UI thread on its own)
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#tab-status").queryAs(javafx.scene.control.ToggleButton.class).isSelected());
        assertEquals("▶ Départ", robot.lookup("#next-status").queryButton().getText());
        assertEquals("Mission P1 · Malaise", text(robot, "#header-mission"));
        robot.clickOn("#tab-mission");
        assertTrue(text(robot, "#field-address").contains("12 rue de l'Exercice"), "the mission shows the case");
        // The map: the installed package, and the incident's address.
        robot.clickOn("#tab-map");
        assertEquals("Carte hors ligne : Nantes test (zoom 12–14)", text(robot, "#map-state"));
        assertTrue(text(robot, "#map-address").startsWith("12 rue de l'Exercice"), text(robot, "#map-address"));
        robot.clickOn("#tab-mission");
        if (hub.line.hasReferenceSteps()) {
            // What the crew saw is acknowledged as consulted: the request when it rang, the case once on screen.
            await().atMost(Duration.ofSeconds(20)).until(() -> hub.lrmReferences.contains(lastRequest.distributionID() + " CONSULTE")
                    && hub.lrmReferences.contains(lastCase.distributionID() + " CONSULTE"));
        } else {
            // Model 2.0 has one RC-REF per message, without a step: received.
            await().atMost(Duration.ofSeconds(20)).until(() -> hub.lrmReferences.contains(lastRequest.distributionID() + " null")
                    && hub.lrmReferences.contains(lastCase.distributionID() + " null"));
            Thread.sleep(1_000);
            assertEquals(1, hub.lrmReferences.stream().filter(r -> r.startsWith(lastCase.distributionID() + " ")).count(),
                    "one RC-REF, no later step: " + hub.lrmReferences);
        }
    }

    @Test
    @DisabledIf(value = "sameOnModel3", disabledReason = SAME_ON_MODEL_3)
    void decliningCancellingAndCorrectingAreAskedFirstAndSayWhatWouldBeSent(FxRobot robot) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> session.core().transport().state().isConnected());
        String caseId = hub.newCase();
        hub.send("case.json", caseId, null);
        hub.send("engagement.json", caseId, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> ringing(robot));
        robot.clickOn("#engagement-decline");
        assertTrue(shown(robot.lookup("#engagement-decline-confirm").query()), "declining is asked");
        assertFalse(shown(robot.lookup("#engagement-accept").query()), "the question stands where the answers were");
        robot.clickOn("#engagement-decline-keep");
        assertTrue(ringing(robot), "still ringing: nothing was declined");
        robot.clickOn("#engagement-accept");
        atLrm(MessageType.RS_RI, caseId);
        robot.clickOn("#tab-status");
        tap(robot, "DEPART");
        tap(robot, "ARRIVEE");
        int saved = session.core().store().outbox().list(caseId, 100).size();

        robot.clickOn("#status-correct");
        assertTrue(text(robot, "#status-question").startsWith(
                "Corriger « Arrivée sur les lieux » : « Départ » sera envoyé de nouveau avec son heure ("),
                text(robot, "#status-question"));
        robot.clickOn("#status-keep");
        robot.clickOn("#status-ANNULE");
        assertEquals("Annuler l'intervention ? Le SAMU recevra « Intervention annulée ».", text(robot, "#status-question"));
        robot.clickOn("#status-keep");
        Thread.sleep(500);
        assertEquals(saved, session.core().store().outbox().list(caseId, 100).size(), "nothing saved, nothing sent while asked");

        robot.clickOn("#status-ANNULE");
        robot.clickOn("#status-confirm");
        await().atMost(Duration.ofSeconds(5)).until(() -> text(robot, "#status-last").startsWith("Dernier statut : Intervention annulée"));
        assertEquals(saved + 1, session.core().store().outbox().list(caseId, 100).size());
    }

    @Test
    @DisabledIf(value = "sameOnModel3", disabledReason = SAME_ON_MODEL_3)
    void aRequestArrivingUnderAFingerTakesNoTapForAMomentAndTheTapLandsNowhere(FxRobot robot) throws Exception {
        String caseId = onScene(robot);
        javafx.geometry.Point2D target = robot.point("#status-PEC").query();
        int saved = session.core().store().outbox().list(caseId, 100).size();
        String other = hub.newCase();
        hub.send("case.json", other, null);
        hub.send("engagement.json", other, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> robot.lookup(".engagement-banner").tryQuery().map(TabletFlows::shown).orElse(false));
        javafx.scene.Node banner = robot.lookup(".engagement-banner").query();
        javafx.geometry.Bounds bannerBounds = org.opensmur.app.testing.SceneBounds.onScreen(banner);
        assertTrue(bannerBounds.contains(target), "the request covers where the finger aims: " + bannerBounds + " " + target);
        assertTrue(view.tapLocked(), "and takes no tap yet");
        robot.clickOn(target); // the finger was on its way to "Début de prise en charge"
        Thread.sleep(700);
        assertEquals(saved, session.core().store().outbox().list(caseId, 100).size(), "the tap did not reach the grid below");
        assertTrue(ringing(robot), "nor answered the request");
        robot.clickOn("#engagement-decline");
        robot.clickOn("#engagement-decline-confirm");
    }

    @Test
    @DisabledIf(value = "sameOnModel3", disabledReason = SAME_ON_MODEL_3)
    void whileARequestRingsEveryScreenKeepsTheTabsAndTheAnswerInReach(FxRobot robot) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> session.core().transport().state().isConnected());
        String caseId = hub.newCase();
        hub.send("case.json", caseId, null);
        hub.send("engagement.json", caseId, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> ringing(robot));
        for (MainView.Screen screen : MainView.Screen.values()) {
            robot.clickOn("#tab-" + screen.name().toLowerCase());
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            for (String id : new String[] {"#tab-log", "#theme-sunlight", "#next-status", "#engagement-accept", "#engagement-decline"}) {
                var bounds = org.opensmur.app.testing.SceneBounds.inScene(robot.lookup(id).query());
                assertTrue(bounds.getMaxY() <= scene.getHeight() && bounds.getMaxX() <= scene.getWidth(),
                        id + " inside the window on " + screen + ": " + bounds);
            }
        }
        robot.clickOn("#engagement-accept");
        atLrm(MessageType.RS_RI, caseId);
    }

    @Test
    @DisabledIf(value = "sameOnModel3", disabledReason = SAME_ON_MODEL_3)
    void aRequestStillRingingRingsAgainAfterARestart(FxRobot robot) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> session.core().transport().state().isConnected());
        String caseId = hub.newCase();
        hub.send("case.json", caseId, null);
        hub.send("engagement.json", caseId, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> ringing(robot));
        Thread.sleep(500); // remembered in the background

        restart(robot);

        await().atMost(Duration.ofSeconds(10)).until(() -> ringing(robot));
        robot.clickOn("#engagement-accept");
        assertEquals(caseId, ((ResourcesInfo) atLrm(MessageType.RS_RI, caseId).payload()).caseId(), "answered after the restart");
    }

    @Test
    void theShiftSetUpOnceIsWhatTheReplyTheBilanAndTheRpisSay(FxRobot robot) throws Exception {
        robot.clickOn("#tab-shift");
        setText(robot, "#shift-vehicleName", "VLM2");
        setText(robot, "#shift-teamName", "Equipe SMUR 2");
        pick(robot, "#shift-medicalLevel", "MED");
        setText(robot, "#shift-crew-0-name", "Louis POINCINOT");
        pick(robot, "#shift-crew-0-role", "MEDECIN");
        setText(robot, "#shift-crew-1-name", "Marie-Jo ANELI");
        pick(robot, "#shift-crew-1-role", "INFIRMIER");
        setText(robot, "#shift-crew-2-name", "Pierre LOUITUT");
        pick(robot, "#shift-crew-2-role", "AMBULANCIER");
        setText(robot, "#shift-contactPhone", "0762865426");
        robot.clickOn("#shift-save");
        await().atMost(Duration.ofSeconds(5)).until(() -> text(robot, "#shift-message").startsWith("Prise de garde enregistrée"));

        await().atMost(Duration.ofSeconds(30)).until(() -> session.core().transport().state().isConnected());
        String caseId = hub.newCase();
        hub.send("case.json", caseId, null);
        hub.send("engagement.json", caseId, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> ringing(robot));
        String generated = caseId.substring(caseId.lastIndexOf('.') + 1) + ".M001";
        assertEquals(generated, robot.lookup("#engagement-mission-id").queryAs(TextField.class).getText(), "generated");
        setText(robot, "#engagement-mission-id", generated.replace(".M001", ".M007")); // the centre's own numbering
        robot.clickOn("#engagement-accept");
        ResourcesInfo reply = (ResourcesInfo) atLrm(MessageType.RS_RI, caseId).payload();
        var engaged = reply.resource().get(0);
        assertEquals(org.opensmur.core.status.ResourceStatus.DECISION, engaged.state().get(0).status(), "its state as it answers");
        assertEquals("VLM2", engaged.name());
        assertEquals("Equipe SMUR 2", engaged.team().name());
        assertEquals(org.opensmur.core.mission.MedicalLevel.MED, engaged.team().medicalLevel());
        assertEquals("0762865426", engaged.contact().details());
        assertEquals(java.util.List.of("Louis POINCINOT, Marie-Jo ANELI, Pierre LOUITUT"), engaged.freetext());
        assertEquals(generated.replace(".M001", ".M007"), engaged.missionId(), "the SMUR's own mission number, as the crew wrote it");

        robot.clickOn("#tab-bilan");
        org.opensmur.app.testing.Pickers.type(robot, "#bilan-diagnosis", "I21");
        robot.clickOn("#bilan-send");
        var report = (org.opensmur.core.bilan.InterventionReport) atLrm(MessageType.RS_BPV, caseId).payload();
        assertEquals("Louis POINCINOT", report.redactor().label(), "the team's physician writes the bilan");

        robot.clickOn("#tab-rpis");
        await().atMost(Duration.ofSeconds(5)).until(() -> "MED".equals(session.rpis().field("medicalLevel").get()));
        assertEquals("true", session.rpis().field("teamDoctor").get());
        assertEquals("true", session.rpis().field("teamDriver").get(), "an ambulancier on board drives");

        // The set-up is the shift's, not the session's: a restart keeps it.
        restart(robot);
        robot.clickOn("#tab-shift");
        await().atMost(Duration.ofSeconds(5)).until(() -> "Equipe SMUR 2".equals(robot.lookup("#shift-teamName").queryAs(TextField.class).getText()));
    }
}
