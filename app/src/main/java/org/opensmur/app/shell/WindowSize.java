package org.opensmur.app.shell;

import javafx.geometry.Rectangle2D;

/**
 * The size of the tablet's window on the desktop: 1280x800 (a 10-inch tablet) where the screen has room, and
 * no more than the screen's usable area where it has not (a 1024x600 screen), so that nothing opens off it.
 */
public record WindowSize(double width, double height) {

    public static final WindowSize TABLET = new WindowSize(1280, 800);

    /** What a window manager's title bar may take above the scene, left free when the screen is too low. */
    static final double TITLE_BAR = 32;

    /** {@link #TABLET}, within {@code usable} (the screen's visual bounds: without its task bars). */
    public static WindowSize within(Rectangle2D usable) {
        double height = TABLET.height + TITLE_BAR <= usable.getHeight() ? TABLET.height : usable.getHeight() - TITLE_BAR;
        return new WindowSize(Math.min(TABLET.width, usable.getWidth()), height);
    }

    /** A scene of this size over {@code root}. */
    public javafx.scene.Scene scene(javafx.scene.Parent root) {
        return new javafx.scene.Scene(root, width, height);
    }

    /** Within the primary screen's usable area (on the JavaFX thread). */
    public static WindowSize onPrimaryScreen() {
        return within(javafx.stage.Screen.getPrimary().getVisualBounds());
    }
}
