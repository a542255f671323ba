package org.opensmur.app.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.opensmur.app.TabletSession;
import org.opensmur.app.TabletSettings;
import org.opensmur.app.map.PositionSource;
import org.opensmur.app.shell.Labels;
import org.opensmur.app.shell.MainView;
import org.opensmur.app.shell.Theme;
import org.opensmur.core.hub.transport.HubConfig;
import org.opensmur.core.hub.transport.AmqpHubTransport;
import org.opensmur.store.rpis.RpisPrefill;

/**
 * Child JVM of {@link AppBenchmark}: prints the milliseconds from JVM start to the first frame, of the
 * tablet app ({@code app}) or of a bare JavaFX window with one label ({@code bare}, the baseline).
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
                    java.util.Map<String, String> s = new java.util.HashMap<>();
                    s.put("HUB_HOSTNAME", "127.0.0.1");
                    s.put("HUB_PORT", "1");
                    s.put("VHOST", "bench");
                    s.put("CLIENT_ID", "fr.health.test.smurtab");
                    s.put("PLAIN_AMQP", "true");
                    HubConfig hub = HubConfig.load(null, s).orElseThrow();
                    TabletSettings settings = new TabletSettings(hub, Files.createTempDirectory("first-frame"), "bench".toCharArray(),
                            "fr.health.samu440.resource.VLM1", "SMUR", "VLM 1", "Équipe 1",
                            new RpisPrefill.Unit("fr.health.samu440", "440000271", "440000289", "0"), null);
                    Clock clock = Clock.systemDefaultZone();
                    TabletSession session = new TabletSession(new AmqpHubTransport(hub, clock), settings, Labels.french(),
                            Platform::runLater, clock, new Idle());
                    scene = new Scene(new MainView(session, Labels.french(), () -> { }), 1280, 800);
                    Theme.DAY.applyTo(scene);
                    session.start();
                } else {
                    scene = new Scene(new Label("OpenSMUR"), 1280, 800);
                }
                stage.setScene(scene);
                stage.show();
                new AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                        System.out.println("FIRST_FRAME_MS " + ms);
                        System.out.flush();
                        Runtime.getRuntime().halt(0);
                    }
                }.start();
            } catch (Exception e) {
                e.printStackTrace();
                Runtime.getRuntime().halt(1);
            }
        });
    }

    private static final class Idle implements PositionSource {
        public void start(java.util.function.Consumer<Fix> listener) {
        }

        public void close() {
        }
    }
}
