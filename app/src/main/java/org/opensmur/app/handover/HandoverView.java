package org.opensmur.app.handover;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.opensmur.app.ui.Labels;

/**
 * The handover timeline, readable at arm's length: one line per fact, its time in large type, what kind of
 * fact, the fact; print the one-page sheet and open it.
 */
public final class HandoverView extends BorderPane {

    private HBox actions;

    /** A button first in the actions that leads back (to the bilan). */
    public void offerBack(String id, String words, Runnable back) {
        Button button = new Button(words);
        button.setId(id);
        button.getStyleClass().add("word-button");
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(e -> back.run());
        actions.getChildren().add(0, button);
    }

    public HandoverView(HandoverViewModel model, org.opensmur.app.patient.PatientsViewModel patients, Labels labels) {
        getStyleClass().add("handover");
        org.opensmur.app.patient.PatientPickerView picker = new org.opensmur.app.patient.PatientPickerView(patients, labels, "handover");
        Label title = new Label();
        title.setId("handover-title");
        title.getStyleClass().add("title");
        title.setWrapText(true);
        title.textProperty().bind(model.titleProperty());
        Button print = new Button(labels.get("handover.print"));
        print.setId("handover-print");
        print.getStyleClass().add("big-button");
        print.setMinWidth(Region.USE_PREF_SIZE);
        print.disableProperty().bind(Bindings.isEmpty(model.lines()));
        print.setOnAction(e -> model.print());
        Button open = new Button(labels.get("handover.open"));
        open.setId("handover-open");
        open.getStyleClass().add("word-button");
        open.setMinWidth(Region.USE_PREF_SIZE);
        open.disableProperty().bind(model.printedProperty().not());
        open.setOnAction(e -> model.open());
        Label message = new Label();
        message.setId("handover-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        message.setMinWidth(0);
        actions = new HBox(12, print, open, message);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(8, picker, title, actions);
        top.setPadding(new Insets(12, 16, 8, 16));
        setTop(top);
        VBox lines = new VBox(4);
        lines.setId("handover-entries");
        lines.setPadding(new Insets(8, 16, 16, 16));
        Label none = new Label(labels.get("handover.none"));
        none.getStyleClass().add("handover-text");
        Runnable show = () -> {
            lines.getChildren().clear();
            if (model.lines().isEmpty()) {
                lines.getChildren().add(none);
            }
            for (int i = 0; i < model.lines().size(); i++) {
                HandoverViewModel.Line entry = model.lines().get(i);
                Label time = new Label(entry.time());
                time.getStyleClass().add("handover-time");
                time.setMinWidth(Region.USE_PREF_SIZE);
                Label kind = new Label(entry.kindWords());
                kind.getStyleClass().addAll("handover-kind", "handover-" + entry.kind());
                kind.setMinWidth(Region.USE_PREF_SIZE);
                kind.setPrefWidth(200);
                Label text = new Label(entry.text());
                text.setId("handover-entry-" + i);
                text.getStyleClass().add("handover-text");
                text.setWrapText(true);
                text.setMinHeight(Region.USE_PREF_SIZE);
                text.setMinWidth(0);
                HBox.setHgrow(text, Priority.ALWAYS);
                HBox row = new HBox(16, time, kind, text);
                row.setAlignment(Pos.TOP_LEFT);
                row.getStyleClass().add("handover-row");
                lines.getChildren().add(row);
            }
        };
        model.lines().addListener((ListChangeListener<HandoverViewModel.Line>) c -> show.run());
        show.run();
        ScrollPane scroll = org.opensmur.app.ui.Scrolling.of(lines);
        scroll.setId("handover-scroll");
        scroll.setFitToWidth(true);
        setCenter(scroll);
    }
}
