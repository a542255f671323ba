package org.opensmur.app.log;

import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.opensmur.app.ui.Labels;

/** The journal: a case chosen from a list (no typing with gloves), then its messages in plain words. */
public final class MessageLogView extends VBox {

    public MessageLogView(MessageLogViewModel model, Labels labels) {
        setPadding(new Insets(16));
        setSpacing(10);
        ComboBox<String> filter = new ComboBox<>(model.cases());
        filter.setId("log-filter");
        filter.getStyleClass().add("touch-field");
        filter.setPrefWidth(520);
        javafx.util.StringConverter<String> names = new javafx.util.StringConverter<>() {
            @Override
            public String toString(String caseId) {
                return caseId == null || caseId.isEmpty() ? labels.get("log.allCases") : labels.format("log.case", caseId);
            }

            @Override
            public String fromString(String text) {
                return null;
            }
        };
        filter.setConverter(names);
        filter.setValue(model.caseFilterProperty().get());
        filter.valueProperty().addListener((o, was, is) -> model.caseFilterProperty().set(is == null ? "" : is));
        ListView<MessageLogViewModel.Line> list = new ListView<>(model.lines());
        list.setId("log-list");
        // A message the recipient has not confirmed past its deadline: its line in amber.
        javafx.css.PseudoClass amber = javafx.css.PseudoClass.getPseudoClass("unconfirmed");
        list.setCellFactory(view -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(MessageLogViewModel.Line line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty || line == null ? null : line.toString());
                pseudoClassStateChanged(amber, !empty && line != null && model.unconfirmed(line));
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(filter, list);
    }
}
