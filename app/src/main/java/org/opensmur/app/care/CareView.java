package org.opensmur.app.care;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.property.StringProperty;
import org.opensmur.app.ui.Labels;

/**
 * The bilan's acts and drugs: the SMUR's frequent ones as large tiles (gloves), "autre acte" in words, the
 * dose, unit and route of a drug picked, and what was given with its time (correctable) and a way to take it back.
 */
public final class CareView extends VBox {

    private final CareViewModel model;
    private final Labels labels;
    private final FlowPane acts = new FlowPane(8, 8);
    private final FlowPane drugs = new FlowPane(8, 8);
    private final VBox list = new VBox(6);

    public CareView(CareViewModel model, Labels labels) {
        super(10);
        this.model = model;
        this.labels = labels;
        setId("care");
        getStyleClass().add("care");
        acts.setId("care-acts");
        drugs.setId("care-drugs");
        acts.prefWrapLengthProperty().bind(widthProperty());
        drugs.prefWrapLengthProperty().bind(widthProperty());
        Label actsTitle = title(labels.get("care.acts"));
        TextField other = new TextField();
        other.setId("care-other");
        other.getStyleClass().add("touch-field");
        other.setPromptText(labels.get("care.other.prompt"));
        other.textProperty().bindBidirectional(model.otherActProperty());
        other.setOnAction(e -> model.addOtherAct());
        Button addOther = wordButton("care-other-add", labels.get("care.other.add"));
        addOther.disableProperty().bind(model.otherActProperty().isEmpty());
        addOther.setOnAction(e -> model.addOtherAct());
        HBox typedRow = new HBox(8, new Label(labels.get("care.other")), other, addOther);
        typedRow.setAlignment(Pos.CENTER_LEFT);
        HBox otherRow = typedRow;
        if (model.actsPicker() != null) {
            // picked from the SMUR's list; the typed row stays while a text waits (an earlier version's acts)
            otherRow = new HBox(8, new Label(labels.get("care.other")), org.opensmur.app.ui.CodePicker.one("care-picked", model.actsPicker(), labels));
            HBox.setHgrow(otherRow.getChildren().get(1), javafx.scene.layout.Priority.ALWAYS);
            typedRow.visibleProperty().bind(model.otherActProperty().isNotEmpty());
            typedRow.managedProperty().bind(typedRow.visibleProperty());
        }
        otherRow.setAlignment(Pos.CENTER_LEFT);
        Label drugsTitle = title(labels.get("care.drugs"));
        Node asking = drugPanel();
        Label givenTitle = title(labels.get("care.given"));
        Label none = new Label(labels.get("care.none"));
        none.visibleProperty().bind(Bindings.isEmpty(model.lines()));
        none.managedProperty().bind(none.visibleProperty());
        list.setId("care-given");
        Label message = new Label();
        message.setId("care-message");
        message.getStyleClass().add("error-text");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        getChildren().addAll(actsTitle, acts, otherRow);
        if (otherRow != typedRow) {
            getChildren().add(typedRow);
        }
        getChildren().addAll(drugsTitle, drugs, asking, givenTitle, none, list, message);
        model.actTiles().addListener((ListChangeListener<CareViewModel.Tile>) c -> tiles(acts, model.actTiles()));
        model.drugTiles().addListener((ListChangeListener<CareViewModel.Tile>) c -> tiles(drugs, model.drugTiles()));
        tiles(acts, model.actTiles());
        tiles(drugs, model.drugTiles());
        model.lines().addListener((ListChangeListener<CareViewModel.Given>) c -> rows());
        rows();
    }

    private static Label title(String words) {
        Label title = new Label(words);
        title.getStyleClass().add("field-name");
        return title;
    }

