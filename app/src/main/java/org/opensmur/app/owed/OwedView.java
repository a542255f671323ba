package org.opensmur.app.owed;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.opensmur.app.ui.Labels;

/**
 * What the SAMU has not confirmed in time, in amber: one row per message with how long it has been, "Envoyer de
 * nouveau" and "Donné par radio". Nothing at all when everything is confirmed.
 */
public final class OwedView extends VBox {

    public OwedView(OwedViewModel model, Labels labels) {
        super(6);
        getStyleClass().add("owed");
        setPadding(new Insets(8, 12, 8, 12));
        Label title = new Label(labels.get("owed.title"));
        title.getStyleClass().add("field-name");
        title.setWrapText(true);
        Label message = new Label();
        message.setId("owed-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        VBox rows = new VBox(6);
        Runnable rebuild = () -> {
            rows.getChildren().clear();
            for (OwedViewModel.Item item : model.items()) {
                Label what = new Label(item.text());
                what.setWrapText(true);
                what.getStyleClass().add("owed-what");
                Button again = new Button(labels.get("owed.sendAgain"));
                again.setId("owed-send-again");
                again.getStyleClass().add("touch-button");
                again.setOnAction(e -> model.sendAgain(item));
                Button radio = new Button(labels.get("owed.radio"));
                radio.setId("owed-radio");
                radio.getStyleClass().add("touch-button");
                radio.setOnAction(e -> model.givenByRadio(item));
                FlowPane row = new FlowPane(10, 6, what, again, radio);
                row.setAlignment(Pos.CENTER_LEFT);
                rows.getChildren().add(row);
            }
        };
        model.items().addListener((ListChangeListener<OwedViewModel.Item>) change -> rebuild.run());
        rebuild.run();
        getChildren().addAll(title, rows, message);
        visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.items()).or(message.textProperty().isNotEmpty()));
        managedProperty().bind(visibleProperty());
    }
}
