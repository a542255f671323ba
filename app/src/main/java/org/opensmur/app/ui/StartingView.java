package org.opensmur.app.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;

/**
 * The window's first frame while the encrypted store opens and the screens are built (about a second on a
 * tablet): the window is there at once and says what it is doing, instead of staying blank or frozen.
 */
public final class StartingView extends VBox {

    public StartingView(Labels labels) {
        super(24);
        Label heading = new Label("OpenSMUR");
        heading.getStyleClass().add("title");
        Label text = new Label(labels.get("startup.opening"));
        text.setId("startup-opening");
        text.setWrapText(true);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setMaxSize(64, 64);
        getChildren().addAll(heading, busy, text);
        setAlignment(Pos.CENTER);
        setPadding(new Insets(32));
        getStyleClass().add("tablet");
    }
}
