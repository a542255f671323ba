package org.opensmur.app.ui;

import java.util.List;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * A few Hub codes offered as words side by side, one tap to choose ({@code code.<list>.<CODE>} in the bundles),
 * kept in step with a view model's code ({@code ""}: none chosen; a second tap on the chosen word clears it). For a
 * short list the crew sees whole (the patient's sex, the kind of an identifier); a long one is a {@link CodePicker}.
 */
public final class WordToggles {

    private WordToggles() {
    }

    /** One toggle per code, {@code idPrefix + code} its id, a gloved finger's size ({@code word-button}). */
    public static HBox of(String idPrefix, StringProperty code, List<String> codes, String list, Labels labels) {
        HBox words = new HBox(8);
        words.setAlignment(Pos.CENTER_LEFT);
        ToggleGroup group = new ToggleGroup();
        for (String one : codes) {
            ToggleButton word = new ToggleButton(labels.code(list, one));
            word.setId(idPrefix + one);
            word.getStyleClass().add("word-button");
            word.setMinWidth(Region.USE_PREF_SIZE); // the word whole, never "fem…"
            word.setToggleGroup(group);
            word.setSelected(one.equals(code.get()));
            word.setOnAction(e -> code.set(word.isSelected() ? one : ""));
            code.addListener((o, was, is) -> word.setSelected(one.equals(is)));
            words.getChildren().add(word);
        }
        return words;
    }
}
