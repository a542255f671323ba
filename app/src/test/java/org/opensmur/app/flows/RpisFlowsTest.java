package org.opensmur.app.flows;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.opensmur.core.bilan.InterventionReport;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.rpis.Rpis;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The RPIS: prefilled from the case and the statuses, made with pickers and the keypad only, one record per
 * patient, each reaching the ORU through the dispatcher's official schemas.
 * Model 3 here; {@link RpisFlowsOnModel2Test}: what differs on model 2.0.
 */
class RpisFlowsTest extends TabletFlows {

    @Start
    @Override
    void start(Stage stage) throws Exception {
        super.start(stage); // TestFX looks for @Start on the test class itself
    }

    @Test
    void theRpisIsPrefilledFromTheCaseAndTheStatusesAndReachesTheOru(FxRobot robot) throws Exception {
        String caseId = onScene(robot);
        robot.clickOn("#tab-rpis");
        await().atMost(Duration.ofSeconds(5)).until(() -> text(robot, "#rpis-summary").startsWith("Malaise"));
        assertTrue(robot.lookup("#rpis-send").queryButton().isDisabled(), "not before the team is available");
        assertTrue(text(robot, "#rpis-missing").contains("heure de disponibilité"), text(robot, "#rpis-missing"));
        robot.clickOn("#tab-status");
        for (String status : new String[] {"PEC", "TRANSP", "DESTIN", endOfCare(), "RETOUR"}) {
            tap(robot, status);
        }
        robot.clickOn("#tab-bilan");
        org.opensmur.app.testing.Pickers.type(robot, "#bilan-diagnosis", "I21");
        robot.clickOn("#tab-rpis");
        // prefilled again, in the background, with the bilan's diagnosis
        await().atMost(Duration.ofSeconds(5)).until(() -> "I21".equals(org.opensmur.app.testing.Pickers.shown(robot, "#rpis-diagnosis")));
        assertTrue(text(robot, "#rpis-summary").startsWith("Malaise"), text(robot, "#rpis-summary"));
        assertEquals("44109", session.rpis().field("insee").get(), "the case's town");
        assertTrue(org.opensmur.app.testing.Pickers.shown(robot, "#rpis-insee").endsWith("· 44109"), "with the case's name for it (no list of towns installed): "
                + org.opensmur.app.testing.Pickers.shown(robot, "#rpis-insee"));
        assertEquals("I21", session.rpis().field("diagnosis").get());
        // What the case does not say is named, not made up; the crew states it on the screen.
        assertEquals("Manque : niveau de médicalisation, date de naissance, composition de l'équipe, heure de retour au SMUR, "
                + "devenir du patient", text(robot, "#rpis-missing"));
        assertTrue(robot.lookup("#rpis-send").queryButton().isDisabled(), "disabled, the missing items said beside it");
        stateWhatTheCaseDoesNotSay(robot, "1968-04-12");
        assertEquals("", text(robot, "#rpis-missing"));
        // The ORU of this class has the records of the flows before this one: wait for this flow's.
        long before = hub.atOru.stream().filter(m -> m.type() == MessageType.RS_RPIS).count();
        robot.clickOn("#rpis-send");
        await().atMost(Duration.ofSeconds(30)).until(() -> hub.atOru.stream().filter(m -> m.type() == MessageType.RS_RPIS).count() > before);
        Rpis record = (Rpis) hub.atOru.stream().filter(m -> m.type() == MessageType.RS_RPIS).reduce((a, b) -> b).orElseThrow().payload();
        assertEquals("44109", record.intervention().location().detailedAddress().inseeCode());
        assertEquals("I21", record.intervention().mainDiagnosis());
        assertTrue(record.intervention().smurStatus().departSmur() != null);
        assertEquals("1968-04-12", record.patient().birthDate(), "what the crew stated");
        assertEquals("C11.06.00", record.regulation().whatsHappen().code(), "what the case said");
    }

