package org.opensmur.app.ui;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.opensmur.core.nomenclature.Nomenclature;

/**
 * The one searchable picker of coded lists, for gloves: the value in words on a large button; tapped, a search
 * field (by code or words) over the matching rows, each at least 56 px high, the most used first. A row is
 * taken by a tap or Enter; Enter in the search takes the code typed, else the best match, and says why a code
 * is refused; Escape closes. What is picked is never typed as a raw code in an editable field.
 */
public final class CodePicker {

    /** Rows shown at once before the list scrolls. */
    private static final int ROWS = 5;
    private static final double ROW = 56;

    private CodePicker() {
    }

    /** A picker of one code, its nodes' ids starting with {@code id} ({@code id}, {@code id-search}, {@code id-list}…). */
    public static Node one(String id, CodePickerModel model, Labels labels) {
        VBox box = new VBox(6);
        box.getStyleClass().add("code-picker");
        Button value = new Button();
        value.setId(id);
        value.getStyleClass().addAll("touch-field", "picker-value");
        value.setMaxWidth(Double.MAX_VALUE);
        value.setAlignment(Pos.CENTER_LEFT);
        value.setWrapText(true);
        value.setMinHeight(Region.USE_PREF_SIZE);
        value.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> !model.shownProperty().get().isEmpty() ? model.shownProperty().get()
                        : !model.missingProperty().get() ? labels.get("picker.choose")
                        : labels.get(model.list().map(l -> l.freeText()).orElse(false) ? "picker.choose.free" : "picker.choose.none"),
                model.shownProperty(), model.missingProperty()));
        value.setAccessibleText(model.title());
        HBox.setHgrow(value, Priority.ALWAYS);
        Button clear = new Button("✕");
        clear.setId(id + "-clear");
        clear.getStyleClass().add("picker-clear");
        clear.setAccessibleText(labels.get("picker.clear"));
        clear.visibleProperty().bind(model.valueProperty().isNotEmpty());
        clear.managedProperty().bind(clear.visibleProperty());
        clear.setOnAction(e -> model.valueProperty().set(""));
        HBox top = new HBox(8, value, clear);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox panel = panel(id, model, labels);
        panel.setVisible(false);
        panel.managedProperty().bind(panel.visibleProperty());
        value.setOnAction(e -> {
            panel.setVisible(!panel.isVisible());
            if (panel.isVisible()) {
                model.load();
                panel.getChildren().get(0).requestFocus();
            }
        });
        model.valueProperty().addListener((o, was, is) -> panel.setVisible(false));
        Label message = message(id, model);
        // which list is missing and how to install it: said once the picker is opened (the button says it is missing)
        message.visibleProperty().unbind();
        message.visibleProperty().bind(model.messageProperty().isNotEmpty().and(model.missingProperty().not().or(panel.visibleProperty())));
        box.getChildren().addAll(top, panel, message);
        return box;
    }

    /**
     * A picker of several codes (the associated diagnoses): each picked one a button in words that takes it off,
     * and a picker below to add one more ({@link CodePickerModel#addingTo} makes its picks join {@code values}).
     */
    public static Node many(String id, CodePickerModel adder, ObservableList<String> values, Labels labels) {
        FlowPane chosen = new FlowPane(8, 8);
        chosen.setId(id + "-chosen");
        Runnable redraw = () -> {
            chosen.getChildren().clear();
            for (int i = 0; i < values.size(); i++) {
                String code = values.get(i);
                Button item = new Button(adder.entry(code).map(e -> labels.format("picker.shown", e.label(), e.code())).orElse(code) + "  ✕");
                item.setId(id + "-item-" + i);
                item.getStyleClass().add("picker-item");
                item.setWrapText(true);
                item.setMinHeight(Region.USE_PREF_SIZE);
                item.setAccessibleText(labels.format("picker.remove", code));
                item.setOnAction(e -> values.remove(code));
                chosen.getChildren().add(item);
            }
        };
        values.addListener((ListChangeListener<String>) c -> redraw.run());
        adder.shownProperty().addListener((o, was, is) -> redraw.run());
        redraw.run();
        chosen.managedProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(chosen.getChildren()));
        return new VBox(6, chosen, one(id, adder, labels));
    }

    private static VBox panel(String id, CodePickerModel model, Labels labels) {
        TextField search = new TextField();
        search.setId(id + "-search");
        search.getStyleClass().add("touch-field");
        search.setPromptText(labels.get("picker.search"));
        search.textProperty().bindBidirectional(model.queryProperty());
        ListView<Nomenclature.Entry> rows = new ListView<>(model.results());
        rows.setId(id + "-list");
        rows.getStyleClass().add("picker-list");
        rows.setCellFactory(v -> new ListCell<>() {
            {
                setMinHeight(ROW);
                setWrapText(true);
                setPrefWidth(0);
                getStyleClass().add("picker-row");
                setOnMouseClicked(e -> {
                    if (getItem() != null) {
                        model.choose(getItem());
                    }
                });
            }

            @Override
            protected void updateItem(Nomenclature.Entry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null : words(entry, labels));
            }
        });
        Runnable height = () -> rows.setPrefHeight(Math.max(1, Math.min(ROWS, model.results().size())) * (ROW + 2) + 4);
        model.results().addListener((ListChangeListener<Nomenclature.Entry>) c -> height.run());
        height.run();
        rows.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.results()));
        rows.managedProperty().bind(rows.visibleProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.submit();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN && !model.results().isEmpty()) {
                rows.requestFocus();
                rows.getSelectionModel().selectFirst();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                ((Node) search.getParent()).setVisible(false);
                e.consume();
            }
        });
        rows.setOnKeyPressed(e -> {
            Nomenclature.Entry selected = rows.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selected != null) {
                model.choose(selected);
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                rows.getParent().setVisible(false);
                e.consume();
            }
        });
        Label about = new Label();
        about.setId(id + "-about");
        about.getStyleClass().add("measure-time");
        about.setWrapText(true);
        about.setMinHeight(Region.USE_PREF_SIZE);
        model.missingProperty().addListener((o, was, is) -> about.setText(model.about()));
        about.setText(model.about());
        model.results().addListener((ListChangeListener<Nomenclature.Entry>) c -> about.setText(model.about()));
        VBox panel = new VBox(6, search, rows, about);
        panel.getStyleClass().add("picker-panel");
        return panel;
    }

    private static Label message(String id, CodePickerModel model) {
        Label message = new Label();
        message.setId(id + "-message");
        message.getStyleClass().add("error-text");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        return message;
    }

    /** A row in words: the label's levels above it when it has some ("Malaise › Malaise avec PC"), then its code. */
    static String words(Nomenclature.Entry entry, Labels labels) {
        return labels.format("picker.shown", String.join(" › ", entry.labels()), entry.code());
    }
}
