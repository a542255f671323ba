package org.opensmur.store.resilience;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.core.hub.codec.Decoded;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.amqp.HubBroker;
import org.opensmur.core.hub.amqp.HubTopology;
import org.opensmur.core.testing.QuickChildJvm;
import org.opensmur.core.status.ResourcesStatus;

/**
 * The tablet process is killed with kill -9 at random moments while it taps and sends, 50 times. After
 * every restart, each message it reported saved is still there and is delivered; the receiving side,
 * deduplicating on distributionID, sees each exactly once in effect and in tap order.
 */
@Tag("rabbitmq") // on the machine's RabbitMQ, but on a vhost of its own: ./bin/test runs it beside the other broker tests
@Tag("slow") // fifty kill -9 rounds, each a new JVM: run by ./bin/test and .ci/run, not by ./bin/test --quick
class CrashTest {

    private static final int ROUNDS = 50;
    /**
     * The crash rounds' own vhost (bin/hub-broker-setup prepares it like the test vhost): their 50 JVMs take minutes
     * of waiting, which ./bin/test spends beside the other broker tests, whose purges would empty its queues.
     */
    static final String VHOST = "opensmur-crash";

    @TempDir
    Path dir;

    @Test
    void killedFiftyTimesItLosesNothingAndKeepsTheOrder() throws Exception {
        HubBroker broker = HubBroker.require().onVhost(VHOST);
        warmUp(broker);
        broker.purgeAll();
        Random random = new Random(7);
        List<String> saved = new ArrayList<>();
        Map<String, String> caseOf = new HashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            Process child = start(broker, "tap");
            BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            Thread reader = new Thread(() -> {
                try {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        if (line.startsWith("SAVED ")) {
                            String[] parts = line.split(" ");
                            synchronized (saved) {
                                saved.add(parts[1]);
                                caseOf.put(parts[1], parts[2]);
                            }
                        }
                    }
                } catch (java.io.IOException e) {
                    // killed
                }
            });
            reader.start();
            waitForFirstSave(saved, round, child, dir.resolve("child.err"));
            Thread.sleep(100 + random.nextInt(900));
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no close
            child.waitFor(10, TimeUnit.SECONDS);
            reader.join(5_000);
        }
        Process drain = start(broker, "drain");
        assertTrue(drain.waitFor(120, TimeUnit.SECONDS), "the last restart drains the outbox");
        assertEquals(0, drain.exitValue());

        // The receiving side: the Hub's dispatch queue, deduplicated on distributionID.
        HubCodec codec = new HubCodec();
        Set<String> effective = new LinkedHashSet<>();
        int duplicates = 0;
        try (Connection admin = broker.admin(); Channel channel = admin.createChannel()) {
            for (GetResponse r = channel.basicGet(HubTopology.DISPATCH, true); r != null; r = channel.basicGet(HubTopology.DISPATCH, true)) {
                Decoded decoded = codec.decode(r.getBody());
                assertTrue(decoded.isValid(), decoded.issues().toString());
                if (!effective.add(decoded.envelope().distributionID())) {
                    duplicates++;
                }
                assertTrue(decoded.envelope().payload() instanceof ResourcesStatus);
            }
        }
        Set<String> missing = new HashSet<>(saved);
        missing.removeAll(effective);
        assertEquals(Set.of(), missing, "reported saved but never delivered");
        List<String> deliveredSaved = effective.stream().filter(new HashSet<>(saved)::contains).toList();
        assertEquals(saved, deliveredSaved, "one resource, one order: the tap order");
        System.out.printf("crash test: %d kills, %d messages reported saved, %d delivered in effect (%d duplicate deliveries"
                + " removed by distributionID), none lost, order kept%n", ROUNDS, saved.size(), effective.size(), duplicates);
        assertTrue(saved.size() > ROUNDS, "the child must have worked between kills: " + saved.size());
        assertEquals(caseOf.size(), saved.size());
    }

    private static void waitForFirstSave(List<String> saved, int round, Process child, Path errors) throws Exception {
        int before;
        synchronized (saved) {
            before = saved.size();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && child.isAlive()) {
            synchronized (saved) {
                if (saved.size() > before) {
                    return;
                }
            }
            Thread.sleep(10);
        }
        // what the child said on its way out (its standard error, the last round's only: each round overwrites it)
        String said = Files.exists(errors) ? Files.readString(errors) : "";
        try (var crashes = Files.list(errors.getParent())) {
            for (Path crash : (Iterable<Path>) crashes.filter(f -> f.getFileName().toString().startsWith("hs_err_"))::iterator) {
                said += "\n" + crash + ":\n" + Files.readAllLines(crash).stream().limit(12).collect(java.util.stream.Collectors.joining("\n"));
            }
        }
        throw new AssertionError("round " + round + ": the child saved nothing (alive: " + child.isAlive() + "); its standard error:\n"
                + said.substring(Math.max(0, said.length() - 4000)));
    }

    /** The children's classpath: plain jars ({@link QuickChildJvm}). */
    private String classpath;
    /** The class-data archive the killed children start from: the JDK's own only ("-Xshare:auto") until {@link #warmUp}. */
    private String classData = "-Xshare:auto";
    /** SQLite's native library, extracted once for all the children. */
    private List<String> sqlite = List.of();

    /**
     * A first child drains an empty store of its own and exits: its JVM archives the classes it loaded (class data
     * sharing), and the fifty killed children start from that archive, each some tenths of a second sooner (measured
     * 1.5 s to the first save instead of 2.2 s on the loaded 2-core machine). Without the archive (a JVM that could
     * not write it) they start as before.
     */
    private void warmUp(HubBroker broker) throws Exception {
        List<String> entries = new ArrayList<>(List.of(Files.readString(Path.of("target/test-classpath.txt")).strip()
                .split(java.io.File.pathSeparator)));
        entries.addAll(List.of("target/classes", "target/test-classes"));
        classpath = QuickChildJvm.classpath(entries, dir);
        sqlite = QuickChildJvm.sqliteLibrary(dir);
        Path archive = dir.resolve("crash-child.jsa");
        Process warm = start(broker, dir.resolve("warm-up"), "drain", "-XX:ArchiveClassesAtExit=" + archive);
        warm.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertTrue(warm.waitFor(120, TimeUnit.SECONDS), "the warm-up child drains its empty store and exits");
        if (Files.isRegularFile(archive)) {
            classData = "-XX:SharedArchiveFile=" + archive;
        }
    }

    private Process start(HubBroker broker, String mode) throws Exception {
        return start(broker, dir, mode, classData);
    }

    private Process start(HubBroker broker, Path folder, String mode, String classData) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(QuickChildJvm.options(classData)); // each round is a new JVM: a quick start
        command.addAll(sqlite);
        // a JVM that dies of its own (JDK 25.0.3's warm-up child once did, archiving its lambdas) says so in the test's
        // folder, not in the module's
        command.add("-XX:ErrorFile=" + dir.resolve("hs_err_%p.log"));
        // One key share in the TLS hello, X25519's: the JDK's P-256 share first computes a table for the curve's generator,
        // some 80 ms of CPU in each child (its key stores are read at one iteration for the same reason: HubBroker).
        command.add("-Djdk.tls.namedGroups=x25519");
        command.addAll(List.of("-cp", classpath, "-Dhub.tls.dir=" + broker.tlsDir(),
                CrashChild.class.getName(), folder.toString(), mode, broker.vhost()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("STORE_SECRET", "crash-test-secret");
        builder.redirectError(dir.resolve("child.err").toFile()); // read when a child saved nothing (no health data: made-up taps)
        return builder.start();
    }
}
