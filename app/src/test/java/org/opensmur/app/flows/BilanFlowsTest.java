package org.opensmur.app.flows;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.opensmur.core.bilan.InterventionReport;
import org.opensmur.core.bilan.VitalSign;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The bilan: a field's error blocks sending, a final bilan shown as sent after a restart, a cardiac arrest's
 * acts and drugs sent one procedure each and the handover listing and printing the whole mission.
 * Model 3 here; {@link BilanFlowsOnModel2Test}: what differs on model 2.0.
 */
class BilanFlowsTest extends TabletFlows {

    @Start
    @Override
    void start(Stage stage) throws Exception {
        super.start(stage); // TestFX looks for @Start on the test class itself
    }

    @Test
    @DisabledIf(value = "sameOnModel3", disabledReason = SAME_ON_MODEL_3)
    void anInvalidBilanFieldShowsItsErrorAndBlocksSending(FxRobot robot) throws Exception {
        String caseId = engage(robot);
        atLrm(MessageType.RS_RI, caseId);
        robot.clickOn("#tab-bilan");
        org.opensmur.app.testing.Pickers.type(robot, "#bilan-diagnosis", "I21"); // below the fold: typing is shown on the vitals
        org.opensmur.app.testing.Pickers.intoSight(robot, robot.lookup("#bilan-heartRate").query()); // the diagnoses above take room
        robot.clickOn("#bilan-heartRate").write("400");
        assertEquals("Attendu entre 0 et 300 /min", text(robot, "#bilan-heartRate-error"));
        assertTrue(robot.lookup("#bilan-send").queryButton().isDisabled());
        TextField heartRate = robot.lookup("#bilan-heartRate").queryAs(TextField.class);
        robot.interact(() -> heartRate.setText("96"));
        assertEquals("", text(robot, "#bilan-heartRate-error"));
        assertFalse(robot.lookup("#bilan-send").queryButton().isDisabled());
        robot.clickOn("#bilan-send");
        InterventionReport bilan = (InterventionReport) atLrm(MessageType.RS_BPV, caseId).payload();
        assertEquals("I21", bilan.evaluation().mainDiagnosis());
        assertEquals("96", bilan.evaluation().parameter().stream().filter(p -> p.type() == VitalSign.HEART_RATE)
                .findFirst().orElseThrow().value(), "the corrected value, not the refused one");
    }

