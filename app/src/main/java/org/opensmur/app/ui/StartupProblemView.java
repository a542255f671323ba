package org.opensmur.app.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * What the crew sees when the tablet cannot start (settings unusable, the store that cannot open): the
 * problem in its words, then the detail the integrator needs (never patient data: paths and settings).
 */
public final class StartupProblemView extends VBox {

    public StartupProblemView(String title, String detail) {
        super(24);
        Label heading = new Label(title);
        heading.getStyleClass().add("title");
        heading.setWrapText(true);
        Label text = new Label(detail);
        text.setId("startup-problem");
        text.setWrapText(true);
        getChildren().addAll(heading, text);
        setPadding(new Insets(32));
    }
}
