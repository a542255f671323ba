package org.opensmur.oru.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.oru.Records;
import org.opensmur.oru.TestDatabases;
import org.opensmur.oru.quality.Nomenclatures;
import org.opensmur.oru.quality.Quality;
import org.opensmur.oru.store.OruDatabase;
import org.opensmur.oru.store.OruStore;

/**
 * Acknowledged only after the commit, for real: the concentrator's process is killed with kill -9 at
 * random moments while it takes a queue of RS-RPIS (the tablet's, the LRM's copy, a correction), and
 * started again on what was not acknowledged, until the queue is empty. At the end every message is
 * stored once, every patient is one record with its versions counted once, and the corrections are the
 * values: nothing lost, nothing doubled. On both databases: SQLite here, PostgreSQL in {@link OruCrashOnPostgresTest}
 * (a class of its own so that the test JVMs run the two at once).
 */
@Tag("slow") // many JVM starts killed: run by ./bin/test and .ci/run, not by ./bin/test --quick
class OruCrashTest {

    private static final String RETURN = CrashRun.RETURN;
    private static final int PATIENTS = CrashRun.PATIENTS;
    private static final int KILLS = 12;

    @TempDir
    Path dir;

    /**
     * Waits until the child has acknowledged more than before, then a random 0-40 ms more (inside a
     * delivery, between a commit and its ack, or between two), then kills it with SIGKILL. False when it
     * ended by itself first.
     */
    private static boolean killWhenItHasTakenMore(Process child, Path acks, int n, Random random) throws Exception {
        long before = Files.exists(acks) ? Files.size(acks) : 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (child.isAlive() && (Files.exists(acks) ? Files.size(acks) : 0) <= before && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(random.nextInt(40));
        if (!child.isAlive()) {
            return false;
        }
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback, no flush
        child.waitFor();
        return true;
    }

    /** The database the concentrator runs on, one of {@link TestDatabases#KINDS}. */
    String kind() {
        return "sqlite";
    }

    @Test
    void killedAtRandomItLosesNothingAndDoublesNothing() throws Exception {
        String kind = kind();
        String url;
        String schema = "-";
        // skips (or fails in CI) when PostgreSQL is not there; the child uses a schema of its own
        TestDatabases.close(TestDatabases.open(kind, dir));
        if (kind.equals("sqlite")) {
            url = OruDatabase.embeddedUrl(dir.resolve("crash-db"));
        } else {
            url = TestDatabases.POSTGRES_URL;
            schema = "oru_crash_" + Long.toHexString(System.nanoTime());
        }
        CrashRun run = CrashRun.get(); // the queue, made once for both classes
        Path messages = run.queue;
        int n = run.messages;
        assertEquals(3 * PATIENTS, n, "the tablet's, the LRM's copy and a correction per patient");
        ObjectNode example = new Records(ModelLine.CURRENT).example("AliceNormand");
        Map<String, String> latestReturn = new HashMap<>();
        for (int p = 0; p < PATIENTS; p++) {
            latestReturn.put(CrashRun.patient(example, p).at("/patient/patientId").asText(), CrashRun.correction(example, p).at(RETURN).asText());
        }
        Path acks = dir.resolve("acks");
        Random random = new Random(42);
        int kills = 0;
        int midQueue = 0;
        List<Long> ackedAtKills = new java.util.ArrayList<>();
        int starts = 0;
        while (true) {
            starts++;
            Process child = run.start(List.of(url, schema, messages.toString(), acks.toString()), dir.resolve("child-" + starts + ".log"));
            if (kills < KILLS && killWhenItHasTakenMore(child, acks, n, random)) {
                kills++;
                long acked = Files.exists(acks) ? Files.readAllLines(acks).size() : 0;
                midQueue += acked > 0 && acked < n ? 1 : 0;
                ackedAtKills.add(acked);
                continue;
            }
            assertTrue(child.waitFor(3, TimeUnit.MINUTES), "the last run ends by itself");
            assertEquals(0, child.exitValue(), Files.readString(dir.resolve("child-" + starts + ".log")));
            break;
        }
        assertEquals(KILLS, kills, "killed each time it had taken more of the queue");
        assertTrue(midQueue >= KILLS / 2, "killed with part of the queue taken " + midQueue + " times");

        try (OruDatabase database = OruDatabase.open(url, schema.equals("-") ? null : schema)) {
            OruStore store = new OruStore(database, new Quality(Nomenclatures.none()));
            assertEquals(n, store.query("SELECT COUNT(*) FROM delivery", r -> r.getInt(1)).get(0), "every message stored once");
            assertEquals(n, store.query("SELECT COUNT(DISTINCT distribution_id) FROM delivery", r -> r.getInt(1)).get(0));
            assertEquals(PATIENTS, store.count(), "one record per patient");
            assertEquals(List.of(3), store.query("SELECT DISTINCT versions FROM rpis_record", r -> r.getInt(1)),
                    "three versions each, none counted twice");
            for (long id : store.query("SELECT id FROM rpis_record", r -> r.getLong(1))) {
                var record = store.record(id).orElseThrow();
                assertEquals(latestReturn.get(record.summary().key().patientId()), record.consolidated().at(RETURN).asText());
                assertEquals(0, record.summary().conflicts(), "the LRM's copy agreed");
            }
        } finally {
            if (!schema.equals("-")) {
                TestDatabases.drop(schema);
            }
        }
        System.out.println("ORU crash test on " + kind + ": " + kills + " kill -9 in " + starts + " runs (" + midQueue
                + " with part of the queue taken: " + ackedAtKills + " acknowledged), " + n + " messages: each stored once, " + PATIENTS + " records of 3 versions");
    }
}
