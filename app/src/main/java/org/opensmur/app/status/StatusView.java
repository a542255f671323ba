package org.opensmur.app.status;

import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.opensmur.app.shell.Labels;
import org.opensmur.core.status.ResourceStatus;

/** Large status buttons; the expected next one carries :expected. */
public final class StatusView extends VBox {

    private static final PseudoClass EXPECTED = PseudoClass.getPseudoClass("expected");

    public StatusView(StatusViewModel model, Labels labels) {
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
                button.setOnAction(e -> ask(labels.get("status.cancel.ask"), () -> model.tap(status)));
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
        correct.setOnAction(e -> ask(model.correctionPreview(), model::correct));
        question.setId("status-question");
        question.setWrapText(true);
        question.getStyleClass().add("title");
        Button yes = new Button(labels.get("status.confirm"));
        yes.setId("status-confirm");
        yes.getStyleClass().addAll("big-button", "decline");
        yes.setOnAction(e -> {
            Runnable action = confirmed;
            confirmRow.setVisible(false);
            confirmed = null;
            if (action != null) {
                action.run();
            }
        });
        Button no = new Button(labels.get("status.keep"));
        no.setId("status-keep");
        no.getStyleClass().add("big-button");
        no.setOnAction(e -> {
            confirmRow.setVisible(false);
            confirmed = null;
        });
        confirmRow.getChildren().addAll(question, yes, no);
        confirmRow.setSpacing(16);
        confirmRow.setVisible(false);
        confirmRow.managedProperty().bind(confirmRow.visibleProperty());
        getChildren().addAll(confirmRow, buttons, last, correct);
    }

    private final Label question = new Label();
    private final javafx.scene.layout.HBox confirmRow = new javafx.scene.layout.HBox();
    private Runnable confirmed;

    /** Asks before {@code action}: the question and the two answers above the grid, nothing sent until yes. */
    private void ask(String text, Runnable action) {
        question.setText(text);
        confirmed = action;
        confirmRow.setVisible(true);
    }
}
