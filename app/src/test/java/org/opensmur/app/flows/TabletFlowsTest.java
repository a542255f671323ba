package org.opensmur.app.flows;

import org.junit.jupiter.api.Tag;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensmur.app.session.TabletSession;
import org.opensmur.app.settings.TabletSettings;
import org.opensmur.app.ui.Labels;
import org.opensmur.app.shell.MainView;
import org.opensmur.app.ui.Theme;
import org.opensmur.core.bilan.InterventionReport;
import org.opensmur.core.bilan.VitalSign;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.mission.ResourcesInfo;
import org.opensmur.core.rpis.Rpis;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.status.ResourcesStatus;
import org.opensmur.app.testing.Tablets;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The crew's flows on the real app (headless, Monocle), against the local Hub on the embedded broker:
 * what the screens show and what the LRM and the ORU really receive.
 */
@ExtendWith(ApplicationExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("flow") // the crew's flows on the screens (TestFX): run by ./bin/test and .ci/run, not by ./bin/test --quick
class TabletFlowsTest {

    private LocalHubForApp hub;
    private TabletSession session;
    private MainView view;

    /** The vhost, which decides the model line (model 3 here; {@link TabletFlowsOnModel2Test}: 2.0). */
    String vhost() {
        return "15-smur_local";
    }

    static final String SAME_ON_MODEL_3 = "the screens, the store or the link only, the same on every line: run on model 3 (TabletFlowsTest)";

    /**
     * Whether this class leaves the line-independent flows to model 3: true on model 2.0, which re-runs only what
     * differs by line (the status flow's codes, the RC-REF steps, the wire shapes of RS-RI, RS-EDA-MAJ, RS-BPV,
     * RS-URL and RPIS, the case's fields on screen).
     */
    boolean sameOnModel3() {
        return false;
    }

    @BeforeAll
    void startHub() throws Exception {
        hub = new LocalHubForApp(vhost());
        await().atMost(Duration.ofSeconds(30)).until(hub::lrmConnected);
    }

    @AfterAll
    void stopHub() throws Exception {
        if (hub != null) {
            hub.close();
        }
    }

    /** The status that ends the care, as the vhost's line names it. */
    private String endOfCare() {
        return org.opensmur.core.rules.StatusFlow.endOfCare(hub.line).code();
    }

    @Start
    void start(Stage stage) throws Exception {
        // What goes wrong on the UI thread (database work there throws in the tests) fails the flow.
        Thread.currentThread().setUncaughtExceptionHandler((thread, e) -> uiErrors.add(e));
        Path store = Files.createTempDirectory("opensmur-app-store");
        settings = Tablets.withTiles(Tablets.settings(hub.config(LocalHubForApp.TABLET, true), store),
                org.opensmur.app.testing.TinyMaps.nantes(Files.createTempDirectory("opensmur-maps").resolve("nantes.mbtiles")));
        // The Hub's own coded lists, installed from the official models beside the project (never copied into it).
        new org.opensmur.core.nomenclature.NomenclatureFolder(settings.nomenclatureFolder())
                .installAll(org.opensmur.core.conformance.SharedCorpus.root().resolve("nomenclatures"), "Hub models (tests)");
        Labels labels = new Labels(Locale.FRENCH);
        Clock clock = Clock.systemDefaultZone();
        moving = new Tablets.Moving();
        session = Tablets.session(settings, clock, new org.opensmur.core.hub.amqp.AmqpHubTransport(settings.hub(), clock), moving);
        tones.clear();
        session.alerts().setSound(tones::add);
        view = new MainView(session, labels);
        Scene scene = new Scene(view, 1280, 800);
        this.scene = scene;
        Theme.DAY.applyTo(scene);
        stage.setScene(scene);
        stage.show();
        session.start();
    }

    private final java.util.List<Throwable> uiErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Tablets.Moving moving;

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
    /** The tones the alerts played, in order. */
    private final java.util.List<org.opensmur.app.alert.AlertSound.Tone> tones = new java.util.concurrent.CopyOnWriteArrayList<>();
    private TabletSettings settings;
    private Scene scene;

    /** The tablet stops (its core and every thread, as a crash or a reboot would) and starts again on the same store. */
    private void restart(FxRobot robot) {
        session.close();
        TabletSession again = Tablets.session(settings, Clock.systemDefaultZone());
        robot.interact(() -> {
            session = again;
            view = new MainView(again, new Labels(Locale.FRENCH));
            scene.setRoot(view);
            again.start();
        });
    }

    /** Engaged, the RS-RI at the LRM, DEPART and ARRIVEE tapped and saved: the crew on scene. */
    private String onScene(FxRobot robot) throws Exception {
        String caseId = engage(robot);
        atLrm(MessageType.RS_RI, caseId);
        robot.clickOn("#tab-status");
        tap(robot, "DEPART");
        tap(robot, "ARRIVEE");
        return caseId;
    }

    @Test
    void anUpdateAndACancellationComeOverTheScreenUntilAcknowledgedAndNeverIntoTheNextMission(FxRobot robot) throws Exception {
        String caseId = onScene(robot); // on the Statuts screen
        double gridTop = robot.lookup("#status-PEC").query().localToScene(0, 0).getY();
        hub.send("orientation.json", caseId, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> robot.lookup("#alert-title").tryQuery().map(TabletFlowsTest::shown).orElse(false));
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
        assertFalse(robot.lookup("#alert-open").tryQuery().map(TabletFlowsTest::shown).orElse(false), "a cancellation is acknowledged, not browsed");
        assertTrue(robot.lookup("#status-ANNULE").query().getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("expected")));
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
    @DisabledIf(value = "sameOnModel3", disabledReason = SAME_ON_MODEL_3)
    void cardsStackUnderTheHeaderWithACountAndTheNextStatusStaysInReach(FxRobot robot) throws Exception {
        String caseId = onScene(robot); // on the Statuts screen
        hub.send("orientation.json", caseId, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> robot.lookup("#alert-title").tryQuery().map(TabletFlowsTest::shown).orElse(false));
        // shown, and laid out: its place is known after the FX thread's next layout pass
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup(".alert-card").queryAll().stream().allMatch(c -> c.getLayoutBounds().getHeight() > 0));
        javafx.scene.Node header = robot.lookup(".mission-header").query();
        javafx.geometry.Bounds headerBounds = header.localToScene(header.getBoundsInLocal());
        for (javafx.scene.Node card : robot.lookup(".alert-card").queryAll()) {
            javafx.geometry.Bounds b = card.localToScene(card.getBoundsInLocal());
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
                .mapToDouble(c -> c.localToScene(c.getBoundsInLocal()).getMaxY()).max().orElseThrow();
        assertTrue(bottom - headerBounds.getMaxY() < 0.5 * scene.getHeight(), "two cards take less than half the screen: " + bottom);

        await().atMost(Duration.ofSeconds(5)).until(() -> !view.tapLocked());
        robot.clickOn("#tab-mission"); // the crew looks at the mission: the update is seen, the cancellation still asks
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup(".alert-card").queryAll().size() == 1);
        assertEquals("La régulation a annulé l'intervention", text(robot, "#alert-title"));
        assertFalse(robot.lookup("#alert-count").tryQuery().map(TabletFlowsTest::shown).orElse(false), "one card, no count");

        String next = engage(robot);
        atLrm(MessageType.RS_RI, next);
        assertTrue(robot.lookup(".alert-card").queryAll().isEmpty(), "nothing of the last mission in the next");
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

    /** The SAMU engages, updates and cancels; the pilot answers as a crew would. */
    private void pilotPlays(String caseId, java.util.List<org.opensmur.app.alert.AlertViewModel.Kind> raised) throws Exception {
        hub.send("case.json", caseId, null);
        hub.send("engagement.json", caseId, null);
        atLrm(MessageType.RS_RI, caseId); // the pilot accepted
        hub.send("orientation.json", caseId, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> session.core().store().cases().view(caseId).changes().size() > 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> raised.contains(org.opensmur.app.alert.AlertViewModel.Kind.UPDATED)
                && session.alerts().cards().isEmpty()); // raised on the statuses, then seen as a crew sees it
        hub.send("engagement.json", caseId, org.opensmur.core.hub.message.DistributionKind.CANCEL);
        await().atMost(Duration.ofSeconds(20)).until(() -> hub.atLrm.stream().anyMatch(m -> m.payload() instanceof ResourcesStatus s
                && s.caseId().equals(caseId) && s.state().status() == ResourceStatus.ANNULE));
        await().atMost(Duration.ofSeconds(10)).until(() -> raised.contains(org.opensmur.app.alert.AlertViewModel.Kind.CANCELLED)
                && session.alerts().cards().isEmpty());
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
        assertFalse(robot.lookup("#alert-title").tryQuery().map(TabletFlowsTest::shown).orElse(false), "no cancellation, no update card");
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
    void aRequestArrivingUnderAFingerTakesNoTapForAMomentAndTheTapLandsNowhere(FxRobot robot) throws Exception {
        String caseId = onScene(robot);
        javafx.geometry.Point2D target = robot.point("#status-PEC").query();
        int saved = session.core().store().outbox().list(caseId, 100).size();
        String other = hub.newCase();
        hub.send("case.json", other, null);
        hub.send("engagement.json", other, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> robot.lookup(".engagement-banner").tryQuery().map(TabletFlowsTest::shown).orElse(false));
        javafx.scene.Node banner = robot.lookup(".engagement-banner").query();
        assertTrue(banner.localToScreen(banner.getBoundsInLocal()).contains(target),
                "the request covers where the finger aims: " + banner.localToScreen(banner.getBoundsInLocal()) + " " + target);
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
                .noneMatch(e -> e.state() == org.opensmur.store.outbox.DeliveryState.QUEUED) && statusesAtLrm(caseId).size() >= 2);
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

    private java.util.List<ResourceStatus> statusesAtLrm(String caseId) {
        return hub.atLrm.stream().filter(m -> m.type() == MessageType.RS_SR && caseId.equals(caseOf(m)))
                .map(m -> ((ResourcesStatus) m.payload()).state().status()).toList();
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
                var bounds = robot.lookup(id).query().localToScene(robot.lookup(id).query().getBoundsInLocal());
                assertTrue(bounds.getMaxY() <= scene.getHeight() && bounds.getMaxX() <= scene.getWidth(),
                        id + " inside the window on " + screen + ": " + bounds);
            }
        }
        robot.clickOn("#engagement-accept");
        atLrm(MessageType.RS_RI, caseId);
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

    /** The handover's kinds of line, in the order they take within a minute. */
    private static final java.util.List<String> KINDS = java.util.List.of("Statut", "Constantes", "Acte", "Médicament", "Message envoyé");

    /**
     * The handover on screen: every fact, the adrenaline at its times in that order, the lines in time order,
     * and within a minute the statuses first, then the vitals, acts, drugs and messages.
     */
    private static void awaitHandover(FxRobot robot, java.util.List<String> adrenaline, java.util.List<String> facts) {
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                java.util.List<String> lines = handoverLines(robot);
                return facts.stream().allMatch(f -> lines.stream().anyMatch(l -> l.contains(f))) && inOrder(lines, adrenaline);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the handover with " + facts + " and " + adrenaline + ", not " + handoverLines(robot), e);
        }
        java.util.List<String> lines = handoverLines(robot);
        for (int i = 1; i < lines.size(); i++) {
            String before = lines.get(i - 1);
            String after = lines.get(i);
            int order = before.substring(0, 5).compareTo(after.substring(0, 5));
            assertTrue(order < 0 || order == 0 && kind(before) <= kind(after), "in order: " + before + " then " + after + " in " + lines);
        }
    }

    private static int kind(String line) {
        String rest = line.substring(6);
        for (int i = KINDS.size() - 1; i >= 0; i--) {
            if (rest.startsWith(KINDS.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no kind of line: " + line);
    }

    /** The facts of the handover on screen (without their time and kind), in order. */
    private static java.util.List<String> handoverTexts(FxRobot robot) {
        return robot.lookup("#handover-entries").queryAs(javafx.scene.layout.VBox.class).getChildren().stream()
                .filter(n -> n instanceof javafx.scene.layout.HBox)
                .map(n -> ((Label) ((javafx.scene.layout.HBox) n).getChildren().get(2)).getText()).toList();
    }

    /** The handover's lines on screen, in order. */
    private static java.util.List<String> handoverLines(FxRobot robot) {
        return robot.lookup("#handover-entries").queryAs(javafx.scene.layout.VBox.class).getChildren().stream()
                .filter(n -> n instanceof javafx.scene.layout.HBox)
                .map(n -> ((javafx.scene.layout.HBox) n).getChildren().stream().map(c -> ((Label) c).getText()).reduce((a, b) -> a + " " + b).orElse(""))
                .toList();
    }

    /** Each of {@code facts} found in {@code lines}, each on a line after the one before. */
    private static boolean inOrder(java.util.List<String> lines, java.util.List<String> facts) {
        int line = 0;
        for (String fact : facts) {
            while (line < lines.size() && !lines.get(line).contains(fact)) {
                line++;
            }
            if (line == lines.size()) {
                return false;
            }
            line++;
        }
        return true;
    }

    /** A button fired as a tap would (it may be scrolled out of the window). */
    private static void fire(FxRobot robot, String id) {
        javafx.scene.control.ButtonBase button = robot.lookup(id).queryAs(javafx.scene.control.ButtonBase.class);
        robot.interact(button::fire);
    }

    @AfterEach
    void stop() {
        session.close();
        assertEquals(java.util.List.of(), uiErrors.stream().map(Throwable::toString).toList(), "errors on the UI thread");
    }


    private HubMessage atLrm(MessageType type, String caseId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> hub.atLrm.stream().anyMatch(m -> m.type() == type && caseId.equals(caseOf(m))));
        return hub.atLrm.stream().filter(m -> m.type() == type && caseId.equals(caseOf(m))).reduce((a, b) -> b).orElseThrow();
    }

    private static String caseOf(HubMessage m) {
        return org.opensmur.store.cases.CaseStore.caseIdOf(m);
    }

    private HubMessage lastCase;
    private HubMessage lastRequest;

    private String engage(FxRobot robot) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> session.core().transport().state().isConnected());
        String caseId = hub.newCase();
        lastCase = hub.send("case.json", caseId, null);
        lastRequest = hub.send("engagement.json", caseId, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> ringing(robot));
        robot.clickOn("#engagement-accept");
        return caseId;
    }

    /** On screen: the node and every node it sits in visible (a button's own flag stays true in a hidden row). */
    static boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** An alert card is up. */
    static boolean alertShown(FxRobot robot) {
        return robot.lookup("#alert-title").tryQuery().map(TabletFlowsTest::shown).orElse(false);
    }

    /** The request banner is up: the banner's own visibility, a button inside it stays "visible" while hidden. */
    static boolean ringing(FxRobot robot) {
        return robot.lookup(".engagement-banner").tryQuery().map(TabletFlowsTest::shown).orElse(false)
                && !robot.lookup("#engagement-summary").queryAs(Label.class).getText().isEmpty()
                && robot.lookup(".alert-layer").query().getPseudoClassStates().stream()
                        .noneMatch(p -> p.getPseudoClassName().equals("locked")); // past the tap lock
    }

    /** One status tap, and what the crew waits for: the screen saying it is saved (no longer "enregistrement…"). */
    private void tap(FxRobot robot, String status) {
        robot.clickOn("#status-" + status);
        await().atMost(Duration.ofSeconds(5)).until(() -> !text(robot, "#status-last").contains("enregistrement")
                && !text(robot, "#status-last").isEmpty());
    }

    private static void setText(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.interact(() -> field.setText(text));
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
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
        assertTrue(robot.lookup("#tab-status").queryAs(javafx.scene.control.ToggleButton.class).isSelected(), "the status screen opens");
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
    void aStatusTappedOfflineWaitsThenIsReceivedAfterReconnection(FxRobot robot) throws Exception {
        String caseId = engage(robot);
        atLrm(MessageType.RS_RI, caseId);
        hub.proxy.blackhole(true); // the ambulance enters a coverage gap
        await().atMost(Duration.ofSeconds(30)).until(() -> !session.core().transport().state().isConnected());
        PseudoClass offline = PseudoClass.getPseudoClass("offline");
        var bar = robot.lookup(".status-bar").query();
        await().atMost(Duration.ofSeconds(5)).until(() -> bar.getPseudoClassStates().contains(offline));
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
    void anInvalidBilanFieldShowsItsErrorAndBlocksSending(FxRobot robot) throws Exception {
        String caseId = engage(robot);
        atLrm(MessageType.RS_RI, caseId);
        robot.clickOn("#tab-bilan");
        org.opensmur.app.testing.Pickers.type(robot, "#bilan-diagnosis", "I21"); // below the fold: typing is shown on the vitals
        org.opensmur.app.testing.Pickers.intoSight(robot, robot.lookup("#bilan-heartRate").query()); // the diagnoses above take room
        robot.clickOn("#bilan-heartRate").write("400");
        assertEquals("Attendu entre 0 et 300", text(robot, "#bilan-heartRate-error"));
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
        assertEquals("Arrêt cardiaque · I46", org.opensmur.app.testing.Pickers.shown(robot, "#rpis-diagnosis"));
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

    /** The RPIS records at the ORU about the patients of {@code caseId} (their PATIDs carry the case's number). */
    private java.util.List<Rpis> rpisOfThisCase(String caseId) {
        String number = caseId.substring(caseId.lastIndexOf('.') + 1);
        return hub.atOru.stream().filter(m -> m.type() == MessageType.RS_RPIS).map(m -> (Rpis) m.payload())
                .filter(r -> r.patient().patientId().contains(number)).toList();
    }

    /** On the RPIS screen, what the crew states where the test case is silent. */
    private static void stateWhatTheCaseDoesNotSay(FxRobot robot, String birthDate) {
        org.opensmur.app.testing.Pickers.type(robot, "#rpis-medicalLevel", "médicalisé");
        java.time.LocalDate born = java.time.LocalDate.parse(birthDate);
        setText(robot, "#rpis-birthDate-day", String.format("%02d", born.getDayOfMonth()));
        setText(robot, "#rpis-birthDate-month", String.format("%02d", born.getMonthValue()));
        setText(robot, "#rpis-birthDate-year", Integer.toString(born.getYear()));
        pick(robot, "#rpis-teamDoctor", "true");
        pick(robot, "#rpis-teamNurse", "true");
        pick(robot, "#rpis-teamDriver", "true");
        org.opensmur.app.testing.Pickers.type(robot, "#rpis-orientationType", "TEMP"); // no SAMU list: free text, as the model allows
        setText(robot, "#rpis-returnSmur", "2359");
    }

    @SuppressWarnings("unchecked")
    private static void pick(FxRobot robot, String id, String code) {
        javafx.scene.control.ComboBox<String> box = robot.lookup(id).queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> box.setValue(code));
    }
}
