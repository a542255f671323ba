package org.opensmur.app.android;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the app ships (the runtime classpath, which the GluonFX Android profile packages into the native
 * image) holds nothing a device lacks or a tablet must not carry: no Swing bridge, no test or simulator
 * library, no broker.
 */
class ShippedDependenciesTest {

    /** Artifacts that must never be in the app: desktop-only, test-only, or the local Hub's. */
    private static final List<String> FORBIDDEN = List.of("javafx-swing", "hub-sim", "qpid", "testfx", "monocle", "junit",
            "awaitility", "archunit", "json-schema-validator", "jmh");

    @Test
    void theRuntimeClasspathHoldsNoDesktopTestOrSimulatorLibrary() throws Exception {
        Path file = Path.of("target/runtime-classpath.txt");
        assertTrue(Files.exists(file), "written by the build (maven-dependency-plugin, execution runtime-classpath)");
        List<String> jars = Arrays.stream(Files.readString(file).strip().split(File.pathSeparator))
                .map(p -> Path.of(p).getFileName().toString()).toList();
        assertTrue(jars.stream().anyMatch(j -> j.startsWith("sqlite-jdbc")) && jars.stream().anyMatch(j -> j.startsWith("offline-store")),
                "the list is the app's: " + jars);
        List<String> found = jars.stream().filter(j -> FORBIDDEN.stream().anyMatch(j::contains)).toList();
        assertEquals(List.of(), found, "shipped by the app but desktop-only, test-only or the local Hub's");
    }
}
