package org.opensmur.app.android;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The app's native-image metadata lists every model class Jackson binds and every resource it reads: a new
 * record, bundle or stylesheet cannot ship without it (the first RS-EDA would fail on the device). The
 * libraries that need JNI or their own reflection (sqlite-jdbc, amqp-client) carry their metadata.
 */
class NativeImageMetadataTest {

    private static final String REGENERATE = " (regenerate: mvn -pl app exec:java -Dexec.classpathScope=test"
            + " -Dexec.mainClass=org.opensmur.app.android.NativeImageMetadata)";
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyClassJacksonBindsIsListedForReflection() throws Exception {
        Set<String> listed = new TreeSet<>();
        for (JsonNode entry : json.readTree(NativeImageMetadata.FOLDER.resolve("reflect-config.json").toFile())) {
            listed.add(entry.get("name").asText());
            assertTrue(entry.path("allDeclaredConstructors").asBoolean() && entry.path("allDeclaredMethods").asBoolean()
                    && entry.path("allDeclaredFields").asBoolean(), "records are built and read through all their members: " + entry);
        }
        Set<String> needed = NativeImageMetadata.reflected();
        assertTrue(needed.containsAll(Set.of("org.opensmur.core.hub.message.HubMessage",
                "org.opensmur.core.mission.CreateCaseHealth", "org.opensmur.core.status.ResourceStatus",
                "org.opensmur.core.hub.model.Required", "org.opensmur.app.map.OfflineTileRetriever")), "the walk reaches the model: " + needed.size() + " classes");
        Set<String> missing = new TreeSet<>(needed);
        missing.removeAll(listed);
        assertEquals(Set.of(), missing, "bound by Jackson or read by the validator, not listed" + REGENERATE);
    }

    @Test
    void everyBundleStylesheetAndResourceIsListed() throws Exception {
        JsonNode config = json.readTree(NativeImageMetadata.FOLDER.resolve("resource-config.json").toFile());
        List<Pattern> patterns = new ArrayList<>();
        config.path("resources").path("includes").forEach(i -> patterns.add(Pattern.compile(i.get("pattern").asText())));
        Set<String> files = NativeImageMetadata.resources();
        assertTrue(files.contains("org/opensmur/assets/themes/night.css") && files.contains("org/opensmur/assets/labels/tablet_en.properties")
                && files.contains("org/opensmur/core/hub/validation/model-2.0-codes.txt"), "the scan sees the resources: " + files);
        List<String> missing = files.stream().filter(f -> patterns.stream().noneMatch(p -> p.matcher(f).matches())).toList();
        assertEquals(List.of(), missing, "read by the app, not listed" + REGENERATE);
        boolean labels = false;
        for (JsonNode bundle : config.path("bundles")) {
            labels |= bundle.get("name").asText().equals("org.opensmur.assets.labels.tablet");
        }
        assertTrue(labels, "the labels are a resource bundle: listed as one");
    }

    @Test
    void theLibrariesWithNativeCodeCarryTheirOwnMetadata() throws Exception {
        // sqlite-jdbc registers its JNI and its native library (Linux-Android builds inside) through a Feature;
        // amqp-client lists its own reflection. A version without them would fail at run time on a device.
        String classpath = Files.readString(Path.of("target/runtime-classpath.txt")).strip();
        int checked = 0;
        for (String jar : classpath.split(java.io.File.pathSeparator)) {
            String name = Path.of(jar).getFileName().toString();
            String folder = name.startsWith("sqlite-jdbc") ? "org.xerial/sqlite-jdbc" : name.startsWith("amqp-client") ? "com.rabbitmq/amqp-client" : null;
            if (folder == null) {
                continue;
            }
            try (JarFile file = new JarFile(jar)) {
                var entry = file.getEntry("META-INF/native-image/" + folder + "/native-image.properties");
                assertTrue(entry != null, name + " carries no native-image metadata");
                Properties args = new Properties();
                args.load(file.getInputStream(entry));
                if (name.startsWith("sqlite-jdbc")) {
                    assertTrue(args.getProperty("Args", "").contains("SqliteJdbcFeature"), args.toString());
                    assertTrue(file.getEntry("org/sqlite/native/Linux-Android/aarch64/libsqlitejdbc.so") != null,
                            "the Android build of SQLite for the tablets' CPUs");
                }
                checked++;
            }
        }
        assertEquals(2, checked, "sqlite-jdbc and amqp-client are in what the app ships");
    }
}
