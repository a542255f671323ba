package org.opensmur.app.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** What the form screens (shift, bilan, RPIS, mission) share so that they fit any tablet's width. */
public final class Forms {

    private Forms() {
    }

    /**
     * The names in {@code grid}'s first column go on two lines rather than being cut when the screen is narrow
     * (a portrait tablet), and never get narrower than {@code minName}; the fields' column takes the rest.
     */
    public static void fitNames(GridPane grid, double minName) {
        for (Node child : grid.getChildren()) {
            Integer column = GridPane.getColumnIndex(child);
            if ((column == null || column == 0) && child instanceof Label name) {
                name.setWrapText(true);
                name.setMinWidth(Math.min(minName, name.prefWidth(-1)));
                name.setMinHeight(Region.USE_PREF_SIZE);
            }
        }
        ColumnConstraints names = new ColumnConstraints();
        names.setHgrow(Priority.NEVER);
        names.setMinWidth(Region.USE_COMPUTED_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.SOMETIMES);
        fields.setMinWidth(Region.USE_COMPUTED_SIZE);
        grid.getColumnConstraints().setAll(names, fields);
    }
}
