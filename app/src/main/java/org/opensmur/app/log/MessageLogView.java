package org.opensmur.app.log;

import javafx.geometry.Insets;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.opensmur.app.shell.Labels;

public final class MessageLogView extends VBox {

    public MessageLogView(MessageLogViewModel model, Labels labels) {
        setPadding(new Insets(16));
        setSpacing(10);
        TextField filter = new TextField();
        filter.setId("log-filter");
        filter.setPromptText(labels.get("log.filter"));
        filter.getStyleClass().add("touch-field");
        filter.textProperty().bindBidirectional(model.caseFilterProperty());
        ListView<MessageLogViewModel.Line> list = new ListView<>(model.lines());
        list.setId("log-list");
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(filter, list);
    }
}
