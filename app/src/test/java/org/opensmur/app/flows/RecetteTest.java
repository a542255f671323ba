package org.opensmur.app.flows;

import org.junit.jupiter.api.Tag;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensmur.app.session.TabletSession;
import org.opensmur.app.settings.TabletSettings;
import org.opensmur.app.bilan.BilanViewModel;
import org.opensmur.app.patient.PatientsViewModel;
import org.opensmur.app.ui.Labels;
import org.opensmur.app.shell.MainView;
import org.opensmur.app.ui.Theme;
import org.opensmur.app.testing.Tablets;
import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.hubsim.recette.ExpectedComparison;
import org.opensmur.hubsim.recette.RecetteCases;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The ANS recette, played as its test LRM plays it, against the real screens: each official test case of the
 * cases file, step by step. A receive step publishes the step's example as the LRM (the case number replaced
 * by a new one, the SMUR's resource by this tablet's) and passes when the tablet answers it with an RC-REF and
 * the mission shows the values the crew must see; a send step has the pilot work the screens with the values
 * of the expected example (taps, fields, lists only), and passes when what the tablet sends holds every value
 * of that example but its ignored properties ({@link ExpectedComparison}). Nothing here knows a scenario: the
 * pilot reads every input from the expected example and its model.
 *
 * <p>Run by {@code ./bin/recette} ({@code -Dopensmur.recette.cases}, {@code .vhost}, {@code .out}).
 */
