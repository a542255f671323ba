package org.opensmur.app.device;


import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.opensmur.app.map.AttachPositionSource;
import org.opensmur.app.map.SimulatedTrack;
import org.opensmur.app.ui.Background;
import org.opensmur.app.ui.Labels;
import org.opensmur.app.shell.RunningTablet;
import org.opensmur.app.ui.StartupProblemView;
import org.opensmur.app.ui.Theme;

/**
 * The tablet on a device (started by {@link DeviceMain}): everything under the app's private
 * storage (Gluon Attach {@code StorageService}), provisioning at first start, then the PIN. On the desktop it
 * runs the same way on a folder given by {@code -Dopensmur.privateStorage=DIR}, for trying it out.
 */
public final class DeviceApp extends Application {

    private RunningTablet running;
    private DeviceStart start;
    private ExecutorService work;

    @Override
    public void start(Stage stage) {
        Labels labels = new Labels(Locale.getDefault().getLanguage().equals("en") ? Locale.ENGLISH : Locale.FRENCH);
        var storage = DevicePlatform.privateStorage();
        if (storage.isEmpty()) {
            show(stage, new StartupProblemView(labels.get("startup.settings"), "no private storage on this device"));
            return;
        }
        Path root = storage.get().resolve("opensmur");
        DevicePlatform.logTo(DeviceStart.logs(root));
        work = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "device-start");
            thread.setDaemon(true);
            return thread;
        });
        Clock clock = Clock.systemDefaultZone();
        // The GPS looked up here, on the UI thread; the store opens on the start executor after the PIN.
        var positions = AttachPositionSource.available(clock).orElseGet(() -> new SimulatedTrack(47.2100, -1.5600, 45, 50, 2_000, clock));
        start = new DeviceStart(root, new Background(work, Platform::runLater), labels, clock, settings -> {
            var opened = RunningTablet.open(settings, labels, clock, positions);
            return () -> {
                running = RunningTablet.show(opened, labels);
                running.view().showTheme(Theme.DAY);
                running.session().map().setNavigator(org.opensmur.app.map.Navigators.system(getHostServices(), labels));
                var host = getHostServices(); // the handover sheet opened by the system's viewer
                running.session().handover().openWith(file -> host.showDocument(file.toUri().toString()));
                return running;
            };
        }, Duration.ofMinutes(5));
        show(stage, start);
    }

    private static void show(Stage stage, javafx.scene.Parent root) {
        Scene scene = org.opensmur.app.shell.WindowSize.onPrimaryScreen().scene(root);
        Theme.DAY.applyTo(scene);
        stage.setTitle("OpenSMUR");
        stage.setScene(scene);
        stage.show();
    }

    @Override
    public void stop() {
        if (start != null) {
            start.stop();
        }
        if (running != null) {
            running.close();
        }
        if (work != null) {
            work.shutdownNow();
        }
    }

}
