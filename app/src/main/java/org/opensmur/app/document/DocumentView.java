package org.opensmur.app.document;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.opensmur.app.ui.Labels;
import org.opensmur.core.document.DocumentType;

public final class DocumentView extends VBox {

    public DocumentView(DocumentViewModel model, org.opensmur.app.patient.PatientsViewModel patients, Labels labels) {
        setPadding(new Insets(16));
        setSpacing(14);
        ComboBox<DocumentType> type = new ComboBox<>();
        type.setId("document-type");
        type.getStyleClass().add("touch-field");
        type.getItems().setAll(DocumentType.values());
        type.valueProperty().bindBidirectional(model.typeProperty());
        type.setConverter(new javafx.util.StringConverter<>() {
            public String toString(DocumentType t) {
                return t == null ? "" : labels.code("document", t.code());
            }

            public DocumentType fromString(String s) {
                return null;
            }
        });
        TextField url = new TextField();
        url.setId("document-url");
        url.getStyleClass().add("touch-field");
        url.setPromptText("https://...");
        url.textProperty().bindBidirectional(model.urlProperty());
        // The access code the recipient needs to open the links (model 3 only: the 2.0 RS-URL has no code).
        TextField code = new TextField();
        code.setId("document-code");
        code.getStyleClass().add("touch-field");
        code.setPromptText(labels.get("document.code.prompt"));
        code.textProperty().bindBidirectional(model.codeProperty());
        Label codeName = new Label(labels.get("document.code"));
        code.setVisible(model.hasCode());
        code.setManaged(model.hasCode());
        codeName.setVisible(model.hasCode());
        codeName.setManaged(model.hasCode());
        Button send = new Button(labels.get("document.send"));
        send.setId("document-send");
        send.getStyleClass().add("big-button");
        send.setOnAction(e -> model.send());
        // Several links in one message: each added to the list, all sent together.
        Button add = new Button(labels.get("document.add"));
        add.setId("document-add");
        add.getStyleClass().add("touch-button");
        add.setOnAction(e -> model.addToList());
        javafx.scene.control.ListView<org.opensmur.core.document.Document> list = new javafx.scene.control.ListView<>(model.listed());
        list.setId("document-list");
        list.setPrefHeight(140);
        list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(org.opensmur.core.document.Document d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? null : labels.code("document", d.documentType()) + " · " + d.url());
            }
        });
        Label message = new Label();
        message.setId("document-message");
        message.textProperty().bind(model.messageProperty());
        getChildren().addAll(new org.opensmur.app.patient.PatientPickerView(patients, labels, "document"), new Label(labels.get("document.type")), type, new Label(labels.get("document.url")), url,
                new javafx.scene.layout.HBox(12, add, send), list, codeName, code, message);
    }
}