@ExtendWith({ApplicationExtension.class, org.opensmur.app.testing.UiThreadOnTimeout.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow") @Tag("flow") // the whole recette played on the screens: run by ./bin/test and .ci/run, not by ./bin/test --quick
class RecetteTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String vhost = System.getProperty("opensmur.recette.vhost", vhost());

    /** The vhost played when none is given (model 3 here; {@link RecetteOnModel2Test}: 2.0). */
    String vhost() {
        return "15-smur_local";
    }

    /** The périmètre played: "" the cases as the file has them, "1" their périmètre-1 play ({@link RecetteCases#perimetre1}). */
    String perimetre() {
        return System.getProperty("opensmur.recette.perimetre", "");
    }

    /**
     * Which of the cases this JVM plays: those whose place in the file (from 0) is {@code shard()} modulo
     * {@code opensmur.recette.shards} (1: all). {@code ./bin/recette --variants} plays its variants in several JVMs at
     * once, one {@code RecetteShardNTest} each: a step mostly waits (for the broker, the store, the screen), not for the
     * processor.
     */
    int shard() {
        return 0;
    }

    /** The number of JVMs the cases are shared between ({@code opensmur.recette.shards}, 1 when not given). */
    static int shards() {
        return Integer.getInteger("opensmur.recette.shards", 1);
    }

    /** The cases played, in the official format. */
    JsonNode cases() throws Exception {
        JsonNode file = JSON.readTree(casesFile().toFile());
        return perimetre().equals("1") ? RecetteCases.perimetre1(file) : file;
    }

    /**
     * A corpus folder searched before the official one for the steps' examples ({@code examples/<model>/<file>}):
     * where generated variants are written; null: the official corpus only.
     */
    Path corpus() {
        String given = System.getProperty("opensmur.recette.corpus", "");
        return given.isBlank() ? null : Path.of(given);
    }

    /** The cases file given, or the shared 15-SMUR one (the ANS recette case); skipped, said, when absent. */
    Path casesFile() throws Exception {
        String given = System.getProperty("opensmur.recette.cases", "");
        Path file = given.isBlank() ? SharedCorpus.root().resolve("test-cases/15-SMUR.json") : Path.of(given);
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(file), "no test-case file at " + file);
        return file;
    }
    private final Path out = System.getProperty("opensmur.recette.out", "").isBlank() ? null : Path.of(System.getProperty("opensmur.recette.out"));
    private LocalHubForApp hub;
    private TabletSession session;
    private TabletSettings settings;
    private Scene scene;

    @BeforeAll
    void startHub() throws Exception {
        hub = new LocalHubForApp(vhost);
        await().atMost(Duration.ofSeconds(30)).until(hub::lrmConnected);
    }

    @AfterAll
    void stopHub() throws Exception {
        if (session != null) {
            session.close();
        }
        if (hub != null) {
            hub.close();
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        settings = Tablets.settings(hub.config(LocalHubForApp.TABLET, true), Files.createTempDirectory("opensmur-recette"));
        session = Tablets.session(settings, Clock.systemDefaultZone());
        scene = new Scene(new MainView(session, new Labels(Locale.FRENCH)), 1280, 800);
        Theme.DAY.applyTo(scene);
        stage.setScene(scene);
        stage.show();
        session.start();
    }

    /** One step as the cases file writes it. */
    record Step(String id, String type, String label, String file, String model, List<String> ignored) {
        static Step of(JsonNode s) {
            List<String> ignored = new ArrayList<>();
            s.path("ignoredProperties").forEach(p -> ignored.add(p.asText()));
            return new Step(s.path("id").asText(), s.path("type").asText(), s.path("label").asText(), s.path("file").asText(),
                    s.path("model").asText(), ignored);
        }
    }

    /**
     * What came of one step. BLOCKED: the official example of a receive step breaks the official schema of the
     * line, so a Hub that validates (as the Hub does) refuses it before any tablet can receive it; said with the
     * reason, not counted as the tablet's failure.
     */
    enum Verdict { PASS, FAIL, BLOCKED }

    record Outcome(Step step, Verdict verdict, List<String> problems, List<String> approximate) {
        Outcome(Step step, boolean passed, List<String> problems, List<String> approximate) {
            this(step, passed ? Verdict.PASS : Verdict.FAIL, problems, approximate);
        }

        boolean passed() {
            return verdict == Verdict.PASS;
        }

        String line() {
            return step.id() + " " + step.type() + " " + step.model() + " " + verdict
                    + (approximate.isEmpty() ? "" : " (approximate: " + String.join(", ", approximate) + ")")
                    + (problems.isEmpty() ? "" : "\n    " + String.join("\n    ", problems));
        }
    }

    @Test
    void playsEveryStepOfEveryCase(FxRobot robot) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> session.core().transport().state().isConnected());
        JsonNode file = cases();
        int failed = 0;
        int played = 0;
        List<String> report = new ArrayList<>();
        int place = 0;
        for (JsonNode category : file) {
            for (JsonNode testCase : category.path("testCases")) {
                if (place++ % shards() != shard()) {
                    continue; // another shard's
                }
                List<Step> steps = new ArrayList<>();
                testCase.path("steps").forEach(s -> steps.add(Step.of(s)));
                played = place;
                Play play = new Play(robot, steps, played == 1 ? "" : "case-" + played + "/");
                List<Outcome> outcomes = play.all();
                int passed = (int) outcomes.stream().filter(Outcome::passed).count();
                int blocked = (int) outcomes.stream().filter(o -> o.verdict() == Verdict.BLOCKED).count();
                String title = testCase.path("label").asText();
                outcomes.forEach(o -> report.add(o.line()));
                String total = "recette " + title + " (" + vhost + "): " + passed + "/" + outcomes.size() + " steps passed"
                        + (blocked == 0 ? "" : ", " + blocked + " blocked by the official corpus");
                report.add(total);
                System.out.print(play.printed + total + "\n");
                failed += outcomes.size() - passed - blocked;
            }
        }
        if (out != null) {
            Files.createDirectories(out);
            // one report per shard: ./bin/recette joins them
            Files.writeString(out.resolve(shards() == 1 ? "report.txt" : "report-" + shard() + ".txt"), String.join("\n", report) + "\n",
                    StandardCharsets.UTF_8);
        }
        assertEquals(0, failed, "steps failed: see the lines above");
    }

    /** One test case played from its first step: the case number and the resource replaced as the test LRM does. */
    private final class Play {
        private final FxRobot robot;
        private final List<Step> steps;
        private final String oldCase;
        private final String newCase;
        private final String ownResource;
        private final String folder;

        /** @param folder where this case's evidence goes under {@code --out} ("" for the first case, "case-N/" after) */
        Play(FxRobot robot, List<Step> steps, String folder) throws Exception {
            this.folder = folder;
            this.robot = robot;
            this.steps = steps;
            JsonNode first = example(steps.get(0));
            this.oldCase = first.findValue("caseId").asText();
            String number = oldCase.substring(oldCase.lastIndexOf('.') + 1);
            String fresh = number.substring(0, 11) + String.format("%08d", OffsetDateTime.now().toEpochSecond() % 100_000_000L);
            this.newCase = number.length() == fresh.length() ? fresh : number + "1";
            // The tablet's own resource, as the expected messages name it: the first resource a send step speaks for.
            String own = null;
            for (Step step : steps) {
                if (step.type().equals("send") && own == null) {
                    JsonNode id = example(step).findValue("resourceId");
                    own = id == null ? null : id.asText();
                }
            }
            this.ownResource = own;
        }

        /** The step's example, in the line of the vhost: the corpus's (a variant) or the official one. */
        JsonNode example(Step step) throws Exception {
            Path variant = corpus() == null ? null : corpus().resolve("examples").resolve(step.model()).resolve(step.file());
            Path path = variant != null && Files.isRegularFile(variant) ? variant
                    : SharedCorpus.root(hub.line).resolve("examples").resolve(step.model()).resolve(step.file());
            return JSON.readTree(path.toFile());
        }

        /** The example with this play's case number and the tablet's resource. */
        JsonNode mapped(Step step) throws Exception {
            String number = oldCase.substring(oldCase.lastIndexOf('.') + 1);
            String text = JSON.writeValueAsString(example(step)).replace(number, newCase);
            if (ownResource != null) {
                text = text.replace("\"" + ownResource + "\"", "\"" + settings.resourceId() + "\"");
            }
            return JSON.readTree(text);
        }

        /** The case's lines when shards play at once, printed as one block with its total. */
        final StringBuilder printed = new StringBuilder();

        List<Outcome> all() {
            List<Outcome> outcomes = new ArrayList<>();
            for (Step step : steps) {
                Outcome outcome;
                long began = System.nanoTime();
                try {
                    outcome = step.type().equals("receive") ? receive(step) : send(step);
                } catch (Exception | AssertionError e) {
                    outcome = new Outcome(step, false, List.of(e.getClass().getSimpleName() + ": " + e.getMessage()), List.of());
                }
                outcomes.add(outcome);
                evidence(outcome, (System.nanoTime() - began) / 1_000_000);
            }
            return outcomes;
        }

        private Outcome receive(Step step) throws Exception {
            JsonNode example = mapped(step);
            HubMessage sent;
            try {
                sent = hub.sendPayload(JSON.writeValueAsBytes(example), null);
            } catch (IllegalArgumentException refused) {
                return new Outcome(step, Verdict.BLOCKED, List.of("the official example breaks the official schema of model "
                        + hub.line.name() + " (" + refused.getMessage().replaceFirst("^.*?: ", "")
                        + "): a Hub that validates refuses it before it reaches any tablet"), List.of());
            }
            List<String> problems = new ArrayList<>();
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> hub.lrmReferences.stream().anyMatch(r -> r.startsWith(sent.distributionID() + " ")));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                problems.add("no RC-REF from the tablet for " + sent.distributionID());
            }
            save(step, "sent-by-lrm", example);
            // What the crew must see: on the mission screen (a request: on its card), waited for up to 5 s.
            if (!step.model().equals("RS-ER")) {
                clickWhenFree(robot, "#tab-mission");
            }
            JsonNode payload = example.elements().next();
            List<String> missing = new ArrayList<>();
            try {
                await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> {
                    missing.clear();
                    missing.addAll(notShown(step, payload));
                    return missing.isEmpty();
                });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                problems.addAll(missing);
            }
            return new Outcome(step, problems.isEmpty(), problems, List.of());
        }

        /** The step's displayed values not on screen now, read on the FX thread. */
        private List<String> notShown(Step step, JsonNode payload) throws Exception {
            String shown = normalise(String.join("\n", WaitForAsyncUtils.asyncFx(() -> texts(scene.getRoot())).get()));
            List<String> missing = new ArrayList<>();
            for (String path : displayed(step.model())) {
                for (String value : values(payload, path)) {
                    if (!shown.contains(normalise(value))) {
                        missing.add("not shown: " + path + " = " + value);
                    }
                }
            }
            return missing;
        }

        private Outcome send(Step step) throws Exception {
            JsonNode expected = mapped(step);
            MessageType type = MessageType.ofCode(step.model()).orElseThrow(() -> new IllegalArgumentException("unknown model " + step.model()));
            List<HubMessage> box = type == MessageType.RS_RPIS ? hub.atOru : hub.atLrm;
            int before = (int) box.stream().filter(m -> m.type() == type).count();
            new Pilot(robot, this).perform(type, expected.elements().next());
            await().atMost(Duration.ofSeconds(20)).until(() -> box.stream().filter(m -> m.type() == type).count() > before);
            HubMessage message = box.stream().filter(m -> m.type() == type).reduce((a, b) -> b).orElseThrow();
            ObjectNode actual = JSON.createObjectNode();
            actual.set(type.key(), hub.codec().toTree(message).findValue(type.key()));
            save(step, "expected", expected);
            save(step, "sent-by-tablet", actual);
            ExpectedComparison.Result result = ExpectedComparison.compare(expected, actual, step.ignored());
            return new Outcome(step, result.passed(), result.differences().stream().map(Object::toString).toList(), result.approximate());
        }

        private void save(Step step, String what, JsonNode json) throws Exception {
            if (out != null) {
                Path folder = out.resolve(this.folder + step.id() + "-" + step.model());
                Files.createDirectories(folder);
                Files.writeString(folder.resolve(what + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
            }
        }

        /**
         * The step's line; with {@code --out}, beside its messages: the comparison as judged ({@code comparison.txt})
         * and the screen the step was played on ({@code screen.png}), as an editor hands them to the ANS.
         */
        private void evidence(Outcome outcome, long millis) {
            // the step's time on the screens, after its verdict (where a slow recette spends its time)
            String line = outcome.line().replaceFirst("^([^\\n]*)", "$1 · " + millis + " ms");
            if (shards() == 1) {
                System.out.println(line);
            } else {
                printed.append(line).append('\n'); // the case's lines together: other JVMs print theirs meanwhile
            }
            if (out == null) {
                return;
            }
            try {
                Path folder = out.resolve(this.folder + outcome.step().id() + "-" + outcome.step().model());
                Files.createDirectories(folder);
                Files.writeString(folder.resolve("comparison.txt"), outcome.step().label() + "\n" + outcome.line() + "\n", StandardCharsets.UTF_8);
                java.util.concurrent.CompletableFuture<javafx.scene.image.WritableImage> shot = new java.util.concurrent.CompletableFuture<>();
                javafx.application.Platform.runLater(() -> shot.complete(scene.snapshot(null)));
                javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(shot.get(10, java.util.concurrent.TimeUnit.SECONDS), null),
                        "png", folder.resolve("screen.png").toFile());
            } catch (Exception e) {
                System.out.println("    evidence not written: " + e);
            }
        }
    }

    /**
     * Waits past an alert's tap lock, acknowledges it if one covers the screen, then taps {@code id}. An alert on its
     * way is on screen once the FX thread has run what was queued for it (the core hands a received message to the
     * screens before its RC-REF is sent); then the wait lasts as long as the lock, not a fixed time.
     */
    static void clickWhenFree(FxRobot robot, String id) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> WaitForAsyncUtils.asyncFx(
                () -> robot.lookup(n -> n instanceof MainView).tryQuery().map(n -> !((MainView) n).tapLocked()).orElse(true)).get());
        if (robot.lookup("#alert-ack").tryQuery().map(TabletFlows::shown).orElse(false)) {
            robot.clickOn("#alert-ack");
        }
        robot.clickOn(id);
    }

    /**
     * Runs {@code change} on the FX thread and waits for it (and what it queued) to be done: as a field the crew fills,
     * without TestFX's fixed pauses after each (a variant fills some sixty).
     */
    static void fx(Runnable change) {
        fx(() -> {
            change.run();
            return null;
        });
    }

    static <T> T fx(java.util.concurrent.Callable<T> read) {
        try {
            T value = WaitForAsyncUtils.asyncFx(read).get(10, java.util.concurrent.TimeUnit.SECONDS);
            WaitForAsyncUtils.asyncFx(() -> null).get(10, java.util.concurrent.TimeUnit.SECONDS); // what the change queued
            return value;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> displayed(String model) throws Exception {
        Properties list = new Properties();
        try (InputStream in = RecetteTest.class.getResourceAsStream("/recette/displayed.properties")) {
            list.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        String paths = list.getProperty(model, "");
        return paths.isBlank() ? List.of() : List.of(paths.split("\\s*,\\s*"));
    }

    /** The values at {@code path} ([*]: each item), text. */
    static List<String> values(JsonNode node, String path) {
        List<JsonNode> at = List.of(node);
        for (String part : path.split("\\.")) {
            List<JsonNode> next = new ArrayList<>();
            boolean each = part.endsWith("[*]");
            String name = each ? part.substring(0, part.length() - 3) : part;
            for (JsonNode n : at) {
                JsonNode child = n.path(name);
                if (each) {
                    child.forEach(next::add);
                } else if (!child.isMissingNode()) {
                    next.add(child);
                }
            }
            at = next;
        }
        return at.stream().filter(JsonNode::isValueNode).map(JsonNode::asText).filter(t -> !t.isBlank()).toList();
    }

    private static List<String> texts(Node node) {
        List<String> found = new ArrayList<>();
        if (!node.isVisible()) {
            return found;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null) {
            found.add(labeled.getText());
        }
        if (node instanceof TextInputControl input && input.getText() != null) {
            found.add(input.getText());
        }
        if (node instanceof javafx.scene.control.ScrollPane scroll && scroll.getContent() != null) {
            found.addAll(texts(scroll.getContent()));
        }
        if (node instanceof javafx.scene.Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                found.addAll(texts(child));
            }
        }
        return found;
    }

    private static String normalise(String text) {
        return text.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    /** Works the screens with the values of an expected message, as a crew would: taps, fields, lists. */
    private final class Pilot {
        private final FxRobot robot;
        private final Play play;

        Pilot(FxRobot robot, Play play) {
            this.robot = robot;
            this.play = play;
        }

        void perform(MessageType type, JsonNode p) throws Exception {
            if (type != MessageType.RS_RI) {
                openSharedCase();
            }
            switch (type) {
                case RS_RI -> engagementReply(p.path("resource").path(0));
                case RS_SR -> status(p.path("state").path("status").asText());
                case RS_URL -> document(p);
                case RS_BPV -> bilan(p);
                case RS_RPIS -> rpis(p);
                default -> throw new IllegalArgumentException("the pilot does not send " + type);
            }
        }

        /** Périmètre 1: a case the SAMU shared without an engagement request is opened by the crew first. */
        private void openSharedCase() throws Exception {
            if (session.mission().sharedOfferProperty().get() != null && session.missionCore().openCase() == null) {
                clickWhenFree(robot, "#tab-mission");
                await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#mission-open-shared").tryQuery().map(TabletFlows::shown).orElse(false));
                WaitForAsyncUtils.waitForFxEvents();
                robot.clickOn("#mission-open-shared");
                await().atMost(Duration.ofSeconds(10)).until(() -> !session.mission().sharedNoteProperty().get().isEmpty());
            }
        }

        private void engagementReply(JsonNode r) throws Exception {
            clickWhenFreeOfCards("#tab-shift");
            // the shift screen just tapped may still be laying out (a loaded machine): its fields are waited for
            await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#shift-vehicleName").tryQuery().isPresent());
            text("#shift-vehicleName", r.path("name"));
            pick("#shift-vehicleType", r.path("vehicleType"));
            text("#shift-teamName", r.path("team").path("name"));
            pick("#shift-medicalLevel", r.path("team").path("medicalLevel"));
            text("#shift-contactPhone", r.path("contact").path("details"));
            set("#shift-centerName", r.path("centerName").asText("")); // a centre the case does not name is not sent
            set("#shift-centerCity", r.path("centerCity").asText(""));
            String[] crew = r.path("freetext").path(0).asText("").split("\\s*,\\s*");
            for (int i = 0; i < org.opensmur.app.shift.ShiftViewModel.CREW_ROWS; i++) { // a row not on this shift is emptied
                set("#shift-crew-" + i + "-name", i < crew.length ? crew[i] : "");
            }
            robot.clickOn("#shift-save");
            await().atMost(Duration.ofSeconds(5)).until(() -> !label("#shift-message").isEmpty());
            await().atMost(Duration.ofSeconds(20)).until(() -> TabletFlows.ringing(robot));
            text("#engagement-mission-id", r.path("missionId"));
            JsonNode decision = null;
            for (JsonNode state : r.path("state")) {
                decision = state.path("status").asText().equals("DECISION") ? state.path("datetime") : decision;
            }
            for (JsonNode state : r.path("state")) { // the state the crew adds beside DECISION, with its time
                if (!state.path("status").asText().equals("DECISION")) {
                    pick("#engagement-extra-state", state.path("status"));
                    typeAsItHappens("#engagement-extra-time", state.path("datetime"), decision);
                    break; // the card carries one
                }
            }
            robot.clickOn("#engagement-accept");
        }

        private void status(String code) throws Exception {
            clickWhenFree(robot, "#tab-status");
            robot.clickOn("#status-" + code);
            if (code.equals("ANNULE")) {
                robot.clickOn("#status-confirm");
            }
        }

        private void document(JsonNode p) throws Exception {
            clickWhenFree(robot, "#tab-documents");
            choosePatient(p.path("patientId"));
            @SuppressWarnings("unchecked")
            ComboBox<org.opensmur.core.document.DocumentType> types = robot.lookup("#document-type").queryAs(ComboBox.class);
            for (JsonNode doc : p.path("document")) { // each link added to the list, then all sent at once
                String kind = doc.path("documentType").asText();
                robot.interact(() -> types.setValue(types.getItems().stream().filter(t -> t.code().equals(kind)).findFirst().orElse(null)));
                text("#document-url", doc.path("url"));
                robot.clickOn("#document-add");
            }
            text("#document-code", p.path("code"));
            robot.clickOn("#document-send");
        }

        private void bilan(JsonNode p) throws Exception {
            clickWhenFree(robot, "#tab-bilan");
            choosePatient(p.path("patient").path("patientId"));
            await().atMost(Duration.ofSeconds(10)).until(() -> !fx(() -> session.bilan().loadingProperty().get())); // the patient's draft is back
            JsonNode who = p.path("patient");
            for (String field : List.of("lastName", "firstName", "birthName", "birthDate", "age", "height", "weight")) {
                text("#bilan-" + field, who.path(field));
            }
            text("#bilan-redactor", p.path("redactor").path("label"));
            JsonNode e = p.path("evaluation");
            text("#bilan-history", e.path("medicalHistory"));
            text("#bilan-treatment", e.path("treatment"));
            text("#bilan-diagnosis", e.path("mainDiagnosis"));
            List<String> procedures = new ArrayList<>();
            e.path("procedure").forEach(x -> procedures.add(x.asText()));
            // the acts this bilan says, each one entry (the ones given before, for an earlier bilan, taken back first)
            while (robot.lookup("#care-given-0-remove").tryQuery().isPresent()) {
                javafx.scene.control.Button remove = robot.lookup("#care-given-0-remove").queryButton();
                robot.interact(remove::fire);
            }
            for (String act : procedures) { // no ACTES_SMUR list installed: the picker takes the act in words
                org.opensmur.app.testing.Pickers.type(robot, "#care-picked", act);
            }
            // the series this bilan says: each vital as written (with what is said of it), the others left empty
            java.util.Map<String, JsonNode> said = new java.util.HashMap<>();
            e.path("parameter").forEach(v -> said.put(v.path("type").asText(), v));
            await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#bilan-heartRate").tryQuery().isPresent()); // laid out
            for (org.opensmur.core.bilan.VitalSign sign : org.opensmur.core.bilan.VitalSign.values()) {
                String field = "#" + BilanViewModel.key(sign).replace('.', '-');
                if (robot.lookup(field).tryQuery().isEmpty()) {
                    continue; // not a vital of this line
                }
                JsonNode v = said.get(sign.code());
                set(field, v == null ? "" : v.path("value").asText(""));
                if (robot.lookup(field + "-precision").tryQuery().isPresent()) {
                    set(field + "-precision", v == null ? "" : v.path("precision").asText(""));
                }
            }
            // A bilan without a diagnosis is an intermediate one.
            boolean last = e.hasNonNull("mainDiagnosis");
            robot.clickOn(last ? "#bilan-final" : "#bilan-intermediate");
            robot.clickOn("#bilan-send");
        }

        private void rpis(JsonNode p) throws Exception {
            JsonNode c = p.path("context");
            clickWhenFree(robot, "#tab-shift");
            text("#shift-finessLegal", c.path("ressourceFinessLegal"));
            text("#shift-finessGeo", c.path("ressourceFinessGeo"));
            text("#shift-structure", c.path("ressourceStructure"));
            robot.clickOn("#shift-save");
            clickWhenFree(robot, "#tab-rpis");
            choosePatient(p.path("patient").path("patientId"));
            await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> session.rpis().prefilledProperty().get())); // prefilled in the background
            JsonNode r = p.path("regulation");
            text("#rpis-whatsHappenCode", r.path("whatsHappen").path("code"));
            text("#rpis-whatsHappenLabel", r.path("whatsHappen").path("label"));
            text("#rpis-healthMotiveCode", r.path("healthMotive").path("code"));
            text("#rpis-healthMotiveLabel", r.path("healthMotive").path("label"));
            pick("#rpis-medicalLevel", r.path("medicalLevel"));
            text("#rpis-birthDate", p.path("patient").path("birthDate"));
            pick("#rpis-sex", p.path("patient").path("sex"));
            JsonNode i = p.path("intervention");
            pick("#rpis-teamDoctor", i.path("team").path("doctor"));
            pick("#rpis-teamNurse", i.path("team").path("nurse"));
            pick("#rpis-teamDriver", i.path("team").path("driver"));
            text("#rpis-insee", i.path("location").path("detailedAddress").path("inseeCode"));
            text("#rpis-locationType", i.path("location").path("type"));
            text("#rpis-inseeCity", i.path("location").path("detailedAddress").path("city"));
            text("#rpis-residenceInsee", p.path("patient").path("residentialAddress").path("inseeCode"));
            text("#rpis-residenceCity", p.path("patient").path("residentialAddress").path("city"));
            text("#rpis-locationFiness", i.path("location").path("finessGeo"));
            text("#rpis-locationService", i.path("location").path("service"));
            JsonNode decision = p.path("orientation").path("decision"); // a transport the case does not say is not sent
            set("#rpis-transportResourceType", decision.path("resourceType").asText(""));
            set("#rpis-transportVehicleType", decision.path("vehicleType").asText(""));
            set("#rpis-transportMedicalLevel", decision.path("medicalLevel").asText(""));
            text("#rpis-diagnosis", i.path("mainDiagnosis"));
            text("#rpis-orientationType", p.path("orientation").path("type"));
            JsonNode destination = p.path("orientation").path("destination");
            text("#rpis-destinationCountry", destination.path("destinationCountry"));
            text("#rpis-destinationCategory", destination.path("destinationCategory"));
            text("#rpis-healthcareType", destination.path("healthcareType"));
            text("#rpis-destinationFiness", destination.path("finess"));
            time("#rpis-decisionTime", c.path("decisionDate"));
            for (String t : List.of("departSmur", "arrivedSmur", "departLocation", "arrivedDestination", "teamAvailable", "returnSmur")) {
                if (label("#rpis-" + t).isEmpty()) { // a status not tapped: the time the crew gives
                    time("#rpis-" + t, i.path("smurStatus").path(t));
                }
            }
            robot.clickOn("#rpis-send");
        }

        private void choosePatient(JsonNode id) {
            if (id.isMissingNode() || id.isNull()) {
                return;
            }
            @SuppressWarnings("unchecked")
            ComboBox<PatientsViewModel.Patient> patients = robot.lookup(".patient-picker .combo-box").queryAs(ComboBox.class);
            robot.interact(() -> patients.getItems().stream().filter(p -> id.asText().equals(p.patientId())).findFirst()
                    .ifPresent(patients::setValue));
        }

        private void clickWhenFreeOfCards(String id) throws Exception {
            clickWhenFree(robot, id);
        }

        private void text(String id, JsonNode value) {
            if (!value.isMissingNode() && !value.isNull()) {
                set(id, value.asText());
            }
        }

        /**
         * A time the crew gives as it happens in this run, not the example's clock time: the example's distance from
         * its DECISION, counted from now, as the pilot types it. What happened after the decision happens now: the
         * field is left empty, which the tablet reads as the moment of the acceptance; so is a time that would fall
         * before today (the tablet reads hh:mm as today's). Typing the example's 18:22 in a run at
         * 20:15 put the trigger before the decision, and the step passed or failed with the time of day. Without a
         * DECISION in the example, its own time.
         */
        private void typeAsItHappens(String id, JsonNode instant, JsonNode decision) {
            if (!instant.isTextual() || decision == null || !decision.isTextual()) {
                time(id, instant);
                return;
            }
            OffsetDateTime now = OffsetDateTime.now();
            OffsetDateTime at = now.plus(Duration.between(OffsetDateTime.parse(decision.asText()), OffsetDateTime.parse(instant.asText())));
            boolean earlierToday = at.isBefore(now) && at.toLocalDate().equals(now.toLocalDate());
            set(id, earlierToday ? at.toLocalTime().withSecond(0).withNano(0).toString() : "");
        }

        private void time(String id, JsonNode instant) {
            if (instant.isTextual()) {
                set(id, OffsetDateTime.parse(instant.asText()).toLocalTime().withSecond(0).toString());
            }
        }

        private void set(String id, String value) {
            Node node = robot.lookup(id).tryQuery().orElse(null);
            if (node instanceof TextInputControl field) {
                fx(() -> field.setText(value));
            } else {
                coded(id, value.strip()); // the list's code as the crew picks it ("TSU"); the line's spelling is the wire's ("TSU " in 2.0)
            }
        }

        /**
         * A coded value of the official test case on a picker or a date control: given as the SAMU's case gives it (the
         * recette's codes are not all in the official nomenclatures of the same commit, so a crew could not pick them).
         */
        private void coded(String id, String value) {
            if (!id.startsWith("#rpis-") && !id.equals("#bilan-diagnosis") && !id.equals("#bilan-birthDate")) {
                throw new IllegalStateException(id + " is not on the screen"); // not a coded value: a field not laid out (yet)
            }
            fx(() -> {
                if (id.equals("#bilan-diagnosis") || id.equals("#bilan-birthDate")) {
                    session.bilan().input(id.substring(1).replace('-', '.')).valueProperty().set(value);
                } else {
                    session.rpis().field(id.substring("#rpis-".length())).set(value);
                }
            });
        }

        private String label(String id) {
            Node node = robot.lookup(id).query();
            return node instanceof TextInputControl t ? t.getText() : ((Labeled) node).getText();
        }

        private void pick(String id, JsonNode value) {
            if (value.isMissingNode() || value.isNull()) {
                return;
            }
            if (!(robot.lookup(id).tryQuery().orElse(null) instanceof ComboBox<?>)) {
                coded(id, value.asText().strip());
                return;
            }
            @SuppressWarnings("unchecked")
            ComboBox<String> box = robot.lookup(id).queryAs(ComboBox.class);
            fx(() -> box.setValue(value.asText()));
        }
    }
}