    @Test
    @DisabledIf(value = "sameOnModel3", disabledReason = SAME_ON_MODEL_3)
    void aRestartAfterAFinalBilanShowsItAsSentAndTheRpisHasItsDiagnosis(FxRobot robot) throws Exception {
        String caseId = onScene(robot);
        robot.clickOn("#tab-bilan");
        org.opensmur.app.testing.Pickers.type(robot, "#bilan-diagnosis", "I21");
        await().atMost(Duration.ofSeconds(5)).until(() -> !robot.lookup("#bilan-send").queryButton().isDisabled());
        robot.clickOn("#bilan-send");
        atLrm(MessageType.RS_BPV, caseId);
        restart(robot); // the final bilan closed its draft: only the ledger remembers it
        await().atMost(Duration.ofSeconds(30)).until(() -> session.core().transport().state().isConnected());
        robot.clickOn("#tab-bilan");
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#bilan-sent").tryQuery().map(n -> shown(n)
                && ((Label) n).getText().contains("diagnostic I21")).orElse(false));
        assertEquals("", session.bilan().input("bilan.diagnosis").valueProperty().get(), "a new bilan starts empty");
        assertFalse(org.opensmur.app.testing.Pickers.shown(robot, "#bilan-diagnosis").contains("I21"));
        robot.clickOn("#tab-rpis");
        await().atMost(Duration.ofSeconds(10)).until(() -> "I21".equals(session.rpis().field("diagnosis").get()));
    }

    @Test
    void aCardiacArrestsActsAndDrugsReachTheSamuOneProcedureEachAndTheHandoverListsAndPrintsTheWholeMission(FxRobot robot) throws Exception {
        // the SAMU's diagnosis list (no official file exists), installed as a SAMU would: the diagnosis picked by words
        Path samuList = Files.createTempDirectory("opensmur-samu-lists").resolve("diagnostic.csv");
        Files.writeString(samuList, ",code,label_n1,description\n0,I21,Infarctus aigu du myocarde,\n1,I46,Arrêt cardiaque,\n");
        assertTrue(new org.opensmur.core.nomenclature.NomenclatureFolder(settings.nomenclatureFolder())
                .install(org.opensmur.core.nomenclature.NomenclatureList.DIAGNOSTIC, samuList, "SAMU 44 (test)")
                instanceof org.opensmur.core.nomenclature.NomenclatureFolder.Outcome.Installed);
        String caseId = onScene(robot);
        robot.clickOn("#tab-bilan");
        setText(robot, "#bilan-heartRate", "0"); // the arrest
        fire(robot, "#care-act-massage-cardiaque-externe");
        java.time.LocalTime now = java.time.LocalTime.now().withSecond(0).withNano(0);
        java.util.List<String> given = new java.util.ArrayList<>();
        for (int minutesAgo : new int[] {6, 4, 2}) { // adrenaline 1 mg IV, three times, at the times said
            fire(robot, "#care-drug-adrenaline");
            await().atMost(Duration.ofSeconds(5)).until(() -> shown(robot.lookup("#care-drug-panel").query()));
            fire(robot, "#care-dose-1");
            fire(robot, "#care-unit-mg");
            fire(robot, "#care-route-iv");
            String at = now.minusMinutes(minutesAgo).toString();
            setText(robot, "#care-time", at);
            fire(robot, "#care-give");
            given.add("Adrénaline 1 mg IV " + at);
            if (minutesAgo == 4) {
                fire(robot, "#care-act-intubation");
            }
        }
        assertFalse(shown(robot.lookup("#care-drug-panel").query()), "the drug recorded, the panel closes");
        fire(robot, "#bilan-newSeries"); // the return of circulation
        setText(robot, "#bilan-heartRate", "110");
        setText(robot, "#bilan-bloodPressure", "95/60");
        org.opensmur.app.testing.Pickers.type(robot, "#bilan-diagnosis", "arret cardiaque"); // by words, accents left out
        await().atMost(Duration.ofSeconds(5)).until(() -> !robot.lookup("#bilan-send").queryButton().isDisabled());
        robot.clickOn("#bilan-send");
        HubMessage sent = atLrm(MessageType.RS_BPV, caseId); // through the dispatcher: the official schemas accepted it
        InterventionReport bilan = (InterventionReport) sent.payload();
        assertEquals(java.util.List.of("Massage cardiaque externe", "Intubation"), bilan.evaluation().procedure(), "one entry per act");
        assertEquals("I46", bilan.evaluation().mainDiagnosis(), "the diagnosis picked by words");
        assertTrue(bilan.evaluation().freetext().containsAll(given), bilan.evaluation().freetext().toString());
        assertEquals("110", bilan.evaluation().parameter().stream().filter(p -> p.type() == VitalSign.HEART_RATE).findFirst()
                .orElseThrow().value(), "the latest series");
        var queued = session.core().store().outbox().list(caseId, 50).stream().filter(e -> e.type() == MessageType.RS_BPV).findFirst().orElseThrow();
        assertEquals(java.util.List.of(), org.opensmur.hubsim.dispatch.OfficialSchemas.load(
                org.opensmur.core.conformance.SharedCorpus.root(hub.line).resolve("schemas")).errors(
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(session.core().store().outbox().body(queued.distributionId()))));

        robot.clickOn("#tab-bilan");
        fire(robot, "#bilan-handover"); // from the bilan
        java.util.List<String> facts = java.util.List.of("Statut Départ", "Statut Arrivée sur les lieux", "Constantes Fréquence cardiaque 0",
                "Constantes Fréquence cardiaque 110", "Acte Massage cardiaque externe", "Acte Intubation", "Message envoyé Bilan");
        java.util.List<String> adrenaline = given.stream().map(g -> g.substring(g.length() - 5) + " Médicament Adrénaline 1 mg IV").toList();
        awaitHandover(robot, adrenaline, facts);
        java.util.List<String> onScreen = handoverTexts(robot);
        robot.clickOn("#handover-print");
        await().atMost(Duration.ofSeconds(10)).until(() -> text(robot, "#handover-message").startsWith("Fiche imprimée"));
        String patient = session.bilan().care().patientId();
        byte[] pdf = new org.opensmur.tablet.handover.HandoverSheets(session.core().drafts()).last(caseId, patient).orElseThrow();
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertEquals(1, document.getNumberOfPages());
            String printed = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertTrue(inOrder(java.util.List.of(printed.split("\\R")), onScreen), "the sheet says what the screen does, in its order: " + printed);
            Path png = Path.of("target", "handover-" + vhost() + ".png");
            javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 80), "png", png.toFile());
        }
        java.util.List<Path> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
        session.handover().openWith(opened::add);
        robot.clickOn("#handover-open");
        await().atMost(Duration.ofSeconds(10)).until(() -> !opened.isEmpty());
        assertEquals(java.util.Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(opened.get(0)), "the copy opened is the tablet user's only");
        assertTrue(java.util.Arrays.equals(pdf, Files.readAllBytes(opened.get(0))));

        restart(robot); // the acts and drugs are the mission's: back after a restart
        await().atMost(Duration.ofSeconds(30)).until(() -> session.core().transport().state().isConnected());
        robot.clickOn("#tab-bilan");
        fire(robot, "#bilan-handover"); // from the bilan
        awaitHandover(robot, adrenaline, facts);
        robot.clickOn("#tab-bilan");
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#care-given-4").tryQuery().isPresent());
        java.util.List<String> back = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            back.add(text(robot, "#care-given-" + i));
        }
        assertEquals(java.util.List.of("Médicament · Adrénaline 1 mg IV", "Médicament · Adrénaline 1 mg IV", "Médicament · Adrénaline 1 mg IV",
                "Acte · Massage cardiaque externe", "Acte · Intubation"), back, "in time order, as given");
        assertFalse(robot.lookup("#care-given-5").tryQuery().isPresent());
    }
}
