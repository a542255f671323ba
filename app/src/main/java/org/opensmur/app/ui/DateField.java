package org.opensmur.app.ui;

import java.time.DateTimeException;
import java.time.LocalDate;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.HBox;

/**
 * A date as the crew says it, day, month, year, each on the numeric keypad (never "AAAA-MM-JJ" typed), kept in
 * step with a view model's ISO value ({@code 1968-04-12}; what is typed that is not a real past date stays as typed, for the
 * field it feeds to say what is wrong; {@code ""} when nothing is typed).
 */
public final class DateField {

    private DateField() {
    }

    public static HBox of(String id, StringProperty value, Labels labels, java.time.Clock clock) {
        TextField day = part(id + "-day", 2, labels.get("picker.date.day"));
        TextField month = part(id + "-month", 2, labels.get("picker.date.month"));
        TextField year = part(id + "-year", 4, labels.get("picker.date.year"));
        year.getStyleClass().add("year-field");
        HBox box = new HBox(6, day, new Label("/"), month, new Label("/"), year);
        box.setId(id);
        box.setAlignment(Pos.CENTER_LEFT);
        boolean[] writing = {false};
        Runnable toValue = () -> {
            if (writing[0]) {
                return;
            }
            String iso = "";
            if (!day.getText().isEmpty() || !month.getText().isEmpty() || !year.getText().isEmpty()) {
                // something typed that is not (yet) a real past date is kept as typed, so that the field it feeds says
                // what is wrong ("31/02", a year to come, a year of two digits), never dropped without a word
                iso = year.getText() + "-" + month.getText() + "-" + day.getText();
                try {
                    LocalDate date = LocalDate.of(Integer.parseInt(year.getText()), Integer.parseInt(month.getText()),
                            Integer.parseInt(day.getText()));
                    if (year.getText().length() == 4 && !date.isAfter(LocalDate.now(clock))) {
                        iso = date.toString();
                    }
                } catch (DateTimeException | NumberFormatException e) {
                    // kept as typed: not a date
                }
            }
            writing[0] = true;
            value.set(iso);
            writing[0] = false;
        };
        java.util.function.Consumer<String> fromValue = iso -> {
            if (writing[0]) {
                return;
            }
            writing[0] = true;
            try {
                LocalDate date = iso == null || iso.isBlank() ? null : LocalDate.parse(iso.strip());
                day.setText(date == null ? "" : String.format("%02d", date.getDayOfMonth()));
                month.setText(date == null ? "" : String.format("%02d", date.getMonthValue()));
                year.setText(date == null ? "" : Integer.toString(date.getYear()));
            } catch (java.time.format.DateTimeParseException e) {
                String[] typed = iso.strip().split("-", -1); // kept as typed (not a real date): shown as typed
                year.setText(typed.length == 3 ? typed[0] : "");
                month.setText(typed.length == 3 ? typed[1] : "");
                day.setText(typed.length == 3 ? typed[2] : "");
            } finally {
                writing[0] = false;
            }
        };
        fromValue.accept(value.get());
        value.addListener((o, was, is) -> fromValue.accept(is));
        for (TextField part : new TextField[] {day, month, year}) {
            part.textProperty().addListener((o, was, is) -> toValue.run());
        }
        // the next part once one is whole: 12 04 1968 typed in a row
        day.textProperty().addListener((o, was, is) -> {
            if (!writing[0] && is.length() == 2 && day.isFocused()) {
                month.requestFocus();
            }
        });
        month.textProperty().addListener((o, was, is) -> {
            if (!writing[0] && is.length() == 2 && month.isFocused()) {
                year.requestFocus();
            }
        });
        return box;
    }

    private static TextField part(String id, int digits, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.getStyleClass().addAll("touch-field", "date-part");
        field.getProperties().put("vkType", "numeric");
        field.setPromptText(prompt);
        field.setTextFormatter(new TextFormatter<String>(change -> change.getControlNewText().matches("[0-9]{0," + digits + "}") ? change : null));
        return field;
    }
}
