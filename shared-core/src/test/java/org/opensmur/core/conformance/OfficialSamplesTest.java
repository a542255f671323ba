package org.opensmur.core.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensmur.core.hub.codec.Decoded;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.validation.ValidationIssue;
import org.opensmur.core.hub.validation.ValidationIssue.Kind;

/**
 * The official whole-message samples: every failing one is rejected with errors that name each part the
 * official error file names; no valid one gets a schema error from us.
 */
class OfficialSamplesTest {

    private static final String MESSAGE = "$.content[0].jsonContent.embeddedJsonContent.message";
    private final HubCodec codec = new HubCodec();

    static Stream<Path> failing() throws IOException {
        return files(SharedCorpus.root().resolve("failing/EDXL-DE"));
    }

    static Stream<Path> valid() throws IOException {
        try (Stream<Path> all = Files.walk(SharedCorpus.root().resolve("valid"))) {
            return all.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    private static Stream<Path> files(Path dir) throws IOException {
        try (Stream<Path> all = Files.list(dir)) {
            return all.filter(p -> !p.toString().endsWith(".errors")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failing")
    void failingSamplesAreRejectedNamingTheOffendingParts(Path file) throws IOException {
        Decoded decoded = codec.decode(Files.readAllBytes(file));
        assertFalse(decoded.isValid(), file + " was accepted");
        assertFalse(decoded.issues().isEmpty());
        List<String> paths = decoded.issues().stream().map(ValidationIssue::path).toList();
        for (String expected : expectedPaths(file)) {
            assertTrue(paths.stream().anyMatch(p -> p.equals(expected) || p.startsWith(expected + ".")),
                    () -> file.getFileName() + ": nothing names " + expected + " in " + decoded.issues());
        }
    }

    /** Reads the official *.errors file into the paths it names, in our path notation. */
    private static List<String> expectedPaths(Path file) throws IOException {
        Path errors = file.resolveSibling(file.getFileName() + ".errors");
        List<String> expected = new ArrayList<>();
        if (!Files.exists(errors)) {
            expected.add("$"); // external-entity.xml: refused as a whole
            return expected;
        }
        String section = "";
        for (String line : Files.readAllLines(errors)) {
            String text = line.strip();
            if (text.startsWith("Issues found on the envelope")) {
                section = "envelope";
            } else if (text.startsWith("Issues found on") && text.contains(" header")) {
                section = "header";
            } else if (text.startsWith("Issues found on") && text.contains(" content")) {
                section = "content";
            } else if (text.startsWith("Could not detect any schemas")
                    || text.startsWith("embeddedJsonContent: should be valid to one and only one schema")) {
                expected.add(MESSAGE);
            } else if (text.startsWith("- ")) {
                String path = text.substring(2, text.indexOf(':'));
                switch (section) {
                    case "envelope" -> expected.add(path);
                    case "header" -> expected.add(MESSAGE + "." + path);
                    // Content errors of use cases the tablet does not handle: we name the use case itself.
                    default -> expected.add(MESSAGE + "." + path.substring(0, path.indexOf('.')));
                }
            }
        }
        assertFalse(expected.isEmpty(), "could not read " + errors);
        return expected;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void validSamplesGetNoSchemaErrorFromUs(Path file) throws IOException {
        Decoded decoded = codec.decode(Files.readAllBytes(file));
        // These samples use Hub test use cases (technical, customContent, createCase) that the tablet
        // does not handle: that must be the only complaint (plus the second content object of EDXL-DE.json).
        List<ValidationIssue> others = decoded.issues().stream()
                .filter(i -> i.kind() != Kind.USE_CASE && !(i.kind() == Kind.ITEMS && i.path().equals("$.content")))
                .toList();
        assertEquals(List.of(), others, file.toString());
        assertTrue(decoded.issues().stream().anyMatch(i -> i.kind() == Kind.USE_CASE), file.toString());
    }
}
