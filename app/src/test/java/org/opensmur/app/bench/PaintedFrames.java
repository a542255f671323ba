package org.opensmur.app.bench;

import com.sun.javafx.perf.PerformanceTracker;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;

/**
 * When a change made on the FX thread is on screen: the pulse that follows it runs CSS and layout (a
 * post-layout listener takes the change), then the frame it synced is rendered (JavaFX's scene tracker says
 * so from the render thread). "Painted" is that moment, for the app and for the baselines alike. One change
 * at a time: the benchmarks wait for each to be painted before the next.
 */
final class PaintedFrames {

    private final AtomicReference<Object> changed = new AtomicReference<>();
    private volatile Object laidOut;
    private final ConcurrentHashMap<Object, Long> painted = new ConcurrentHashMap<>();

    /**
     * @param marker a one-pixel node of the scene, nudged in the pulse that lays a change out: a change that
     *               alters no pixel (the same text again) would otherwise wait for some later frame
     */
    PaintedFrames(Scene scene, javafx.scene.Node marker) {
        scene.addPostLayoutPulseListener(() -> {
            Object change = changed.getAndSet(null);
            if (change != null) {
                laidOut = change;
                marker.setOpacity(marker.getOpacity() == 1 ? 0.98 : 1); // synced in this same pulse
            }
        });
        PerformanceTracker.getSceneTracker(scene).setOnRenderedFrameTask(() -> {
            Object change = laidOut;
            if (change != null) {
                laidOut = null;
                painted.putIfAbsent(change, System.nanoTime());
            }
        });
    }

    /** Called on the FX thread right after the change {@code key} was made to the scene. */
    void changed(Object key) {
        changed.set(key);
        // A change that alters no pixel (the same text again) asks for no pulse: ask for one.
        javafx.application.Platform.requestNextPulse();
    }

    /** When the frame showing {@code key} was painted (System.nanoTime), or null while it is not. */
    Long paintedAt(Object key) {
        return painted.get(key);
    }
}
