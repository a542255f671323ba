package org.opensmur.app.ui;

import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** What was already sent about the patient on screen (bilans, RPIS): read-only lines under a title, nothing when none. */
public final class SentList {

    private SentList() {
    }

    public static Node of(String id, String title, ObservableList<String> lines) {
        Label heading = new Label(title);
        heading.getStyleClass().add("field-name");
        Label list = new Label();
        list.setId(id);
        list.setWrapText(true);
        list.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", lines), lines));
        VBox box = new VBox(4, heading, list);
        box.getStyleClass().add("sent-list");
        box.visibleProperty().bind(Bindings.isNotEmpty(lines));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }
}
