package org.opensmur.app.testing;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Where a node is, read on the UI thread. Read from a test's thread while the UI thread changed the same parent (the
 * map's tiles arriving), JavaFX's cached bounds were computed by two threads at once: "Index -1 out of bounds" on
 * either thread, and a parent's bounds left wrong.
 */
public final class SceneBounds {

    private SceneBounds() {
    }

    /** {@code node}'s bounds in its scene. */
    public static Bounds inScene(Node node) {
        return onUiThread(() -> node.localToScene(node.getBoundsInLocal()));
    }

    /** {@code node}'s layout bounds in its scene (a scroll pane's viewport, without its effects). */
    public static Bounds layoutInScene(Node node) {
        return onUiThread(() -> node.localToScene(node.getLayoutBounds()));
    }

    /** {@code node}'s bounds on the screen. */
    public static Bounds onScreen(Node node) {
        return onUiThread(() -> node.localToScreen(node.getBoundsInLocal()));
    }

    private static Bounds onUiThread(java.util.concurrent.Callable<Bounds> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the UI thread did not answer where a node is", e);
        }
    }
}
