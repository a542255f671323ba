package org.opensmur.app.ui;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * The app's scroll panes: what they scroll is drawn where it changed, as everything else in the window.
 *
 * <p>JavaFX's scroll pane skin caches its viewport as one image. Any change inside, a label's text or a field's caret,
 * then draws the whole viewport into that image again before drawing the image on the window: each screen and form
 * sits in one (or two), so every tap redrew a screen, and the image of each (3 MB at 1280 x 800) was thrown away and
 * made again. With software rendering (the tests, a device without a GPU), four flow classes' renderer took 5.2 CPU s
 * with it, 3.8 without.
 */
public final class Scrolling {

    private Scrolling() {
    }

    /** A scroll pane over {@code content} whose viewport is drawn directly, not through a cached image. */
    public static ScrollPane of(Node content) {
        return drawnDirectly(new ScrollPane(content));
    }

    /** {@code pane} (a screen that is a scroll pane itself), its viewport drawn directly once its skin is made. */
    public static <T extends ScrollPane> T drawnDirectly(T pane) {
        // the skin makes its viewport (style class "viewport") cached when it is built: here, once it is (and now, if it is)
        pane.skinProperty().addListener((o, was, skin) -> uncacheViewport(pane));
        uncacheViewport(pane);
        return pane;
    }

    private static void uncacheViewport(ScrollPane pane) {
        for (Node child : pane.getChildrenUnmodifiable()) {
            if (child.getStyleClass().contains("viewport")) {
                child.setCache(false);
            }
        }
    }
}
