package org.opensmur.app.rpis;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.opensmur.app.shell.Labels;

public final class RpisView extends VBox {

    public RpisView(RpisViewModel model, Labels labels) {
        setPadding(new Insets(16));
        setSpacing(12);
        Label summary = new Label();
        summary.setId("rpis-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        TextField diagnosis = new TextField();
        diagnosis.setId("rpis-diagnosis");
        diagnosis.getStyleClass().add("touch-field");
        diagnosis.textProperty().bindBidirectional(model.diagnosisProperty());
        TextField insee = new TextField();
        insee.setId("rpis-insee");
        insee.getStyleClass().add("touch-field");
        insee.textProperty().bindBidirectional(model.inseeCodeProperty());
        Button send = new Button(labels.get("rpis.send"));
        send.setId("rpis-send");
        send.getStyleClass().add("big-button");
        send.setOnAction(e -> model.send());
        Label message = new Label();
        message.setId("rpis-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        getChildren().addAll(summary, new Label(labels.get("rpis.diagnosis")), diagnosis, new Label(labels.get("rpis.insee")), insee,
                send, message);
    }
}
