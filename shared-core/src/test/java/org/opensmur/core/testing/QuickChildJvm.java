package org.opensmur.core.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * What the crash tests' child JVMs start from (offline-store's {@code CrashTest}, the ORU's {@code CrashRun}): dozens of
 * JVMs, each killed a second after it starts, so their start is most of their CPU. Made once per test in a folder of
 * its own: the class path as plain jars (class data sharing archives classes from jars only, and skips a signed
 * jar's, which the JVM would also verify at each start), SQLite's native library extracted once (each child would
 * copy it to /tmp, and a killed one leave it there), and the options of a quick start. Measured on offline-store's
 * child (start, open the store, connect over TLS, exit): 1.17 CPU s with the archive, 0.79 with unsigned jars and
 * the library extracted.
 */
public final class QuickChildJvm {

    private QuickChildJvm() {
    }

    /**
     * {@code entries} (a class path's) as plain jars in {@code folder}: a folder is jarred, a signed jar copied
     * without its signature (BouncyCastle's: the tests' children have no use for its check), any other kept.
     */
    public static String classpath(List<String> entries, Path folder) throws IOException {
        List<String> jars = new ArrayList<>();
        for (String entry : entries) {
            Path path = Path.of(entry);
            Path copy = folder.resolve("classpath-" + jars.size() + ".jar");
            if (Files.isDirectory(path)) {
                jars.add(jar(path, copy).toString());
            } else if (Files.isRegularFile(path) && signed(path)) {
                jars.add(unsigned(path, copy).toString());
            } else {
                jars.add(entry);
            }
        }
        return String.join(File.pathSeparator, jars);
    }

    /**
     * Extracts SQLite's native library into {@code folder} once, when sqlite-jdbc is on this class path: the options
     * that make a child load it from there, or none (the child then extracts it as usual).
     */
    public static List<String> sqliteLibrary(Path folder) throws IOException {
        String nativeFolder;
        try {
            nativeFolder = (String) Class.forName("org.sqlite.util.OSInfo").getMethod("getNativeLibFolderPathForCurrentOS").invoke(null);
        } catch (ReflectiveOperationException e) {
            return List.of(); // no sqlite-jdbc here
        }
        String name = System.mapLibraryName("sqlitejdbc");
        try (InputStream lib = QuickChildJvm.class.getResourceAsStream("/org/sqlite/native/" + nativeFolder + "/" + name)) {
            if (lib == null) {
                return List.of();
            }
            Files.copy(lib, folder.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return List.of("-Dorg.sqlite.lib.path=" + folder, "-Dorg.sqlite.lib.name=" + name);
    }

    /** A quick start: C1 only, the serial collector, no performance-data file, the class-data archive given. */
    public static List<String> options(String classData) {
        return List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto", classData,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=error");
    }

    /** {@code folder}'s files in the jar {@code jar}. */
    private static Path jar(Path folder, Path jar) throws IOException {
        try (var out = new JarOutputStream(Files.newOutputStream(jar)); var files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.filter(f -> !f.equals(folder)).sorted()::iterator) {
                String name = folder.relativize(file).toString().replace(File.separatorChar, '/');
                boolean folderEntry = Files.isDirectory(file); // kept: a resource folder may be looked up (Flyway's db/migration)
                out.putNextEntry(new JarEntry(folderEntry ? name + "/" : name));
                if (!folderEntry) {
                    Files.copy(file, out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    private static boolean signed(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            return file.stream().anyMatch(e -> signature(e.getName()));
        }
    }

    private static boolean signature(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        return upper.startsWith("META-INF/") && upper.indexOf('/', "META-INF/".length()) < 0
                && (upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC"));
    }

    /** {@code signed}'s entries but its signature files, and its manifest without the entries' digests. */
    private static Path unsigned(Path signed, Path copy) throws IOException {
        try (JarFile in = new JarFile(signed.toFile(), false); var out = new JarOutputStream(Files.newOutputStream(copy))) {
            java.util.jar.Manifest manifest = in.getManifest();
            if (manifest != null) {
                manifest.getEntries().clear(); // the per-entry digests, which only a signature uses
                out.putNextEntry(new JarEntry(JarFile.MANIFEST_NAME));
                manifest.write(out);
                out.closeEntry();
            }
            for (JarEntry entry : (Iterable<JarEntry>) in.stream()::iterator) {
                if (entry.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME) || signature(entry.getName())) {
                    continue;
                }
                out.putNextEntry(new JarEntry(entry.getName()));
                try (InputStream bytes = in.getInputStream(entry)) {
                    bytes.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return copy;
    }
}
