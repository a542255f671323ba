package org.opensmur.app.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.opensmur.app.TabletSession;
import org.opensmur.app.TabletSettings;
import org.opensmur.app.flows.LocalHubForApp;
import org.opensmur.app.shell.Labels;
import org.opensmur.app.shell.MainView;
import org.opensmur.app.shell.Theme;
import org.opensmur.core.hub.client.HubEvent;
import org.opensmur.store.cases.CaseStore;
import org.opensmur.app.testing.Tablets;

/**
 * {@code bin/bench app}: cold start to first frame (the app vs a bare JavaFX window, child JVMs), RS-EDA
 * received to case shown (p50, p95; vs a bare hand-off to the FX thread and the next frame), and heap
 * after 500 cases. Headless (Monocle), on the local Hub's embedded broker. Figures are printed.
 */
public final class AppBenchmark {

    private static final String[] HEADLESS = {"-Dtestfx.headless=true", "-Dprism.order=sw", "-Dglass.platform=Monocle",
        "-Dmonocle.platform=Headless", "-Dprism.text=t2k", "-Djava.awt.headless=true"};

    private AppBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        if (args.length < 2 || !args[1].equals("no-cold-start")) {
            coldStart();
        }
        for (String p : HEADLESS) {
            String[] kv = p.substring(2).split("=", 2);
            System.setProperty(kv[0], kv[1]);
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        try {
            receivedToShown(cases);
        } catch (Throwable e) {
            e.printStackTrace();
            Runtime.getRuntime().halt(1); // the FX thread would keep exec:java waiting
        }
        Runtime.getRuntime().halt(0);
    }

    private static void coldStart() throws Exception {
        Path target = Path.of(AppBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        String classpath = Files.readString(target.resolve("test-classpath.txt")).strip() + java.io.File.pathSeparator
                + target.resolve("test-classes") + java.io.File.pathSeparator + target.resolve("classes");
        List<Long> bare = new ArrayList<>();
        List<Long> app = new ArrayList<>();
        probe(classpath, "bare"); // warm the file cache for both
        probe(classpath, "app");
        for (int i = 0; i < 5; i++) {
            bare.add(probe(classpath, "bare"));
            app.add(probe(classpath, "app"));
        }
        long b = median(bare);
        long a = median(app);
        System.out.printf("cold start to first frame (median of 5): app %d ms, bare JavaFX window %d ms, ratio %.2fx (goal: app under 2000 ms)%n",
                a, b, (double) a / b);
    }

    private static long probe(String classpath, String what) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath));
        command.addAll(Arrays.asList(HEADLESS));
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=off");
        command.addAll(List.of(FirstFrameProbe.class.getName(), what));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("FIRST_FRAME_MS ")) {
                    process.waitFor(10, TimeUnit.SECONDS);
                    return Long.parseLong(line.substring(15));
                }
            }
        }
        throw new IllegalStateException("the " + what + " probe printed no first frame (exit " + process.waitFor() + ")");
    }

    private static void receivedToShown(int cases) throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        try (LocalHubForApp hub = new LocalHubForApp()) {
            while (!hub.lrmConnected()) {
                Thread.sleep(50);
            }
            Clock clock = Clock.systemDefaultZone();
            TabletSettings settings = Tablets.settings(hub.config(LocalHubForApp.TABLET, false), Files.createTempDirectory("bench-store"));
            TabletSession session = Tablets.session(settings, clock);
            ConcurrentHashMap<String, Long> receivedAt = new ConcurrentHashMap<>();
            ConcurrentHashMap<String, Long> shownAt = new ConcurrentHashMap<>();
            session.core().onEvent(event -> {
                if (event instanceof HubEvent.MessageReceived received) {
                    String caseId = CaseStore.caseIdOf(received.message());
                    if (caseId != null) {
                        receivedAt.putIfAbsent(caseId, System.nanoTime());
                    }
                }
            });
            String[] pendingCase = new String[1];
            long[] bareStart = new long[1];
            List<Long> bare = Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<Void> shown = new CompletableFuture<>();
            Platform.runLater(() -> {
                Stage stage = new Stage();
                Scene scene = new Scene(new MainView(session, Labels.french()), 1280, 800);
                Theme.DAY.applyTo(scene);
                stage.setScene(scene);
                stage.show();
                session.mission().caseIdProperty().addListener((o, was, is) -> pendingCase[0] = is);
                new AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        // The frame that carries the new case: the case is on screen from this pulse on.
                        if (pendingCase[0] != null) {
                            shownAt.putIfAbsent(pendingCase[0], System.nanoTime());
                            pendingCase[0] = null;
                        }
                        if (bareStart[0] != 0) {
                            bare.add(System.nanoTime() - bareStart[0]);
                            bareStart[0] = 0;
                        }
                    }
                }.start();
                shown.complete(null);
            });
            shown.get();
            session.start();
            while (!session.core().transport().state().isConnected()) {
                Thread.sleep(50);
            }
            System.gc();
            Thread.sleep(500);
            long heapBefore = usedHeap();
            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < cases; i++) {
                String caseId = hub.newCase();
                hub.send("case.json", caseId, null);
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                // Both marks: the stored-message event reaches this listener just after the session's own.
                while (!(shownAt.containsKey(caseId) && receivedAt.containsKey(caseId)) && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                if (!shownAt.containsKey(caseId)) {
                    System.out.println("case " + i + " not shown within 10 s (received: " + receivedAt.containsKey(caseId) + ")");
                }
                if (shownAt.containsKey(caseId) && receivedAt.containsKey(caseId)) {
                    latencies.add(shownAt.get(caseId) - receivedAt.get(caseId));
                }
                // Baseline in the same run: a bare hand-off from a background thread to the next frame.
                long handOff = System.nanoTime();
                Platform.runLater(() -> bareStart[0] = handOff);
                Thread.sleep(5);
            }
            System.gc();
            Thread.sleep(500);
            System.gc();
            long heapAfter = usedHeap();
            System.out.printf("RS-EDA received to case shown, %d cases: p50 %.1f ms, p95 %.1f ms; bare hand-off to the next frame p50 %.1f ms, p95 %.1f ms; p95 ratio %.2fx (goal: p95 under 150 ms)%n",
                    latencies.size(), ms(pct(latencies, 50)), ms(pct(latencies, 95)), ms(pct(bare, 50)), ms(pct(bare, 95)),
                    (double) pct(latencies, 95) / Math.max(1, pct(bare, 95)));
            System.out.printf("heap used after %d cases: %d MB (after start, before the cases: %d MB; goal: under 128 MB)%n",
                    cases, heapAfter / (1024 * 1024), heapBefore / (1024 * 1024));
            session.close();
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long pct(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static long median(List<Long> values) {
        return pct(values, 50);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

}
