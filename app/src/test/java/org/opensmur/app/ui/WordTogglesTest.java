package org.opensmur.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The bilan's sex and identifier kind: a code chosen by one tap on its word, cleared by a second, kept in step with the model. */
@ExtendWith(ApplicationExtension.class)
@Tag("flow") // a control on a screen (TestFX): run by ./bin/test and .ci/run, not by ./bin/test --quick
class WordTogglesTest {

    private final StringProperty sex = new SimpleStringProperty("F");
    private HBox words;

    @Start
    void start(Stage stage) {
        words = WordToggles.of("t-sex-", sex, List.of("M", "F", "O", "UN"), "sex", new Labels(Locale.FRENCH));
        Scene scene = new Scene(words, 800, 200);
        Theme.DAY.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aTapChoosesTheCodeASecondClearsItAndTheModelsValueIsShown(FxRobot robot) {
        assertEquals(List.of("homme", "femme", "autre", "sexe inconnu"),
                words.getChildren().stream().map(n -> ((ToggleButton) n).getText()).toList(), "the codes in words, in order");
        assertTrue(words.getChildren().stream().allMatch(n -> n.getStyleClass().contains("word-button")), "a gloved finger's size");
        assertTrue(toggle(robot, "F").isSelected(), "the model's value, chosen");
        robot.clickOn("#t-sex-M");
        assertEquals("M", sex.get());
        assertFalse(toggle(robot, "F").isSelected(), "one at a time");
        robot.clickOn("#t-sex-M");
        assertEquals("", sex.get(), "a second tap: none chosen");
        robot.interact(() -> sex.set("UN")); // the draft read back, another patient chosen
        assertTrue(toggle(robot, "UN").isSelected());
        robot.interact(() -> sex.set(""));
        assertTrue(words.getChildren().stream().noneMatch(n -> ((ToggleButton) n).isSelected()));
    }

    private static ToggleButton toggle(FxRobot robot, String code) {
        return robot.lookup("#t-sex-" + code).queryAs(ToggleButton.class);
    }
}
