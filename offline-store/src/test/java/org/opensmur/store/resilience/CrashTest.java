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
import org.opensmur.core.status.ResourcesStatus;

/**
 * The tablet process is killed with kill -9 at random moments while it taps and sends, 50 times. After
 * every restart, each message it reported saved is still there and is delivered; the receiving side,
 * deduplicating on distributionID, sees each exactly once in effect and in tap order.
 */
@Tag("rabbitmq") // on the machine's RabbitMQ, whose queues the broker tests share: one at a time
@Tag("slow") // fifty kill -9 rounds, each a new JVM: run by ./bin/test and .ci/run, not by ./bin/test --quick
class CrashTest {

    private static final int ROUNDS = 50;

    @TempDir
    Path dir;

    @Test
    void killedFiftyTimesItLosesNothingAndKeepsTheOrder() throws Exception {
        HubBroker broker = HubBroker.require();
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
            waitForFirstSave(saved, round, child);
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

    private static void waitForFirstSave(List<String> saved, int round, Process child) throws InterruptedException {
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
        throw new AssertionError("round " + round + ": the child saved nothing (alive: " + child.isAlive() + ")");
    }

    private Process start(HubBroker broker, String mode) throws Exception {
        String classpath = Files.readString(Path.of("target/test-classpath.txt")).strip()
                + java.io.File.pathSeparator + "target/classes" + java.io.File.pathSeparator + "target/test-classes";
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a quick start (C1 only, the serial collector, the class-data archive): each round is a new JVM
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", classpath, "-Dhub.tls.dir=" + broker.tlsDir(), "-Dorg.slf4j.simpleLogger.defaultLogLevel=error",
                CrashChild.class.getName(), dir.toString(), mode);
        builder.environment().put("STORE_SECRET", "crash-test-secret");
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        return builder.start();
    }
}
