package org.opensmur.oru.crash;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.oru.Records;
import org.opensmur.oru.TestDatabases;
import org.opensmur.oru.store.OruDatabase;
import org.opensmur.core.testing.QuickChildJvm;

/**
 * What {@link OruCrashTest} and {@link OruCrashOnPostgresTest} start from, made once per Maven run by the
 * first of the two (they run in two test JVMs at once; the second waits on a file lock and reuses it): the
 * queue of {@value #PATIENTS} patients' RS-RPIS (the tablet's, the LRM's copy, a correction), the classpath's
 * folders as jars, SQLite's native library extracted once, and a class-data archive (class data sharing) left
 * by a first child that takes one patient's messages on each database and exits. The killed children start
 * from that archive, each some tenths of a CPU second sooner (offline-store's {@code CrashTest} does the same).
 * The folder is {@code target/crash-run/<the Maven JVM>}: another run (or the Maven JVM not found) makes its own.
 */
final class CrashRun {

    static final String RETURN = "/intervention/smurStatus/returnSmur";
    static final int PATIENTS = 100; // the twelve kills fall within the first ~20 messages: 300 keep them mid-queue with room

    private static CrashRun made;

    final Path queue;
    final int messages;
    final String classpath;
    final List<String> jvmOptions;

    private CrashRun(Path queue, int messages, String classpath, List<String> jvmOptions) {
        this.queue = queue;
        this.messages = messages;
        this.classpath = classpath;
        this.jvmOptions = jvmOptions;
    }

    /** The patient {@code p}'s copy of {@code example}, as the tablet first sends it. */
    static ObjectNode patient(ObjectNode example, int p) {
        ObjectNode rpis = example.deepCopy();
        ((ObjectNode) rpis.get("patient")).put("patientId", example.at("/patient/patientId").asText() + "." + p);
        return rpis;
    }

    /** The patient {@code p}'s correction: its return moved by 5 + p minutes. */
    static ObjectNode correction(ObjectNode example, int p) {
        ObjectNode corrected = patient(example, p);
        Records.shift(corrected, RETURN, 5 + p);
        return corrected;
    }

