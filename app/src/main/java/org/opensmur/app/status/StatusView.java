package org.opensmur.app.status;

import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.opensmur.app.shell.ConfirmRow;
import org.opensmur.app.shell.Labels;
import org.opensmur.core.status.ResourceStatus;

/** Large status buttons; the expected next one carries :expected. */
public final class StatusView extends VBox {

    private static final PseudoClass EXPECTED = PseudoClass.getPseudoClass("expected");

    public StatusView(StatusViewModel model, Labels labels) {
        confirmRow = new ConfirmRow("status", labels.get("status.confirm"), labels.get("status.keep"));
        setPadding(new Insets(16));
        setSpacing(16);
        FlowPane buttons = new FlowPane(14, 14);
        for (ResourceStatus status : model.buttons()) {
            Button button = new Button(labels.status(status));
            button.setId("status-" + status.code());
            button.getStyleClass().add("status-button");
            button.setWrapText(true);
            if (status == ResourceStatus.ANNULE) {
                // Cancelling ends the mission: asked before it leaves (a glove may land on it by mistake).
                button.setOnAction(e -> confirmRow.ask(labels.get("status.cancel.ask"), () -> model.tap(status)));
            } else {
                button.setOnAction(e -> model.tap(status));
            }
            button.disableProperty().bind(model.caseIdProperty().isNull());
            Runnable mark = () -> button.pseudoClassStateChanged(EXPECTED, model.expectedProperty().get() == status);
            model.expectedProperty().addListener((o, was, is) -> mark.run());
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
        correct.setOnAction(e -> confirmRow.ask(model.correctionPreview(), model::correct));
        confirmRow.questionLabel().getStyleClass().add("title");
        // Below the grid: a question appearing never moves a button under a finger.
        getChildren().addAll(buttons, confirmRow, last, correct);
    }

    private final ConfirmRow confirmRow;
}
