package org.opensmur.app.ui;

import org.opensmur.app.shell.MainView;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opensmur.app.status.StatusViewModel;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.tablet.DeliveryState;

/** No screen ever shows a ⟨key⟩: every word the code asks for exists in French and in English. */
class LabelsTest {

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = LabelsTest.class.getResourceAsStream("/org/opensmur/assets/labels/" + name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void frenchAndEnglishHaveTheSameKeys() throws IOException {
        assertEquals(new TreeSet<>(bundle("tablet.properties").stringPropertyNames()),
                new TreeSet<>(bundle("tablet_en.properties").stringPropertyNames()));
    }

    @Test
    void everyKeyTheCodeUsesExists() throws IOException {
        Properties fr = bundle("tablet.properties");
        List<String> used = new ArrayList<>();
        Pattern call = Pattern.compile("(?:labels\\.(?:get|format)|new Input|vital)\\(\"([a-zA-Z]+\\.[a-zA-Z0-9.]+)\"");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path file : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = call.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertTrue(used.size() > 40, "found " + used.size() + " keys: the scan must see the code");
        for (org.opensmur.core.hub.validation.ModelLine line : org.opensmur.core.hub.validation.ModelLine.all()) {
            for (ResourceStatus s : org.opensmur.core.rules.StatusFlow.buttons(line)) {
                used.add("status." + s.code());
            }
        }
        used.add("status." + ResourceStatus.ANNULE.code());
        for (DeliveryState d : DeliveryState.values()) {
            used.add("delivery." + d.name());
        }
        for (MainView.Screen s : MainView.Screen.values()) {
            used.add("screen." + s.name().toLowerCase());
        }
        // Keys built from a prefix: the prefix is not a key, each value of what completes it is.
        used.removeIf(k -> k.endsWith("."));
        for (org.opensmur.app.unlock.UnlockViewModel.Mode m : org.opensmur.app.unlock.UnlockViewModel.Mode.values()) {
            used.add("unlock.title." + m.name());
        }
        for (org.opensmur.core.tablet.PinGate.PinProblem p : org.opensmur.core.tablet.PinGate.PinProblem.values()) {
            used.add("unlock.problem." + p.name());
        }
        for (org.opensmur.store.db.StoreException.Kind k : org.opensmur.store.db.StoreException.Kind.values()) {
            used.add("storage." + k.name());
        }
        List<String> missing = used.stream().filter(k -> !fr.containsKey(k)).distinct().toList();
        assertEquals(List.of(), missing);
    }

    /**
     * Every label is a MessageFormat pattern (an apostrophe doubled), so it reads the same whether the code formats
     * it or not: no "Téléphone de l''équipe" on one screen and "lheure" on another.
     */
    @Test
    void everyLabelReadsTheSameFormattedOrNotWithOneApostrophe() throws IOException {
        for (var locale : List.of(java.util.Locale.FRENCH, java.util.Locale.ENGLISH)) {
            Labels labels = new Labels(locale);
            Properties words = bundle(locale == java.util.Locale.FRENCH ? "tablet.properties" : "tablet_en.properties");
            for (String key : words.stringPropertyNames()) {
                String pattern = words.getProperty(key);
                String shown = labels.get(key);
                assertTrue(!shown.contains("''"), locale + " " + key + ": " + shown);
                new java.text.MessageFormat(pattern, locale); // throws on a broken pattern
                assertFalse(Pattern.compile("(?<!')'(?!')").matcher(pattern).find(),
                        locale + " " + key + ": an apostrophe not doubled is lost (and quotes what follows) when formatted: " + pattern);
                if (!pattern.contains("{")) {
                    assertEquals(shown, labels.format(key), locale + " " + key);
                }
            }
        }
    }
}
