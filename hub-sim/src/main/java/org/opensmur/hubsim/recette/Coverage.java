package org.opensmur.hubsim.recette;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which properties of the official schema of each type the tablet sends it can produce, and from where, or
 * why not: every property path, walked from the official schema of a model line, looked up in the project's
 * declared table ({@code coverage.tsv} beside this class). Nothing is guessed: a path the table does not list
 * is reported as undeclared (and fails {@code CoverageTest}).
 */
public final class Coverage {

    /** The types a SMUR tablet sends, as the schemas name them. */
    public static final List<String> SENT = List.of("RS-RI", "RS-SR", "GEO-POS", "GEO-RES", "RS-URL", "RS-BPV", "RS-RPIS");

    /** Where a property comes from on the tablet, or why it does not. */
    public enum Source {
        ENTERED(true, "typed by the crew"), PICKED(true, "picked from a list"), CASE(true, "from the case"),
        TAPS(true, "from the status taps"), SHIFT(true, "from the shift set-up"), TABLET(true, "the tablet's identity or clock"),
        SYSTEM(false, "set by another system"), NOT_KNOWN(false, "not known on a tablet"), GAP(false, "knowable, not on the screens yet");

        private final boolean producible;
        private final String words;

        Source(boolean producible, String words) {
            this.producible = producible;
            this.words = words;
        }

        public boolean producible() {
            return producible;
        }

        public String words() {
            return words;
        }

        static Source of(String column) {
            return valueOf(column.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
    }

    /** One line of the table: a property of a type and where it comes from. */
    public record Entry(String type, String path, Source source, String where) {
    }

    /** One type on one line: its properties, each with its entry (null: undeclared). */
    public record TypeCoverage(String type, String line, Map<String, Entry> properties) {

        public long producible() {
            return properties.values().stream().filter(e -> e != null && e.source().producible()).count();
        }

        public List<String> undeclared() {
            return properties.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList();
        }

        /** {@code RS-RI (model 3): 16/19 properties producible}, then one line per other property with its reason. */
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            lines.add(type + " (model " + line + "): " + producible() + "/" + properties.size() + " properties producible");
            properties.forEach((path, entry) -> {
                if (entry == null) {
                    lines.add("    " + path + ": UNDECLARED (neither produced nor listed with a reason)");
                } else if (!entry.source().producible()) {
                    lines.add("    " + path + ": " + entry.source().words() + " (" + entry.where() + ")");
                }
            });
            return lines;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private Coverage() {
    }

    /** The project's declared table. */
    public static List<Entry> table() {
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = Coverage.class.getResourceAsStream("coverage.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length != 4) {
                    throw new IllegalStateException("coverage.tsv: 4 tab-separated columns expected: " + line);
                }
                entries.add(new Entry(cols[0], cols[1], Source.of(cols[2]), cols[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** Every property path of the official schema of {@code type} in {@code schemas} ({@code a.b[].c}: each item). */
    public static Set<String> properties(Path schemas, String type) {
        try {
            JsonNode root = JSON.readTree(schemas.resolve(type + ".schema.json").toFile());
            Set<String> paths = new LinkedHashSet<>();
            walk(root, root, "", paths, 0);
            return paths;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void walk(JsonNode root, JsonNode node, String path, Set<String> paths, int depth) {
        if (depth > 30) {
            throw new IllegalStateException("schema nested deeper than 30 at " + path);
        }
        if (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("a reference outside the schema at " + path + ": " + ref);
            }
            walk(root, root.at(ref.substring(1)), path, paths, depth + 1);
        } else if (node.has("properties")) {
            node.get("properties").fields().forEachRemaining(f ->
                    walk(root, f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), paths, depth + 1));
        } else if ("array".equals(node.path("type").asText())) {
            walk(root, node.path("items"), path + "[]", paths, depth + 1);
        } else {
            paths.add(path);
        }
    }

    /** The coverage of each sent type on the line whose official schemas are in {@code schemas}. */
    public static List<TypeCoverage> of(Path schemas, String line) {
        List<Entry> table = table();
        List<TypeCoverage> all = new ArrayList<>();
        for (String type : SENT) {
            Map<String, Entry> properties = new LinkedHashMap<>();
            for (String path : properties(schemas, type)) {
                properties.put(path, table.stream().filter(e -> e.type().equals(type) && e.path().equals(path)).findFirst().orElse(null));
            }
            all.add(new TypeCoverage(type, line, properties));
        }
        return all;
    }

    /** Lines of the table that name no property of any of the given lines' schemas (stale). */
    public static List<Entry> stale(List<Path> schemasOfEveryLine) {
        Set<String> known = new LinkedHashSet<>();
        for (Path schemas : schemasOfEveryLine) {
            for (String type : SENT) {
                properties(schemas, type).forEach(p -> known.add(type + " " + p));
            }
        }
        return table().stream().filter(e -> !known.contains(e.type() + " " + e.path())).toList();
    }
}
