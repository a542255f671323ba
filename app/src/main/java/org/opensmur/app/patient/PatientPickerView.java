package org.opensmur.app.patient;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import org.opensmur.app.ui.Labels;

/**
 * At the top of the bilan, documents and RPIS screens: which patient the screen is about, chosen from the
 * mission's patients, and "add a patient found on scene". The choice is one for the three screens. On a narrow
 * screen the parts go on as many lines as they need, the patient's name never cut.
 */
public final class PatientPickerView extends javafx.scene.layout.FlowPane {

    public PatientPickerView(PatientsViewModel model, Labels labels, String screen) {
        super(10, 8);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("patient-picker");
        ComboBox<PatientsViewModel.Patient> choice = new ComboBox<>(model.patients());
        choice.setId(screen + "-patient");
        choice.getStyleClass().addAll("touch-field", "patient-choice"); // wide enough for a name, a sex and an age
        choice.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(PatientsViewModel.Patient p) {
                return model.describe(p);
            }

            @Override
            public PatientsViewModel.Patient fromString(String text) {
                return null;
            }
        });
        choice.valueProperty().bindBidirectional(model.selectedProperty());
        TextField note = new TextField();
        note.setId(screen + "-patient-note");
        note.setPromptText(labels.get("patient.notePrompt"));
        note.getStyleClass().add("touch-field");
        Button add = new Button(labels.get("patient.add"));
        add.setId(screen + "-patient-add");
        add.getStyleClass().add("touch-button");
        add.setOnAction(e -> {
            model.addOnScene(note.getText());
            note.clear();
        });
        Label title = new Label(labels.get("patient.title"));
        title.getStyleClass().add("field-name");
        // What came of "add" (a patient not saved must be said: the crew would think they were listed).
        Label outcome = new Label();
        outcome.setId(screen + "-patient-message");
        outcome.setWrapText(true);
        outcome.textProperty().bind(model.messageProperty());
        getChildren().addAll(title, choice, note, add, outcome);
    }
}
