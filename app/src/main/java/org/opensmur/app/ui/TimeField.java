package org.opensmur.app.ui;

import javafx.beans.property.StringProperty;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;

/**
 * A time of day typed on the device's numeric keypad: digits only, the colon put in as they come ("1058" reads
 * "10:58"), kept in step with a view model's {@code HH:mm} value. Nothing else can be typed in it.
 */
public final class TimeField {

    private TimeField() {
    }

    public static TextField of(String id, StringProperty value, Labels labels) {
        TextField field = new TextField();
        field.setId(id);
        field.getStyleClass().addAll("touch-field", "time-field");
        field.getProperties().put("vkType", "numeric");
        field.setPromptText(labels.get("picker.time.prompt"));
        field.setTextFormatter(new TextFormatter<String>(change -> {
            String before = digits(change.getControlText());
            String after = digits(change.getControlNewText());
            if (change.isDeleted() && after.equals(before) && !before.isEmpty()) {
                after = before.substring(0, before.length() - 1); // the colon rubbed out: the digit before it goes
            }
            if (after.length() > 4) {
                return null;
            }
            String shown = shape(after);
            change.setRange(0, change.getControlText().length());
            change.setText(shown);
            change.selectRange(shown.length(), shown.length());
            return change;
        }));
        boolean[] writing = {false};
        field.setText(value.get() == null ? "" : value.get());
        field.textProperty().addListener((o, was, is) -> {
            if (writing[0]) {
                return;
            }
            String d = digits(is);
            String next = d.length() == 4 && valid(d) ? shape(d) : ""; // a partial or impossible time is no time yet
            if (!next.equals(value.get())) {
                writing[0] = true;
                value.set(next);
                writing[0] = false;
            }
        });
        value.addListener((o, was, is) -> {
            if (writing[0]) {
                return;
            }
            String shown = is == null ? "" : shape(digits(is));
            writing[0] = true;
            field.setText(shown);
            writing[0] = false;
        });
        return field;
    }

    private static boolean valid(String fourDigits) {
        int hours = Integer.parseInt(fourDigits.substring(0, 2));
        int minutes = Integer.parseInt(fourDigits.substring(2));
        return hours < 24 && minutes < 60;
    }

    private static String digits(String text) {
        return text == null ? "" : text.replaceAll("[^0-9]", "");
    }

    private static String shape(String digits) {
        return digits.length() <= 2 ? digits : digits.substring(0, 2) + ":" + digits.substring(2);
    }
}
