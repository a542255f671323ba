package org.opensmur.core.testing;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What each test class costs in CPU, beside its time: on the 2-core machine the suite is bound by CPU, not by
 * waits, so a class's elapsed time says little (it depends on what ran beside it). Appends one line per top-level
 * class to {@code target/test-cpu.tsv} of the module (CPU seconds of this JVM, then of the processes it started and
 * waited for, such as the crash rounds' children); {@code ./bin/test} prints the most expensive ones. Registered
 * like {@link QuickAwaits}.
 */
public final class ClassCpu implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace HERE = ExtensionContext.Namespace.create(ClassCpu.class);
    private static final Path OUT = Path.of("target", "test-cpu.tsv");

    @Override
    public void beforeAll(ExtensionContext context) {
        if (topLevel(context)) {
            context.getStore(HERE).put("start", new long[] {ownNanos(), childrenNanos()});
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        long[] start = context.getStore(HERE).get("start", long[].class);
        if (start == null || !Files.isDirectory(OUT.getParent())) {
            return;
        }
        String line = String.format(java.util.Locale.ROOT, "%.1f\t%.1f\t%s%n",
                (ownNanos() - start[0]) / 1e9, (childrenNanos() - start[1]) / 1e9, context.getRequiredTestClass().getName());
        // one short write in append mode: the module's two test JVMs may append at once
        Files.writeString(OUT, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static boolean topLevel(ExtensionContext context) {
        return context.getTestClass().map(type -> type.getEnclosingClass() == null).orElse(false);
    }

    private static long ownNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The CPU of the children this JVM waited for (cutime + cstime of /proc/self/stat); 0 off Linux. */
    private static long childrenNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state is field 3, so cutime (16) and cstime (17) are at 13 and 14 here; ticks of 10 ms
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10_000_000L;
        } catch (IOException | RuntimeException notLinux) {
            return 0;
        }
    }
}
