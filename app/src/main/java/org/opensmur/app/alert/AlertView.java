package org.opensmur.app.alert;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.opensmur.app.ui.Labels;

/** The alert card, full width over the top of every screen: what happened, and the crew's acknowledgement. */
public final class AlertView extends VBox {

    public AlertView(AlertViewModel model, Labels labels, Runnable openMission) {
        getStyleClass().add("alert-card");
        setPadding(new Insets(16));
        setSpacing(10);
        Label title = new Label();
        title.setId("alert-title");
        title.getStyleClass().add("title");
        title.setWrapText(true);
        Label detail = new Label();
        detail.setId("alert-detail");
        detail.setWrapText(true);
        Button ack = new Button(labels.get("alert.ack"));
        ack.setId("alert-ack");
        ack.getStyleClass().addAll("big-button", "accept");
        ack.setOnAction(e -> model.acknowledge());
        Button open = new Button(labels.get("alert.openMission"));
        open.setId("alert-open");
        open.getStyleClass().add("big-button");
        open.setOnAction(e -> {
            model.acknowledge();
            openMission.run();
        });
        HBox actions = new HBox(16, ack, open);
        actions.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, detail, actions);
        visibleProperty().bind(model.currentProperty().isNotNull());
        managedProperty().bind(visibleProperty());
        model.currentProperty().addListener((o, was, alert) -> {
            title.setText(alert == null ? "" : alert.title());
            detail.setText(alert == null ? "" : alert.detail());
            open.setVisible(alert != null && alert.kind() == AlertViewModel.Kind.UPDATED);
            open.setManaged(open.isVisible());
            pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("cancelled"),
                    alert != null && alert.kind() == AlertViewModel.Kind.CANCELLED);
        });
    }
}
