package org.opensmur.app.alert;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.opensmur.app.ui.Labels;

/**
 * The alert cards, full width under the mission header (which stays in sight above them): how many there are
 * when more than one, then each card with what happened and its acknowledgement. A card is one row beside its
 * buttons, so that several take little of the screen.
 */
public final class AlertView extends VBox {

    private final AlertViewModel model;
    private final Labels labels;
    private final Runnable openMission;
    private final Label count = new Label();

    public AlertView(AlertViewModel model, Labels labels, Runnable openMission) {
        this.model = model;
        this.labels = labels;
        this.openMission = openMission;
        getStyleClass().add("alert-list");
        setSpacing(4);
        count.setId("alert-count");
        count.getStyleClass().add("alert-count");
        count.setPadding(new Insets(2, 16, 2, 16));
        visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.cards()));
        managedProperty().bind(visibleProperty());
        model.cards().addListener((javafx.collections.ListChangeListener<AlertViewModel.Alert>) change -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        int n = model.cards().size();
        count.setText(n > 1 ? labels.format("alert.count", n) : "");
        if (n > 1) {
            getChildren().add(count);
        }
        for (AlertViewModel.Alert alert : model.cards()) {
            getChildren().add(card(alert));
        }
    }

    private HBox card(AlertViewModel.Alert alert) {
        Label title = new Label(alert.title());
        title.setId("alert-title");
        title.getStyleClass().add("title");
        title.setWrapText(true);
        Label detail = new Label(alert.detail());
        detail.setId("alert-detail");
        detail.setWrapText(true);
        VBox words = new VBox(4, title, detail);
        HBox.setHgrow(words, Priority.ALWAYS);
        words.setMinWidth(0);
        Button ack = new Button(labels.get("alert.ack"));
        ack.setId("alert-ack");
        ack.getStyleClass().addAll("big-button", "accept");
        ack.setOnAction(e -> model.acknowledge(alert));
        HBox card = new HBox(16, words, ack);
        if (alert.kind() == AlertViewModel.Kind.UPDATED) {
            Button open = new Button(labels.get("alert.openMission"));
            open.setId("alert-open");
            open.getStyleClass().add("big-button");
            open.setOnAction(e -> {
                model.acknowledge(alert);
                openMission.run();
            });
            card.getChildren().add(open);
        }
        card.getStyleClass().add("alert-card");
        card.setAlignment(Pos.CENTER_LEFT);
        card.setPadding(new Insets(10, 16, 10, 16));
        card.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("cancelled"), alert.kind() == AlertViewModel.Kind.CANCELLED);
        return card;
    }
}
