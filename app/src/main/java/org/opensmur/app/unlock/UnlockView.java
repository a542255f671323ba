package org.opensmur.app.unlock;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.opensmur.app.ui.Labels;

/**
 * The PIN keypad: keys of 96 px for gloves, the digits shown as dots, what went wrong in words under them.
 * A hardware keyboard works too (digits, backspace, enter). Opaque: nothing of the screen below shows.
 */
public final class UnlockView extends VBox {

    private final Timeline ticks;

    public UnlockView(UnlockViewModel<?> model, Labels labels) {
        getStyleClass().add("unlock");
        setAlignment(Pos.CENTER);
        setSpacing(18);
        setPadding(new Insets(24));
        Label title = new Label();
        title.setId("unlock-title");
        title.getStyleClass().add("title");
        title.setWrapText(true);
        title.textProperty().bind(model.titleProperty());
        Label dots = new Label();
        dots.setId("unlock-dots");
        dots.getStyleClass().add("unlock-dots");
        dots.textProperty().bind(model.dotsProperty());
        Label message = new Label();
        message.setId("unlock-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        Runnable styleMessage = () -> {
            message.getStyleClass().remove("error-text");
            if (model.problemProperty().get()) {
                message.getStyleClass().add("error-text");
            }
        };
        model.problemProperty().addListener((o, was, is) -> styleMessage.run());
        styleMessage.run();

        GridPane keypad = new GridPane();
        keypad.setHgap(14);
        keypad.setVgap(14);
        keypad.setAlignment(Pos.CENTER);
        for (int digit = 1; digit <= 10; digit++) {
            int value = digit % 10;
            Button key = key(Integer.toString(value), "unlock-key-" + value);
            key.setOnAction(e -> model.digit(value));
            key.disableProperty().bind(model.busyProperty().or(model.waitingProperty()));
            if (value == 0) {
                keypad.add(key, 1, 3);
            } else {
                keypad.add(key, (digit - 1) % 3, (digit - 1) / 3);
            }
        }
        Button erase = key("⌫", "unlock-erase");
        erase.setAccessibleText(labels.get("unlock.erase"));
        erase.setOnAction(e -> model.erase());
        erase.disableProperty().bind(model.busyProperty());
        keypad.add(erase, 0, 3);
        Button ok = key(labels.get("unlock.ok"), "unlock-ok");
        ok.getStyleClass().add("accept");
        ok.setOnAction(e -> model.submit());
        ok.disableProperty().bind(model.busyProperty().or(model.waitingProperty()).or(model.dotsProperty().isEmpty()));
        keypad.add(ok, 2, 3);
        getChildren().addAll(title, dots, keypad, message);

        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            KeyCode code = e.getCode();
            if (code.isDigitKey()) {
                String name = code.getName(); // "4" or "Numpad 4"
                model.digit(name.charAt(name.length() - 1) - '0');
            } else if (code == KeyCode.BACK_SPACE) {
                model.erase();
            } else if (code == KeyCode.ENTER) {
                model.submit();
            } else {
                return;
            }
            e.consume();
        });
        setFocusTraversable(true);
        ticks = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        ticks.setCycleCount(Timeline.INDEFINITE);
        ticks.play();
        sceneProperty().addListener((o, was, scene) -> {
            if (scene == null) {
                ticks.stop();
            } else {
                requestFocus();
            }
        });
    }

    private static Button key(String text, String id) {
        Button key = new Button(text);
        key.setId(id);
        key.getStyleClass().add("unlock-key");
        key.setFocusTraversable(false);
        return key;
    }
}
