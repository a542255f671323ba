package org.opensmur.app.flows;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.opensmur.app.shell.MainView;
import org.opensmur.app.ui.Theme;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every screen at every tablet size, nothing off the window and no text cut; the night map as dim as the other
 * night screens.
 */
class EveryScreenTest extends EveryScreen {

    @Start
    @Override
    void start(Stage stage) throws Exception {
        super.start(stage); // TestFX looks for @Start on the test class itself
    }

    @Test
    void everyScreenFitsEveryTabletSizeWithNothingOffTheWindowAndNoTextCut(FxRobot robot) throws Exception {
        String caseId = onScene(robot);
        hub.send("orientation.json", caseId, null); // an update card on top of the statuses
        await().atMost(Duration.ofSeconds(20)).until(() -> !session.alerts().cards().isEmpty());
        robot.interact(() -> session.bilan().input("bilan.heartRate").valueProperty().set("96"));
        java.util.List<String> problems = new java.util.ArrayList<>();
        for (int[] size : SIZES) {
            Scene sized = resize(robot, size[0], size[1]);
            for (MainView.Screen screen : MainView.Screen.values()) {
                robot.interact(() -> ((ToggleButton) view.lookup("#tab-" + screen.name().toLowerCase())).fire());
                if (screen == MainView.Screen.MAP) { // the tiles of this size loaded (a light map by day), as the crew sees it
                    await().atMost(Duration.ofSeconds(20)).until(() -> meanGrey(sized, "#map") > 150);
                }
                problems.addAll(check(sized, screen.name().toLowerCase(), size));
                if (screen == MainView.Screen.BILAN) { // the handover timeline, from the bilan
                    robot.interact(() -> ((javafx.scene.control.ButtonBase) view.lookup("#bilan-handover")).fire());
                    WaitForAsyncUtils.waitForFxEvents();
                    problems.addAll(check(sized, "handover", size));
                    robot.interact(() -> ((javafx.scene.control.ButtonBase) view.lookup("#handover-back")).fire());
                }
            }
        }
        // A request ringing over a screen, at each size: its answers in reach.
        String other = hub.newCase();
        hub.send("case.json", other, null);
        hub.send("engagement.json", other, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> session.engagement().pendingProperty().get() != null);
        for (int[] size : SIZES) {
            Scene sized = resize(robot, size[0], size[1]);
            robot.interact(() -> ((ToggleButton) view.lookup("#tab-status")).fire());
            problems.addAll(check(sized, "engagement", size));
        }
        robot.interact(() -> session.engagement().decline());
        robot.interact(() -> {
            view.getScene().setRoot(new javafx.scene.layout.Pane());
            scene.setRoot(view); // back in the window
        });
        assertEquals(java.util.List.of(), problems);
    }

    @Test
    void atNightTheMapIsAsDimAsTheOtherScreens(FxRobot robot) throws Exception {
        onScene(robot);
        robot.clickOn("#tab-map");
        // By day the tiles are light (what the veil must dim at night): waiting for them is waiting for the tiles.
        await().atMost(Duration.ofSeconds(20)).until(() -> meanGrey(robot.lookup("#map").query()) > 150);
        double day = meanGrey(robot.lookup("#map").query());
        robot.interact(() -> Theme.NIGHT.applyTo(scene));
        Map<String, Double> night = new LinkedHashMap<>();
        for (MainView.Screen screen : MainView.Screen.values()) {
            if (screen != MainView.Screen.MAP) {
                robot.clickOn("#tab-" + screen.name().toLowerCase());
                WaitForAsyncUtils.waitForFxEvents();
                night.put(screen.name(), meanGrey(robot.lookup(".screen-frame").query()));
            }
        }
        robot.clickOn("#tab-map");
        WaitForAsyncUtils.waitForFxEvents();
        double map = meanGrey(robot.lookup("#map").query());
        double darkest = night.values().stream().mapToDouble(d -> d).min().orElseThrow();
        double brightest = night.values().stream().mapToDouble(d -> d).max().orElseThrow();
        System.out.printf("night mean grey: map %.1f (by day %.1f); the other night screens %s%n", map, day, night);
        assertTrue(map >= darkest - 10 && map <= brightest + 5, String.format(
                "the night map's mean grey %.1f (by day %.1f) within the other night screens' %.1f–%.1f: %s", map, day, darkest, brightest, night));
    }
}
