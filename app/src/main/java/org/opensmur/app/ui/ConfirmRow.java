package org.opensmur.app.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * A question asked inline, where the crew's eyes already are (no window over the screen): a tap that could
 * not be undone (declining, cancelling, erasing, correcting) asks first, and nothing happens until yes.
 */
public final class ConfirmRow extends HBox {

    private final Label question = new Label();
    private Runnable onYes;

    /** {@code idPrefix}: the buttons are {@code idPrefix-confirm} and {@code idPrefix-keep}. */
    public ConfirmRow(String idPrefix, String yes, String no) {
        super(16);
        setAlignment(Pos.CENTER_LEFT);
        question.setId(idPrefix + "-question");
        question.setWrapText(true);
        Button confirm = new Button(yes);
        confirm.setId(idPrefix + "-confirm");
        confirm.getStyleClass().addAll("big-button", "decline");
        confirm.setOnAction(e -> {
            Runnable action = onYes;
            close();
            if (action != null) {
                action.run();
            }
        });
        Button keep = new Button(no);
        keep.setId(idPrefix + "-keep");
        keep.getStyleClass().add("big-button");
        keep.setOnAction(e -> close());
        getChildren().addAll(question, confirm, keep);
        setVisible(false);
        managedProperty().bind(visibleProperty());
    }

    /** Shows {@code text} and its two answers; {@code action} runs on yes only. */
    public void ask(String text, Runnable action) {
        question.setText(text);
        onYes = action;
        setVisible(true);
    }

    /** Whether the question on screen is {@code text}. */
    public boolean asks(String text) {
        return isVisible() && text.equals(question.getText());
    }

    public void close() {
        onYes = null;
        setVisible(false);
    }

    public ReadOnlyBooleanProperty askingProperty() {
        return visibleProperty();
    }

    public Label questionLabel() {
        return question;
    }
}
