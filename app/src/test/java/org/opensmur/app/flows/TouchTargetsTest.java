package org.opensmur.app.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.opensmur.app.shell.MainView;
import org.opensmur.app.ui.Labels;
import org.opensmur.app.ui.Theme;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every touch target takes a gloved finger in every theme and in English; the chosen theme is marked, seen on the
 * pixels.
 */
class TouchTargetsTest extends EveryScreen {

    @Start
    @Override
    void start(Stage stage) throws Exception {
        super.start(stage); // TestFX looks for @Start on the test class itself
    }

    /**
     * Every control the crew touches, on every screen, in each theme and in English too, is at least
     * {@link #GLOVE_PX} high and wide; and no text is cut (the same walk as at every size).
     */
    @Test
    void everyTouchTargetTakesAGlovedFingerInEveryThemeAndInEnglish(FxRobot robot) throws Exception {
        onScene(robot);
        robot.interact(() -> session.bilan().input("bilan.heartRate").valueProperty().set("96"));
        java.util.List<String> problems = new java.util.ArrayList<>();
        int[] size = {1280, 800};
        for (Locale locale : new Locale[] {Locale.FRENCH, Locale.ENGLISH}) {
            for (Theme theme : locale == Locale.FRENCH ? Theme.values() : new Theme[] {Theme.DAY}) {
                var made = new java.util.concurrent.atomic.AtomicReference<Scene>();
                robot.interact(() -> {
                    if (view.getScene() != null) {
                        view.getScene().setRoot(new javafx.scene.layout.Pane());
                    }
                    view = new MainView(session, new Labels(locale));
                    Scene sized = new Scene(view, size[0], size[1]);
                    theme.applyTo(sized);
                    made.set(sized);
                });
                Scene sized = made.get();
                String where = theme.name().toLowerCase() + (locale == Locale.ENGLISH ? " en" : "");
                for (MainView.Screen screen : MainView.Screen.values()) {
                    robot.interact(() -> ((ToggleButton) view.lookup("#tab-" + screen.name().toLowerCase())).fire());
                    WaitForAsyncUtils.waitForFxEvents();
                    problems.addAll(gloves(sized, screen.name().toLowerCase() + " (" + where + ")"));
                    problems.addAll(check(sized, screen.name().toLowerCase() + " (" + where + ")", size));
                }
            }
        }
        robot.interact(() -> {
            view.getScene().setRoot(new javafx.scene.layout.Pane());
            view = new MainView(session, new Labels(Locale.FRENCH));
            scene.setRoot(view);
        });
        assertEquals(java.util.List.of(), problems.stream().distinct().toList());
    }

    @Test
    void theChosenThemeIsMarked(FxRobot robot) throws Exception {
        for (Theme theme : Theme.values()) {
            robot.interact(() -> theme.applyTo(scene));
            WaitForAsyncUtils.waitForFxEvents();
            ToggleButton chosen = robot.lookup("#theme-" + theme.name().toLowerCase()).queryAs(ToggleButton.class);
            assertTrue(chosen.isSelected(), theme + " marked");
            assertTrue(chosen.getText().startsWith("✓ "), chosen.getText());
            for (Theme other : Theme.values()) {
                if (other != theme) {
                    ToggleButton not = robot.lookup("#theme-" + other.name().toLowerCase()).queryAs(ToggleButton.class);
                    assertFalse(not.isSelected() || not.getText().startsWith("✓"), other + " unmarked under " + theme);
                    // Seen, not only said: the chosen button's shade stands apart from the others'.
                    double difference = Math.abs(meanGrey(chosen) - meanGrey(not));
                    assertTrue(difference > 25, theme + ": the chosen button differs from " + other + " by " + difference + " grey levels");
                }
            }
        }
        robot.clickOn("#theme-night"); // a tap marks it too
        assertTrue(robot.lookup("#theme-night").queryAs(ToggleButton.class).getText().startsWith("✓ "));
        assertEquals(Theme.NIGHT, Theme.of(scene).orElseThrow());
    }
}