    static synchronized CrashRun get() throws Exception {
        if (made == null) {
            Path root = Files.createDirectories(Path.of("target", "crash-run").toAbsolutePath());
            try (FileChannel lock = FileChannel.open(root.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    var held = lock.lock()) {
                // without its Maven JVM found, this JVM's own: alive as long as it uses it, not removed by the other class
                String key = mavenRun().or(() -> run(ProcessHandle.current())).orElse("jvm-" + ProcessHandle.current().pid());
                removeOtherRuns(root, key);
                Path folder = root.resolve(key);
                if (!Files.exists(folder.resolve("ready"))) {
                    deleteTree(folder);
                    make(Files.createDirectories(folder));
                    Files.createFile(folder.resolve("ready"));
                }
                made = read(folder);
            }
        }
        return made;
    }

    /** The Maven JVM that forked this one ("pid-start"): the same for the two test JVMs of one run. */
    private static Optional<String> mavenRun() {
        return ProcessHandle.current().parent().stream()
                .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.parent().stream()))
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst()
                .flatMap(CrashRun::run);
    }

    private static Optional<String> run(ProcessHandle process) {
        return process.info().startInstant().map(start -> process.pid() + "-" + start.toEpochMilli());
    }

    /** Folders left by runs whose Maven JVM has ended. */
    private static void removeOtherRuns(Path root, String key) throws IOException {
        try (var list = Files.list(root)) {
            for (Path other : list.filter(Files::isDirectory).filter(f -> !f.getFileName().toString().equals(key)).toList()) {
                boolean alive = running(other.getFileName().toString());
                if (!alive) {
                    deleteTree(other);
                }
            }
        }
    }

    /** Whether the JVM a folder is named after still runs: "pid-start", or "jvm-pid" when its start was not known. */
    private static boolean running(String name) {
        String[] parts = name.split("-");
        if (parts.length != 2 || !parts[1].matches("\\d+")) {
            return false;
        }
        if (parts[0].equals("jvm")) {
            return ProcessHandle.of(Long.parseLong(parts[1])).isPresent();
        }
        return parts[0].matches("\\d+") && ProcessHandle.of(Long.parseLong(parts[0])).flatMap(CrashRun::run).map(name::equals).orElse(false);
    }

    private static void make(Path folder) throws Exception {
        Path queue = Files.createDirectories(folder.resolve("queue"));
        Records records = new Records(ModelLine.CURRENT);
        ObjectNode example = records.example("AliceNormand");
        int n = 0;
        for (int p = 0; p < PATIENTS; p++) {
            ObjectNode rpis = patient(example, p);
            Files.write(queue.resolve(String.format("%04d-tablet", n++)), records.bytes(Records.TABLET, rpis));
            Files.write(queue.resolve(String.format("%04d-lrm", n++)), records.bytes(Records.LRM, rpis));
            Files.write(queue.resolve(String.format("%04d-correction", n++)), records.bytes(Records.TABLET, correction(example, p)));
        }

        Files.writeString(folder.resolve("classpath"), QuickChildJvm.classpath(
                List.of(System.getProperty("java.class.path").split(File.pathSeparator)), folder));
        Files.write(folder.resolve("sqlite-options"), QuickChildJvm.sqliteLibrary(folder));

        // the warm-up child: one patient's three messages on each database, then its JVM archives the classes it loaded
        Path warm = Files.createDirectories(folder.resolve("warm-up"));
        Path one = Files.createDirectories(warm.resolve("queue"));
        for (int i = 0; i < 3; i++) {
            String name = String.format("%04d-", i) + List.of("tablet", "lrm", "correction").get(i);
            Files.copy(queue.resolve(name), one.resolve(name));
        }
        List<String> args = new ArrayList<>(List.of(OruDatabase.embeddedUrl(warm.resolve("db")), "-", one.toString(), warm.resolve("acks-sqlite").toString()));
        String schema = "oru_crash_warm_" + Long.toHexString(System.nanoTime());
        boolean postgres = postgresReachable();
        if (postgres) {
            args.addAll(List.of(TestDatabases.POSTGRES_URL, schema, one.toString(), warm.resolve("acks-postgresql").toString()));
        }
        Path archive = folder.resolve("crash-child.jsa");
        try {
            Process child = start(folder, childOptions(folder, "-XX:ArchiveClassesAtExit=" + archive), args, warm.resolve("child.log"));
            if (!child.waitFor(2, TimeUnit.MINUTES)) {
                child.destroyForcibly().waitFor();
            }
        } finally {
            if (postgres) {
                TestDatabases.drop(schema);
            }
        }
    }

    private static CrashRun read(Path folder) throws IOException {
        Path archive = folder.resolve("crash-child.jsa");
        String classData = Files.isRegularFile(archive) ? "-XX:SharedArchiveFile=" + archive : "-Xshare:auto";
        Path queue = folder.resolve("queue");
        int messages;
        try (var list = Files.list(queue)) {
            messages = (int) list.count();
        }
        return new CrashRun(queue, messages, Files.readString(folder.resolve("classpath")), childOptions(folder, classData));
    }

    /**
     * A quick start: C1 only, the serial collector, no performance-data file, the class-data archive, SQLite's
     * library already extracted: each run is a new JVM, most of them killed early.
     */
    private static List<String> childOptions(Path folder, String classData) throws IOException {
        List<String> options = new ArrayList<>(QuickChildJvm.options(classData));
        options.add("-Dhub.shared.dir=" + System.getProperty("hub.shared.dir", "../../shared"));
        options.addAll(Files.readAllLines(folder.resolve("sqlite-options")));
        return options;
    }

    /** A child JVM running {@link CrashChild} with {@code args}, its output in {@code log}. */
    Process start(List<String> args, Path log) throws IOException {
        return start(null, jvmOptions, args, log);
    }

    private static Process start(Path folder, List<String> options, List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.add("-cp");
        command.add(folder != null ? Files.readString(folder.resolve("classpath")) : made.classpath);
        command.add(CrashChild.class.getName());
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static boolean postgresReachable() {
        try (Connection c = DriverManager.getConnection(TestDatabases.POSTGRES_URL)) {
            return c.isValid(2);
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (var walk = Files.walk(folder)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
