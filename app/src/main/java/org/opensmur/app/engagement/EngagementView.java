package org.opensmur.app.engagement;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.opensmur.app.ui.ConfirmRow;
import org.opensmur.app.ui.Labels;

/** The ringing banner over every screen while a request waits. */
public final class EngagementView extends VBox {

    public EngagementView(EngagementViewModel model, Labels labels) {
        getStyleClass().add("engagement-banner");
        setPadding(new Insets(16));
        setSpacing(12);
        Label title = new Label(labels.get("engagement.title"));
        title.getStyleClass().add("title");
        Label summary = new Label();
        summary.setId("engagement-summary");
        summary.setWrapText(true);
        Button accept = new Button(labels.get("engagement.accept"));
        accept.setId("engagement-accept");
        accept.getStyleClass().addAll("big-button", "accept");
        accept.setOnAction(e -> model.accept());
        Button decline = new Button(labels.get("engagement.decline"));
        decline.setId("engagement-decline");
        decline.getStyleClass().addAll("big-button", "decline");
        // Declining sends nothing to the SAMU (the Hub has no refusal message): asked before, said what follows.
        ConfirmRow confirm = new ConfirmRow("engagement-decline", labels.get("engagement.decline.confirm"),
                labels.get("engagement.decline.keep"));
        HBox actions = new HBox(16, accept, decline);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.visibleProperty().bind(confirm.askingProperty().not());
        actions.managedProperty().bind(actions.visibleProperty());
        decline.setOnAction(e -> confirm.ask(labels.get("engagement.decline.ask"), model::decline));
        model.pendingProperty().addListener((o, was, is) -> confirm.close()); // a new request starts afresh
        // The SMUR's own mission number, generated; written over by the crew when their centre numbers otherwise.
        javafx.scene.control.TextField missionId = new javafx.scene.control.TextField();
        missionId.setId("engagement-mission-id");
        missionId.getStyleClass().add("touch-field");
        missionId.textProperty().bindBidirectional(model.missionIdProperty());
        HBox mission = new HBox(10, new javafx.scene.control.Label(labels.get("engagement.missionId")), missionId);
        mission.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        // A state beside DECISION (the trigger DECLENCHE...) and its time, as the reply may carry it.
        var extraState = org.opensmur.app.ui.CodeChoice.of("engagement-extra-state", model.extraStateProperty(), model.extraStates(),
                "engagement.state", labels);
        javafx.scene.control.TextField extraTime = new javafx.scene.control.TextField();
        extraTime.setId("engagement-extra-time");
        extraTime.getStyleClass().add("touch-field");
        extraTime.setPromptText(labels.get("engagement.extraTime.prompt"));
        extraTime.setPrefColumnCount(5);
        extraTime.getProperties().put("vkType", "numeric");
        extraTime.textProperty().bindBidirectional(model.extraTimeProperty());
        HBox extra = new HBox(10, new javafx.scene.control.Label(labels.get("engagement.extraState")), extraState, extraTime);
        extra.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label unknown = new Label();
        unknown.setId("engagement-unknown-sender");
        unknown.getStyleClass().add("warning");
        unknown.setWrapText(true);
        unknown.textProperty().bind(model.unknownSenderProperty());
        unknown.visibleProperty().bind(model.unknownSenderProperty().isNotEmpty());
        unknown.managedProperty().bind(unknown.visibleProperty());
        getChildren().addAll(title, unknown, summary, mission, extra, actions, confirm);
        visibleProperty().bind(model.pendingProperty().isNotNull());
        managedProperty().bind(visibleProperty());
        model.pendingProperty().addListener((o, was, is) -> summary.setText(is == null ? "" : is.summary()));
    }
}
