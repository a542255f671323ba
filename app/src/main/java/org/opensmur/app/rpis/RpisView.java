package org.opensmur.app.rpis;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.opensmur.app.ui.Labels;

/**
 * The RPIS record: what was prefilled, every value the crew may state (typed, or picked from its codes), what
 * is still missing in words, and "send" always in reach below.
 */
public final class RpisView extends BorderPane {

    public RpisView(RpisViewModel model, org.opensmur.app.patient.PatientsViewModel patients, Labels labels) {
        Label summary = new Label();
        summary.setId("rpis-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        int row = 0;
        for (RpisViewModel.Field field : model.fields()) {
            String id = "rpis-" + field.key();
            javafx.scene.Node input = switch (field.kind()) {
                case HIDDEN -> null; // the label of a code picked: it comes with the code
                case PICK -> org.opensmur.app.ui.CodePicker.one(id, field.picker(), labels);
                case TIME -> org.opensmur.app.ui.TimeField.of(id, field.value(), labels);
                case DATE -> org.opensmur.app.ui.DateField.of(id, field.value(), labels, java.time.Clock.systemDefaultZone());
                case CHOICE -> org.opensmur.app.ui.CodeChoice.of(id, field.value(), field.choices(), "rpis." + field.key(), labels);
                case TEXT -> {
                    javafx.scene.control.TextField text = new javafx.scene.control.TextField();
                    text.setId(id);
                    text.getStyleClass().add("touch-field");
                    text.textProperty().bindBidirectional(field.value());
                    yield text;
                }
            };
            if (input == null) {
                continue;
            }
            Label name = new Label(labels.get("rpis.field." + field.key()));
            javafx.scene.layout.GridPane.setValignment(name, javafx.geometry.VPos.TOP);
            name.setPadding(new Insets(14, 0, 0, 0));
            grid.addRow(row++, name, input);
        }
        org.opensmur.app.ui.Forms.fitNames(grid, 150);
        Label missing = new Label();
        missing.setId("rpis-missing");
        missing.getStyleClass().add("error-text");
        missing.setWrapText(true);
        missing.textProperty().bind(model.missingProperty());
        VBox content = new VBox(12, new org.opensmur.app.patient.PatientPickerView(patients, labels, "rpis"),
                org.opensmur.app.ui.SentList.of("rpis-sent", labels.get("rpis.sent.title"), model.sentProperty()), summary, grid);
        content.setPadding(new Insets(16));
        ScrollPane scroll = org.opensmur.app.ui.Scrolling.of(content);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        Button send = new Button(labels.get("rpis.send"));
        send.setId("rpis-send");
        send.getStyleClass().add("big-button");
        send.setOnAction(e -> model.send());
        // Disabled while something required is missing: the missing items are said beside it, in words.
        send.disableProperty().bind(model.readyProperty().and(model.prefilledProperty()).not()); // complete, and as the case now says
        Label message = new Label();
        message.setId("rpis-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        VBox words = new VBox(4, missing, message);
        // The reasons take what the button leaves, and wrap (a stylesheet's min width would win over code).
        words.setPrefWidth(0);
        HBox.setHgrow(words, javafx.scene.layout.Priority.ALWAYS);
        HBox actions = new HBox(16, send, words);
        actions.setPadding(new Insets(12, 16, 12, 16));
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setBottom(actions);
    }
}
