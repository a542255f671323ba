package org.opensmur.app.bilan;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.geometry.Pos;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.opensmur.app.ui.Labels;

/** One row per input: name, field, unit, and the field's own error beside it. */
public final class BilanView extends BorderPane {

    public BilanView(BilanViewModel model, org.opensmur.app.patient.PatientsViewModel patients, Labels labels) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        int row = 0;
        for (BilanViewModel.Input input : model.inputs()) {
            String id = input.key().substring(input.key().indexOf('.') + 1);
            TextField field = new TextField();
            field.setId("bilan-" + id);
            field.getStyleClass().add("touch-field");
            field.textProperty().bindBidirectional(input.valueProperty());
            Label error = new Label();
            error.setId("bilan-" + id + "-error");
            error.getStyleClass().add("error-text");
            error.textProperty().bind(input.errorProperty());
            if (input.key().equals("bilan.diagnosis")) {
                // Codes are written in capitals: typed in any case, shown and sent as I21.
                field.setTextFormatter(new javafx.scene.control.TextFormatter<String>(change -> {
                    change.setText(change.getText().toUpperCase(java.util.Locale.ROOT));
                    return change;
                }));
            }
            boolean required = BilanViewModel.REQUIRED.contains(input.key());
            Label name = new Label(labels.get(input.key()) + (required ? " *" : ""));
            if (BilanViewModel.FINAL_REQUIRED.equals(input.key())) {
                // marked while the bilan is the final one
                name.textProperty().bind(javafx.beans.binding.Bindings.when(model.finalReportProperty())
                        .then(labels.get(input.key()) + " *").otherwise(labels.get(input.key())));
                required = true;
            }
            if (required) {
                name.getStyleClass().add("field-name");
                name.setAccessibleText(labels.get(input.key()) + " " + labels.get("bilan.required"));
            }
            if (input.numeric()) {
                // Numbers only: the device shows its numeric keypad (JavaFX's vkType), and nothing else can be typed.
                field.getProperties().put("vkType", "numeric");
                field.setTextFormatter(new javafx.scene.control.TextFormatter<String>(change ->
                        change.getText().matches("[0-9.,/ -]*") ? change : null)); // a span, "80-110", too
                // A value is measured when the crew leaves the field or presses enter: its time is kept beside it.
                field.focusedProperty().addListener((o, was, is) -> {
                    if (!is) {
                        model.measured(input.key());
                    }
                });
                field.setOnAction(e -> model.measured(input.key()));
            }
            Label taken = new Label();
            taken.setId("bilan-" + id + "-taken");
            taken.getStyleClass().add("measure-time");
            taken.textProperty().bind(input.takenProperty());
            VBox unitAndTime = new VBox(new Label(input.unit()), taken);
            grid.addRow(row++, name, field, unitAndTime, error);
        }
        Button send = new Button(labels.get("bilan.send"));
        send.setId("bilan-send");
        send.getStyleClass().add("big-button");
        send.disableProperty().bind(model.validProperty().not());
        send.setOnAction(e -> model.send());
        Label delivery = new Label();
        delivery.setId("bilan-delivery");
        delivery.textProperty().bind(model.deliveryProperty());
        Label blocked = new Label();
        blocked.setId("bilan-blocked");
        blocked.getStyleClass().add("error-text");
        blocked.setWrapText(true);
        blocked.textProperty().bind(model.blockedProperty());
        blocked.managedProperty().bind(blocked.textProperty().isNotEmpty());
        grid.setPadding(new Insets(16));
        org.opensmur.app.ui.Forms.fitNames(grid, 150);
        grid.getStyleClass().add("form-grid");
        // Which patient this bilan is about, first, scrolling with the fields: on a low screen (1024x600) the
        // fields get the height, and the choice made once goes up out of the way.
        org.opensmur.app.patient.PatientPickerView picker = new org.opensmur.app.patient.PatientPickerView(patients, labels, "bilan");
        picker.setPadding(new Insets(12, 16, 0, 16));
        javafx.scene.Node sent = org.opensmur.app.ui.SentList.of("bilan-sent", labels.get("bilan.sent.title"), model.sentProperty());
        VBox.setMargin(sent, new Insets(8, 16, 0, 16));
        ScrollPane fields = new ScrollPane(new VBox(picker, sent, grid));
        fields.setId("bilan-fields");
        fields.setFitToWidth(true);
        setCenter(fields);
        // Send stays in reach whatever the scroll position.
        javafx.scene.control.CheckBox finalReport = new javafx.scene.control.CheckBox(labels.get("bilan.final"));
        finalReport.setId("bilan-final");
        finalReport.selectedProperty().bindBidirectional(model.finalReportProperty());
        // The reasons take what the button leaves, and wrap (a stylesheet's min width would win over code).
        VBox words = new VBox(4, blocked, delivery);
        words.setPrefWidth(0);
        HBox.setHgrow(words, javafx.scene.layout.Priority.ALWAYS);
        HBox actions = new HBox(16, finalReport, send, words);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setPadding(new Insets(12, 16, 12, 16));
        setBottom(actions);
    }
}
