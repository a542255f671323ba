package org.opensmur.app.flows;

import org.junit.jupiter.api.Tag;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensmur.app.session.TabletSession;
import org.opensmur.app.settings.TabletSettings;
import org.opensmur.app.ui.Labels;
import org.opensmur.app.shell.MainView;
import org.opensmur.app.ui.Theme;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.rpis.Rpis;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.status.ResourcesStatus;
import org.opensmur.app.testing.Tablets;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The crew's flows on the real app (headless, Monocle), against the local Hub on the embedded broker:
 * what the screens show and what the LRM and the ORU really receive. The flows themselves are in the classes by
 * feature (RequestFlowsTest, AlertFlowsTest, StatusFlowsTest, BilanFlowsTest, RpisFlowsTest), each with its own
 * local Hub, so that the test JVMs share them; each has a model 2.0 twin that re-runs only what differs by line.
 */
@ExtendWith({ApplicationExtension.class, org.opensmur.app.testing.UiThreadOnTimeout.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("flow") // the crew's flows on the screens (TestFX): run by ./bin/test and .ci/run, not by ./bin/test --quick
abstract class TabletFlows {

    LocalHubForApp hub;
    TabletSession session;
    MainView view;

    /** The vhost, which decides the model line (model 3 here; the classes ending OnModel2Test: 2.0). */
    String vhost() {
        return "15-smur_local";
    }

    static final String SAME_ON_MODEL_3 = "the screens, the store or the link only, the same on every line: run on model 3 (the class without OnModel2)";

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
    String endOfCare() {
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

    final java.util.List<Throwable> uiErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
    Tablets.Moving moving;
    /** The tones the alerts played, in order. */
    final java.util.List<org.opensmur.app.alert.AlertSound.Tone> tones = new java.util.concurrent.CopyOnWriteArrayList<>();
    TabletSettings settings;
    Scene scene;

    /** The tablet stops (its core and every thread, as a crash or a reboot would) and starts again on the same store. */
    void restart(FxRobot robot) {
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
    String onScene(FxRobot robot) throws Exception {
        String caseId = engage(robot);
        atLrm(MessageType.RS_RI, caseId);
        robot.clickOn("#tab-status");
        tap(robot, "DEPART");
        tap(robot, "ARRIVEE");
        return caseId;
    }

    /** The SAMU engages, updates and cancels; the pilot answers as a crew would. */
    void pilotPlays(String caseId, java.util.List<org.opensmur.app.alert.AlertViewModel.Kind> raised) throws Exception {
        hub.send("case.json", caseId, null);
        hub.send("engagement.json", caseId, null);
        atLrm(MessageType.RS_RI, caseId); // the pilot accepted
        // It looks at the mission a step, then taps DEPART on the statuses. An update that lands while the mission is
        // on screen raises no card (the crew is looking at it): the update is sent once the pilot has left it.
        await().atMost(Duration.ofSeconds(20)).until(() -> statusesAtLrm(caseId).contains(ResourceStatus.DEPART));
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

    java.util.List<ResourceStatus> statusesAtLrm(String caseId) {
        return hub.atLrm.stream().filter(m -> m.type() == MessageType.RS_SR && caseId.equals(caseOf(m)))
                .map(m -> ((ResourcesStatus) m.payload()).state().status()).toList();
    }

    /** The handover's kinds of line, in the order they take within a minute. */
    static final java.util.List<String> KINDS = java.util.List.of("Statut", "Constantes", "Acte", "Médicament", "Message envoyé");

    /**
     * The handover on screen: every fact, the adrenaline at its times in that order, the lines in time order,
     * and within a minute the statuses first, then the vitals, acts, drugs and messages.
     */
    static void awaitHandover(FxRobot robot, java.util.List<String> adrenaline, java.util.List<String> facts) {
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

    static int kind(String line) {
        String rest = line.substring(6);
        for (int i = KINDS.size() - 1; i >= 0; i--) {
            if (rest.startsWith(KINDS.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no kind of line: " + line);
    }

    /** The facts of the handover on screen (without their time and kind), in order. */
    static java.util.List<String> handoverTexts(FxRobot robot) {
        return robot.lookup("#handover-entries").queryAs(javafx.scene.layout.VBox.class).getChildren().stream()
                .filter(n -> n instanceof javafx.scene.layout.HBox)
                .map(n -> ((Label) ((javafx.scene.layout.HBox) n).getChildren().get(2)).getText()).toList();
    }

    /** The handover's lines on screen, in order. */
    static java.util.List<String> handoverLines(FxRobot robot) {
        return robot.lookup("#handover-entries").queryAs(javafx.scene.layout.VBox.class).getChildren().stream()
                .filter(n -> n instanceof javafx.scene.layout.HBox)
                .map(n -> ((javafx.scene.layout.HBox) n).getChildren().stream().map(c -> ((Label) c).getText()).reduce((a, b) -> a + " " + b).orElse(""))
                .toList();
    }

    /** Each of {@code facts} found in {@code lines}, each on a line after the one before. */
    static boolean inOrder(java.util.List<String> lines, java.util.List<String> facts) {
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
    static void fire(FxRobot robot, String id) {
        javafx.scene.control.ButtonBase button = robot.lookup(id).queryAs(javafx.scene.control.ButtonBase.class);
        robot.interact(button::fire);
    }

    @AfterEach
    void stop() {
        // The Hub is the class's: a coverage gap a failed flow left open must not fail the next flows too.
        hub.proxy.blackhole(false);
        session.close();
        org.opensmur.app.testing.UiErrors.assertNone(uiErrors, "errors on the UI thread");
    }


    HubMessage atLrm(MessageType type, String caseId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> hub.atLrm.stream().anyMatch(m -> m.type() == type && caseId.equals(caseOf(m))));
        return hub.atLrm.stream().filter(m -> m.type() == type && caseId.equals(caseOf(m))).reduce((a, b) -> b).orElseThrow();
    }

    static String caseOf(HubMessage m) {
        return m.caseId();
    }

    HubMessage lastCase;
    HubMessage lastRequest;

    String engage(FxRobot robot) throws Exception {
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
        return robot.lookup("#alert-title").tryQuery().map(TabletFlows::shown).orElse(false);
    }

    /** The request banner is up: the banner's own visibility, a button inside it stays "visible" while hidden. */
    static boolean ringing(FxRobot robot) {
        return robot.lookup(".engagement-banner").tryQuery().map(TabletFlows::shown).orElse(false)
                && !robot.lookup("#engagement-summary").queryAs(Label.class).getText().isEmpty()
                && robot.lookup(".alert-layer").query().getPseudoClassStates().stream()
                        .noneMatch(p -> p.getPseudoClassName().equals("locked")); // past the tap lock
    }

    /** One status tap, and what the crew waits for: the screen saying it is saved (no longer "enregistrement…"). */
    void tap(FxRobot robot, String status) {
        robot.clickOn("#status-" + status);
        await().atMost(Duration.ofSeconds(5)).until(() -> !text(robot, "#status-last").contains("enregistrement")
                && !text(robot, "#status-last").isEmpty());
    }

    static void setText(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.interact(() -> field.setText(text));
    }

    String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** The RPIS records at the ORU about the patients of {@code caseId} (their PATIDs carry the case's number). */
    java.util.List<Rpis> rpisOfThisCase(String caseId) {
        String number = caseId.substring(caseId.lastIndexOf('.') + 1);
        return hub.atOru.stream().filter(m -> m.type() == MessageType.RS_RPIS).map(m -> (Rpis) m.payload())
                .filter(r -> r.patient().patientId().contains(number)).toList();
    }

    /** On the RPIS screen, what the crew states where the test case is silent. */
    static void stateWhatTheCaseDoesNotSay(FxRobot robot, String birthDate) {
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
    static void pick(FxRobot robot, String id, String code) {
        javafx.scene.control.ComboBox<String> box = robot.lookup(id).queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> box.setValue(code));
    }
}
