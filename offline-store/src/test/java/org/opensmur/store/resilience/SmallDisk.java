package org.opensmur.store.resilience;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real small file system (tmpfs of a few MB, mounted for the test) that a test fills up and frees
 * again, so that SQLite meets a true "disk full". Needs root (as on CI); elsewhere the test says why it skips.
 */
final class SmallDisk implements AutoCloseable {

    private final Path mount;
    private final Path filler;

    SmallDisk(Path parent, int megabytes) throws Exception {
        mount = Files.createDirectories(parent.resolve("small-disk"));
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "a full disk is tested on a tmpfs mounted for the test, which needs root (CI runs as root)");
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        Assumptions.assumeTrue(p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0,
                "cannot mount a tmpfs here (" + output.strip() + "): the full-disk test needs one");
        filler = mount.resolve("filler.bin");
    }

    Path folder(String name) throws IOException {
        return Files.createDirectories(mount.resolve(name));
    }

    /** Writes a file until the disk refuses more. */
    void fill() throws IOException {
        byte[] block = new byte[16 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("space")) {
                throw full;
            }
        }
    }

    /** Space again: the filler goes. */
    void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    @Override
    public void close() throws Exception {
        new ProcessBuilder("umount", "-l", mount.toString()).redirectErrorStream(true).start().waitFor(20, TimeUnit.SECONDS);
    }
}
