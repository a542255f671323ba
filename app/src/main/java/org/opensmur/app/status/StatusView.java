package org.opensmur.app.status;

import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.opensmur.app.ui.ConfirmRow;
import org.opensmur.app.ui.Labels;
import org.opensmur.core.status.ResourceStatus;

/** Large status buttons; the expected next one carries :expected, the current one :current, each its last tap's time and delivery. */
public final class StatusView extends VBox {

    private static final PseudoClass EXPECTED = PseudoClass.getPseudoClass("expected");
    /** The crew's current status: the last one saved. */
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass UNCONFIRMED = PseudoClass.getPseudoClass("unconfirmed");

    public StatusView(StatusViewModel model, Labels labels) {
        confirmRow = new ConfirmRow("status", labels.get("status.confirm"), labels.get("status.keep"));
        cancel = () -> confirmRow.ask(labels.get("status.cancel.ask"), () -> model.tap(ResourceStatus.ANNULE));
        setPadding(new Insets(16));
        setSpacing(16);
        FlowPane buttons = new FlowPane(14, 14);
        for (ResourceStatus status : model.buttons()) {
            Button button = new Button();
            button.setId("status-" + status.code());
            button.getStyleClass().add("status-button");
            // The status in words, and below it when it was tapped and where its message is.
            Label name = new Label(labels.status(status));
            name.setWrapText(true);
            name.setPrefWidth(196); // wraps within the button, never stretches it
            name.getStyleClass().add("status-name");
            name.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            name.setAlignment(javafx.geometry.Pos.CENTER); // one line or several, in the middle of the button
            Label note = new Label();
            note.setId("status-note-" + status.code());
            note.getStyleClass().add("status-note");
            note.textProperty().bind(model.noteProperty(status));
            note.managedProperty().bind(note.textProperty().isNotEmpty()); // an empty note leaves the name the height
            VBox face = new VBox(4, name, note);
            face.setAlignment(javafx.geometry.Pos.CENTER);
            button.setGraphic(face);
            button.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
            button.setAccessibleText(labels.status(status));
            if (status == ResourceStatus.ANNULE) {
                // Cancelling ends the mission: asked before it leaves (a glove may land on it by mistake).
                button.setOnAction(e -> askCancel());
            } else {
                button.setOnAction(e -> model.tap(status));
            }
            button.disableProperty().bind(model.caseIdProperty().isNull());
            Runnable mark = () -> {
                button.pseudoClassStateChanged(EXPECTED, model.expectedProperty().get() == status);
                button.pseudoClassStateChanged(CURRENT, model.currentProperty().get() == status);
            };
            // Past its deadline without the SAMU's acknowledgement: amber, with how long in the note.
            model.unconfirmedProperty(status).addListener((o, was, is) -> button.pseudoClassStateChanged(UNCONFIRMED, is));
            button.pseudoClassStateChanged(UNCONFIRMED, model.unconfirmedProperty(status).get());
            model.expectedProperty().addListener((o, was, is) -> mark.run());
            model.currentProperty().addListener((o, was, is) -> mark.run());
            mark.run();
            buttons.getChildren().add(button);
        }
        Label last = new Label();
        last.setId("status-last");
        last.getStyleClass().add("delivery");
        last.textProperty().bind(model.lastTapTextProperty());
        Button correct = new Button(labels.get("status.correct"));
        correct.setId("status-correct");
        correct.getStyleClass().add("touch-button");
        correct.visibleProperty().bind(model.correctableProperty());
        correct.setOnAction(e -> {
            StatusViewModel.Correction asked = model.correction();
            if (asked != null) {
                askedCorrection = asked;
                confirmRow.ask(asked.question(), () -> model.correct(asked));
            }
        });
        // A status tapped (here or from the header) while a correction is asked withdraws the question: what
        // it said would be sent is no longer what a confirmation would do.
        model.tapsProperty().addListener((o, was, is) -> withdrawCorrection());
        model.correctableProperty().addListener((o, was, is) -> {
            if (!is) {
                withdrawCorrection();
            }
        });
        confirmRow.questionLabel().getStyleClass().add("title");
        // Below the grid: a question appearing never moves a button under a finger.
        getChildren().addAll(buttons, confirmRow, last, correct);
    }

    /** Shows what the SAMU has not confirmed in time below the statuses, with what the crew can do about it. */
    public void showOwed(javafx.scene.Node owed) {
        getChildren().add(1, owed);
    }

    private final ConfirmRow confirmRow;
    private Runnable cancel;
    /** The correction the question on screen is about, if it is one. */
    private StatusViewModel.Correction askedCorrection;

    private void withdrawCorrection() {
        if (askedCorrection != null && confirmRow.askingProperty().get() && confirmRow.asks(askedCorrection.question())) {
            confirmRow.close();
        }
        askedCorrection = null;
    }

    /** Asks the crew to confirm the cancellation (from the grid, or from the header's next-status action). */
    public void askCancel() {
        cancel.run();
    }
}