    @Test
    void anRpisIsMadeOnlyWithPickersAndTheKeypadAndTheOfficialSchemaAcceptsIt(FxRobot robot) throws Exception {
        // A SAMU's diagnosis list (no official file exists): installed on this tablet as a SAMU would.
        Path samuList = Files.createTempDirectory("opensmur-samu-lists").resolve("diagnostic.csv");
        Files.writeString(samuList, ",code,label_n1,description\n0,I21,Infarctus aigu du myocarde,\n1,I46,Arrêt cardiaque,\n");
        var installed = new org.opensmur.core.nomenclature.NomenclatureFolder(settings.nomenclatureFolder())
                .install(org.opensmur.core.nomenclature.NomenclatureList.DIAGNOSTIC, samuList, "SAMU 44 (test)");
        assertTrue(installed instanceof org.opensmur.core.nomenclature.NomenclatureFolder.Outcome.Installed, installed.toString());
        onScene(robot);
        robot.clickOn("#tab-status");
        for (String status : new String[] {"PEC", "TRANSP", "DESTIN", endOfCare(), "RETOUR"}) {
            tap(robot, status);
        }
        robot.clickOn("#tab-bilan");
        setText(robot, "#bilan-birthDate-day", "12"); // typed once, in the bilan, on the keypad
        setText(robot, "#bilan-birthDate-month", "04");
        setText(robot, "#bilan-birthDate-year", "1968");
        org.opensmur.app.testing.Pickers.tap(robot, "#bilan-diagnosis", "arret"); // by a word, without its accent
        assertEquals("Arrêt cardiaque · I46", org.opensmur.app.testing.Pickers.shown(robot, "#bilan-diagnosis"));
        org.opensmur.app.testing.Pickers.tap(robot, "#bilan-associated", "infarctus"); // an associated one

        robot.clickOn("#tab-rpis");
        await().atMost(Duration.ofSeconds(5)).until(() -> text(robot, "#rpis-missing").startsWith("Manque"));
        assertEquals("1968", robot.lookup("#rpis-birthDate-year").queryAs(TextField.class).getText(), "the bilan's, not asked again");
        // the code at once, its words once the screen's copy of the SAMU's list is read (in the background: under load later)
        await().atMost(Duration.ofSeconds(5)).until(() -> "Arrêt cardiaque · I46".equals(org.opensmur.app.testing.Pickers.shown(robot, "#rpis-diagnosis")));
        assertFalse(text(robot, "#rpis-missing").contains("date de naissance"), text(robot, "#rpis-missing"));
        assertTrue(robot.lookup("#rpis-send").queryButton().isDisabled(), "disabled while items are missing");
        for (javafx.scene.Node node : robot.lookup(".text-field").queryAll()) {
            if (node.getScene() != null && node.getId() != null && node.getId().startsWith("rpis-") && node instanceof TextField t) {
                assertFalse(t.getText().matches(".*[A-Z]\\d{2}.*"), "no raw code in an editable field: " + node.getId() + " " + t.getText());
            }
        }
        // A code absent from the installed list is refused, with the list and its version.
        org.opensmur.app.testing.Pickers.type(robot, "#rpis-locationType", "L99.99.99");
        assertTrue(text(robot, "#rpis-locationType-message").startsWith("Code L99.99.99 absent de la liste des types de lieu (CISU) version "),
                text(robot, "#rpis-locationType-message"));
        org.opensmur.app.testing.Pickers.tap(robot, "#rpis-locationType", "maison particuliere");
        assertEquals("Maison particulière, pavillon · L01.01.00", org.opensmur.app.testing.Pickers.shown(robot, "#rpis-locationType"));
        org.opensmur.app.testing.Pickers.tap(robot, "#rpis-medicalLevel", "medicalise");
        org.opensmur.app.testing.Pickers.tap(robot, "#rpis-sex", "homme");
        for (String member : new String[] {"#rpis-teamDoctor", "#rpis-teamNurse", "#rpis-teamDriver"}) {
            pick(robot, member, "true"); // "Oui"
        }
        // No SAMU list of outcomes installed: the picker says which and how, and takes the text the model allows.
        org.opensmur.app.testing.Pickers.type(robot, "#rpis-orientationType", "");
        assertTrue(text(robot, "#rpis-orientationType-message").startsWith("Liste des devenirs du patient (NOMENC_DEVENIR_PAT) non installée"),
                text(robot, "#rpis-orientationType-message"));
        org.opensmur.app.testing.Pickers.type(robot, "#rpis-orientationType", "TEMP");
        javafx.scene.Node back = robot.lookup("#rpis-returnSmur").query();
        org.opensmur.app.testing.Pickers.intoSight(robot, back);
        robot.clickOn(back).write("2359"); // the keypad's digits: the colon comes by itself
        assertEquals("23:59", robot.lookup("#rpis-returnSmur").queryAs(TextField.class).getText());
        await().atMost(Duration.ofSeconds(5)).until(() -> text(robot, "#rpis-missing").isEmpty());
        assertFalse(robot.lookup("#rpis-send").queryButton().isDisabled());
        long before = hub.atOru.stream().filter(m -> m.type() == MessageType.RS_RPIS).count();
        robot.clickOn("#rpis-send");
        // The local Hub's dispatcher judges it with the official RS-RPIS schema of the line before the ORU gets it.
        await().atMost(Duration.ofSeconds(30)).until(() -> hub.atOru.stream().filter(m -> m.type() == MessageType.RS_RPIS).count() > before);
        Rpis record = (Rpis) hub.atOru.stream().filter(m -> m.type() == MessageType.RS_RPIS).reduce((a, b) -> b).orElseThrow().payload();
        assertEquals("L01.01.00", record.intervention().location().type());
        assertEquals("I46", record.intervention().mainDiagnosis());
        assertEquals("I21", record.intervention().associatedDiagnosis(), "the bilan's associated diagnosis");
        assertEquals("1968-04-12", record.patient().birthDate());
        assertEquals(org.opensmur.core.mission.MedicalLevel.MED, record.regulation().medicalLevel());
        assertEquals("TEMP", record.orientation().type());
        assertEquals(23, record.intervention().smurStatus().returnSmur().getHour());
    }