    private static Button wordButton(String id, String words) {
        Button button = new Button(words);
        button.setId(id);
        button.getStyleClass().add("word-button");
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    private void tiles(FlowPane pane, java.util.List<CareViewModel.Tile> tiles) {
        pane.getChildren().setAll(tiles.stream().map(t -> {
            Button tile = tile(t.id(), t.label());
            if (t.drug()) {
                tile.getStyleClass().add("drug");
            }
            tile.setOnAction(e -> model.tap(t));
            return (Node) tile;
        }).toList());
    }

    private static Button tile(String id, String words) {
        Button tile = new Button(words);
        tile.setId(id);
        tile.getStyleClass().add("care-tile");
        tile.setMinWidth(Region.USE_PREF_SIZE);
        tile.setWrapText(false);
        return tile;
    }

    /** The drug being given: its doses, a keypad field for another, its units, its routes, its time; give or cancel. */
    private Node drugPanel() {
        VBox panel = new VBox(8);
        panel.setId("care-drug-panel");
        panel.getStyleClass().add("care-asking");
        Label name = new Label();
        name.setId("care-drug-name");
        name.getStyleClass().add("title");
        name.textProperty().bind(model.drugNameProperty());
        FlowPane doses = new FlowPane(8, 8);
        TextField dose = new TextField();
        dose.setId("care-dose");
        dose.getStyleClass().addAll("touch-field", "vital-field");
        dose.getProperties().put("vkType", "numeric"); // the device's numeric keypad
        dose.setAccessibleText(labels.get("care.dose"));
        dose.textProperty().bindBidirectional(model.doseProperty());
        FlowPane units = new FlowPane(8, 8);
        FlowPane routes = new FlowPane(8, 8);
        TextField time = new TextField();
        time.setId("care-time");
        time.getStyleClass().addAll("touch-field", "vital-field");
        time.getProperties().put("vkType", "numeric");
        time.setPromptText("HH:MM");
        time.textProperty().bindBidirectional(model.timeProperty());
        Button give = wordButton("care-give", labels.get("care.give"));
        give.getStyleClass().add("accept");
        give.setOnAction(e -> model.giveDrug());
        Button cancel = wordButton("care-cancel", labels.get("care.cancel"));
        cancel.setOnAction(e -> model.cancelDrug());
        Label error = new Label();
        error.setId("care-drug-error");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(model.drugErrorProperty());
        model.drugNameProperty().addListener((o, was, is) -> {
            if (!is.isEmpty()) {
                choices(doses, "care-dose-", model.doseChoices(), model.doseProperty());
                choices(units, "care-unit-", model.unitChoices(), model.unitProperty());
                choices(routes, "care-route-", model.routeChoices(), model.routeProperty());
            }
        });
        HBox doseRow = new HBox(8, doses, dose);
        doseRow.setAlignment(Pos.CENTER_LEFT);
        HBox timeRow = new HBox(8, time, give, cancel, error);
        timeRow.setAlignment(Pos.CENTER_LEFT);
        panel.getChildren().addAll(name, row(labels.get("care.dose"), doseRow), row(labels.get("care.unit"), units),
                row(labels.get("care.route"), routes), row(labels.get("care.time"), timeRow));
        panel.visibleProperty().bind(model.drugNameProperty().isNotEmpty());
        panel.managedProperty().bind(panel.visibleProperty());
        return panel;
    }

    private static Node row(String name, Node entry) {
        Label label = new Label(name);
        label.setMinWidth(110);
        HBox row = new HBox(8, label, entry);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** One toggle per word, the one of {@code value} selected; a tap sets it. */
    private static void choices(FlowPane pane, String idPrefix, java.util.List<String> words, StringProperty value) {
        ToggleGroup group = new ToggleGroup();
        pane.getChildren().setAll(words.stream().map(word -> {
            ToggleButton one = new ToggleButton(word);
            one.setId(idPrefix + CareViewModel.slug(word));
            one.getStyleClass().add("word-button");
            one.setMinWidth(Region.USE_PREF_SIZE);
            one.setToggleGroup(group);
            one.setSelected(word.equals(value.get()));
            one.setOnAction(e -> {
                one.setSelected(true);
                value.set(word);
            });
            return (Node) one;
        }).toList());
        // one listener per pane: the one of the drug asked before goes with its buttons
        @SuppressWarnings("unchecked")
        javafx.beans.value.ChangeListener<String> before = (javafx.beans.value.ChangeListener<String>) pane.getProperties().get("selection");
        if (before != null) {
            value.removeListener(before);
        }
        javafx.beans.value.ChangeListener<String> selection = (o, was, is) -> group.getToggles()
                .forEach(t -> t.setSelected(((ToggleButton) t).getText().equals(is)));
        pane.getProperties().put("selection", selection);
        value.addListener(selection);
    }

    /** What was given: its time (correctable), what, and "retirer". */
    private void rows() {
        list.getChildren().clear();
        for (int i = 0; i < model.lines().size(); i++) {
            CareViewModel.Given one = model.lines().get(i);
            TextField time = new TextField(one.hours());
            time.setId("care-given-" + i + "-time");
            time.getStyleClass().addAll("touch-field", "vital-field");
            time.getProperties().put("vkType", "numeric");
            time.setAccessibleText(labels.get("care.time") + " " + one.said());
            Runnable commit = () -> {
                if (!time.getText().strip().equals(one.hours()) && !model.retime(one, time.getText())) {
                    time.setText(one.hours());
                }
            };
            time.setOnAction(e -> commit.run());
            time.focusedProperty().addListener((o, was, is) -> {
                if (!is) {
                    commit.run();
                }
            });
            Label what = new Label(one.said());
            what.setId("care-given-" + i);
            what.setWrapText(true);
            what.setMinHeight(Region.USE_PREF_SIZE);
            Button remove = wordButton("care-given-" + i + "-remove", labels.get("care.remove"));
            remove.setOnAction(e -> model.remove(one));
            HBox row = new HBox(8, time, remove, what);
            row.setAlignment(Pos.CENTER_LEFT);
            list.getChildren().add(row);
        }
    }
}
