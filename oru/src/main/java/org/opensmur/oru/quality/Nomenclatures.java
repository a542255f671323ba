package org.opensmur.oru.quality;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opensmur.core.nomenclature.Csv;

/**
 * The Hub's nomenclatures (the {@code HubSante.*.csv} files of the official models), read at run time
 * from the folder a region points at, never copied into the project: the codes of each list (read by the shared
 * core's {@link Csv}, the reader the tablet's installed lists use too).
 */
public final class Nomenclatures {

    private final Path folder;
    private final Map<String, Set<String>> lists = new HashMap<>();

    private Nomenclatures(Path folder) {
        this.folder = folder;
    }

    /** None loaded: codes are not checked (and the dashboard says so). */
    public static Nomenclatures none() {
        return new Nomenclatures(null);
    }

    /** The lists in {@code folder} ({@code HubSante.<name>.csv}), read when first asked for. */
    public static Nomenclatures in(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no nomenclature folder at " + folder);
        }
        return new Nomenclatures(folder);
    }

    public boolean loaded() {
        return folder != null;
    }

    public Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    /** The codes of list {@code name} ({@code fait}, {@code motif}…); empty when that list is not there. */
    public synchronized Optional<Set<String>> codes(String name) {
        if (folder == null) {
            return Optional.empty();
        }
        Set<String> codes = lists.computeIfAbsent(name, this::read);
        return codes.isEmpty() ? Optional.empty() : Optional.of(codes);
    }

    private Set<String> read(String name) {
        Path file = folder.resolve("HubSante." + name + ".csv");
        if (!Files.isRegularFile(file)) {
            return Set.of();
        }
        try {
            List<List<String>> rows = Csv.rows(Files.readString(file, StandardCharsets.UTF_8));
            int column = rows.isEmpty() ? -1 : rows.get(0).indexOf("code");
            Set<String> codes = new HashSet<>();
            for (List<String> row : rows.subList(Math.min(1, rows.size()), rows.size())) {
                if (column >= 0 && column < row.size() && !row.get(column).isBlank()) {
                    codes.add(row.get(column).trim());
                }
            }
            return Set.copyOf(codes);
        } catch (IOException | IllegalArgumentException e) { // unreadable, or cut short (a quote never closed)
            throw new IllegalStateException("cannot read the nomenclature " + file + ": " + e.getMessage(), e);
        }
    }
}
