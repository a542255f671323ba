package org.opensmur.app.ui;

import java.util.Objects;
import javafx.scene.Scene;

/** Day, night and high-contrast (sunlight) themes, from assets; switching replaces the theme sheet only. */
public enum Theme {
    DAY("day.css"), NIGHT("night.css"), SUNLIGHT("sunlight.css");

    private static final String BASE = "/org/opensmur/assets/themes/";
    private final String sheet;

    Theme(String sheet) {
        this.sheet = sheet;
    }

    public void applyTo(Scene scene) {
        String base = Objects.requireNonNull(Theme.class.getResource(BASE + "base.css")).toExternalForm();
        String own = Objects.requireNonNull(Theme.class.getResource(BASE + sheet)).toExternalForm();
        scene.getStylesheets().setAll(base, own);
    }

    /** The theme applied to {@code scene}, if one of ours is. */
    public static java.util.Optional<Theme> of(Scene scene) {
        for (Theme theme : values()) {
            if (scene.getStylesheets().stream().anyMatch(s -> s.endsWith(BASE + theme.sheet))) {
                return java.util.Optional.of(theme);
            }
        }
        return java.util.Optional.empty();
    }

    public Theme next() {
        return values()[(ordinal() + 1) % values().length];
    }
}
