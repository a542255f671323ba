package org.opensmur.app.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Clock;
import com.sun.javafx.perf.PerformanceTracker;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.opensmur.app.TabletSession;
import org.opensmur.app.TabletSettings;
import org.opensmur.app.shell.Labels;
import org.opensmur.app.shell.MainView;
import org.opensmur.app.shell.Theme;
import org.opensmur.app.testing.Tablets;

/**
 * Child JVM of {@link AppBenchmark}: prints the milliseconds from JVM start to the first painted frame, of
 * the tablet app ({@code app}) or of a bare JavaFX window with one label ({@code bare}, the baseline).
 */
public final class FirstFrameProbe {

    private FirstFrameProbe() {
    }

    public static void main(String[] args) throws Exception {
        boolean app = args.length > 0 && args[0].equals("app");
        Platform.startup(() -> {
            try {
                Stage stage = new Stage();
                Scene scene;
                if (app) {
                    // The real app, store and all, on a Hub that is not there: the first frame must not wait for it.
                    TabletSettings settings = Tablets.settings(Files.createTempDirectory("first-frame"));
                    Clock clock = Clock.systemDefaultZone();
                    TabletSession session = Tablets.session(settings, clock);
                    scene = new Scene(new MainView(session, Labels.french()), 1280, 800);
                    Theme.DAY.applyTo(scene);
                    session.start();
                } else {
                    scene = new Scene(new Label("OpenSMUR"), 1280, 800);
                }
                // The first frame rendered (CSS, layout and render done), told by JavaFX's scene tracker from the
                // render thread: the same moment for the app and the bare window.
                PerformanceTracker.getSceneTracker(scene).setOnRenderedFrameTask(() -> {
                    long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                    System.out.println("FIRST_FRAME_MS " + ms);
                    System.out.flush();
                    Runtime.getRuntime().halt(0);
                });
                stage.setScene(scene);
                stage.show();
            } catch (Exception e) {
                e.printStackTrace();
                Runtime.getRuntime().halt(1);
            }
        });
    }

}
