package org.opensmur.app.bench;

import com.sun.javafx.perf.PerformanceTracker;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Clock;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.opensmur.app.session.TabletSession;
import org.opensmur.app.settings.TabletSettings;
import org.opensmur.app.ui.Labels;
import org.opensmur.app.shell.MainView;
import org.opensmur.app.ui.StartingView;
import org.opensmur.app.ui.Theme;
import org.opensmur.app.testing.Tablets;

/**
 * Child JVM of {@link AppBenchmark}: prints the milliseconds from JVM start to the first painted frame
 * ({@code FIRST_FRAME_MS}) and to the first painted frame of the screens ready ({@code READY_MS}), of the
 * tablet app started as {@code TabletApp} starts it ({@code app}: the window first, the store opened off the
 * UI thread, then the screens) or of a bare JavaFX window with one label ({@code bare}, the baseline, for
 * which both are the same frame). "Painted": CSS, layout and render done, as JavaFX's scene tracker says.
 */
public final class FirstFrameProbe {

    private FirstFrameProbe() {
    }

    private static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    public static void main(String[] args) throws Exception {
        boolean app = args.length > 0 && args[0].equals("app");
        Platform.startup(() -> {
            try {
                Stage stage = new Stage();
                Labels labels = Labels.french();
                Scene scene = new Scene(app ? new StartingView(labels) : new Label("OpenSMUR"), 1280, 800);
                Theme.DAY.applyTo(scene);
                boolean[] first = {true};
                READY.set(!app);
                PerformanceTracker.getSceneTracker(scene).setOnRenderedFrameTask(() -> {
                    if (first[0]) {
                        first[0] = false;
                        System.out.println("FIRST_FRAME_MS " + sinceJvmStart());
                    }
                    if (READY.get()) {
                        System.out.println("READY_MS " + sinceJvmStart());
                        System.out.flush();
                        Runtime.getRuntime().halt(0);
                    }
                });
                stage.setScene(scene);
                stage.show();
                if (app) {
                    // The real app, store and all, on a Hub that is not there: neither frame may wait for it.
                    Thread opening = new Thread(() -> {
                        try {
                            TabletSettings settings = Tablets.settings(Files.createTempDirectory("first-frame"));
                            TabletSession session = Tablets.session(settings, Clock.systemDefaultZone());
                            Platform.runLater(() -> {
                                scene.setRoot(new MainView(session, labels));
                                session.start();
                                scene.addPostLayoutPulseListener(() -> READY.set(true));
                            });
                        } catch (Exception e) {
                            e.printStackTrace();
                            Runtime.getRuntime().halt(1);
                        }
                    }, "opening-store");
                    opening.start();
                }
            } catch (Exception e) {
                e.printStackTrace();
                Runtime.getRuntime().halt(1);
            }
        });
    }

    /** Set on the FX thread once the screens are laid out; the render thread reads it. */
    private static final java.util.concurrent.atomic.AtomicBoolean READY = new java.util.concurrent.atomic.AtomicBoolean();
}
