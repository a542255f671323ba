package org.opensmur.app.ui;

import java.util.List;
import javafx.beans.property.StringProperty;
import javafx.scene.control.ComboBox;

/**
 * A list to pick one Hub code from, each shown in words ({@code code.<list>.<CODE>} in the bundles), kept in
 * step with a view model's value ({@code ""}: none picked). One for every screen that picks codes.
 */
public final class CodeChoice {

    private CodeChoice() {
    }

    public static ComboBox<String> of(String id, StringProperty value, List<String> codes, String list, Labels labels) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.getStyleClass().add("touch-field");
        box.getItems().setAll(codes);
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null ? "" : labels.code(list, code);
            }

            @Override
            public String fromString(String text) {
                return null;
            }
        });
        box.setValue(value.get() == null || value.get().isEmpty() ? null : value.get());
        box.valueProperty().addListener((o, was, is) -> value.set(is == null ? "" : is));
        value.addListener((o, was, is) -> box.setValue(is == null || is.isEmpty() ? null : is));
        return box;
    }
}