    @Test
    void twoPatientsOneFoundOnSceneEachGetTheirOwnBilanDocumentAndRpis(FxRobot robot) throws Exception {
        String caseId = onScene(robot);
        robot.clickOn("#tab-bilan");
        await().atMost(Duration.ofSeconds(5)).until(() -> "EXERCICE".equals(robot.lookup("#bilan-lastName").queryAs(TextField.class).getText()));
        org.opensmur.app.testing.Pickers.type(robot, "#bilan-diagnosis", "I21");
        robot.clickOn("#bilan-send");
        // A second victim the case does not list: added on scene, chosen at once, her screen says so.
        setText(robot, "#bilan-patient-note", "voisine, 2e étage");
        robot.clickOn("#bilan-patient-add");
        await().atMost(Duration.ofSeconds(5)).until(() -> session.patients().patients().size() == 2);
        String second = session.patients().selectedProperty().get().patientId();
        assertTrue(second.matches("^([a-zA-Z0-9_-]+\\.){3,8}patient(\\.[a-zA-Z0-9_-]+){1,2}$"), "a PATID of the SMUR's: " + second);
        assertTrue(robot.lookup("#bilan-patient").queryAs(javafx.scene.control.ComboBox.class).getConverter()
                .toString(session.patients().selectedProperty().get()).contains("trouvé sur place · voisine, 2e étage"));
        await().atMost(Duration.ofSeconds(5)).until(() -> session.bilan().input("bilan.diagnosis").valueProperty().get().isEmpty());
        assertTrue(robot.lookup("#bilan-send").queryButton().isDisabled(), "no name given, none made up");
        setText(robot, "#bilan-lastName", "DUPONT");
        setText(robot, "#bilan-firstName", "Inès");
        org.opensmur.app.testing.Pickers.type(robot, "#bilan-diagnosis", "T58");
        robot.clickOn("#bilan-send");
        await().atMost(Duration.ofSeconds(30)).until(() -> hub.atLrm.stream().filter(m -> m.type() == MessageType.RS_BPV && caseId.equals(caseOf(m))).count() == 2);
        var reports = hub.atLrm.stream().filter(m -> m.type() == MessageType.RS_BPV && caseId.equals(caseOf(m)))
                .map(m -> (org.opensmur.core.bilan.InterventionReport) m.payload()).toList();
        assertEquals(java.util.Set.of("EXERCICE", "DUPONT"), reports.stream().map(r -> r.patient().lastName()).collect(java.util.stream.Collectors.toSet()));
        assertTrue(reports.stream().anyMatch(r -> r.patient().patientId().equals(second) && r.evaluation().mainDiagnosis().equals("T58")));

        robot.clickOn("#tab-documents");
        robot.interact(() -> session.documents().urlProperty().set("https://smur.example/photos/ines.jpg"));
        robot.clickOn("#document-send");
        var link = (org.opensmur.core.document.DocumentLink) atLrm(MessageType.RS_URL, caseId).payload();
        assertEquals(second, link.patientId(), "the document is about the patient chosen");

        robot.clickOn("#tab-status");
        for (String status : new String[] {"PEC", "TRANSP", "DESTIN", endOfCare(), "RETOUR"}) {
            tap(robot, status);
        }
        for (int patient = 0; patient < 2; patient++) {
            var chosen = session.patients().patients().get(patient);
            robot.interact(() -> session.patients().selectedProperty().set(chosen));
            robot.clickOn("#tab-rpis");
            await().atMost(Duration.ofSeconds(5)).until(() -> text(robot, "#rpis-missing").startsWith("Manque"));
            stateWhatTheCaseDoesNotSay(robot, patient == 0 ? "1968-04-12" : "1990-06-01");
            org.opensmur.app.testing.Pickers.type(robot, "#rpis-sex", patient == 0 ? "homme" : "femme");
            org.opensmur.app.testing.Pickers.type(robot, "#rpis-diagnosis", patient == 0 ? "I21" : "T58");
            assertEquals("", text(robot, "#rpis-missing"));
            robot.clickOn("#rpis-send");
            int sent = patient + 1;
            await().atMost(Duration.ofSeconds(30)).until(() -> rpisOfThisCase(caseId).size() >= sent);
        }
        var records = rpisOfThisCase(caseId); // the ORU of this class has the records of the flows before this one too
        assertEquals(java.util.Set.of(session.patients().patients().get(0).patientId(), second),
                records.stream().map(r -> r.patient().patientId()).collect(java.util.stream.Collectors.toSet()), "one record per patient");
        assertTrue(records.stream().anyMatch(r -> r.patient().patientId().equals(second) && "1990-06-01".equals(r.patient().birthDate())
                && "T58".equals(r.intervention().mainDiagnosis())));
    }
}
