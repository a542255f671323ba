package org.opensmur.core.nomenclature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One coded list as a SAMU installs it: its codes with their labels (the Hub's levels, broadest first) and
 * description, the list it is ({@link NomenclatureList}), where it came from ({@code source}) and its
 * {@code version} (the SHA-256 of the file as installed, first 12 hex digits, unless the list is built in).
 * Read from the Hub's own CSV shape ({@code HubSante.*.csv}: an index column, {@code code}, {@code label_n1}…
 * or {@code Libellé niveau 2}…, {@code description}, {@code commentaire}); a SAMU's list for one without an
 * official file is written the same way.
 */
public record Nomenclature(NomenclatureList list, String version, String source, List<Entry> entries) {

    /** One code: its labels from the broadest level down (empty levels left out) and its description. */
    public record Entry(String code, List<String> labels, String description) {

        /** The code's own label: its narrowest level ("Malaise avec PC"). */
        public String label() {
            return labels.isEmpty() ? code : labels.get(labels.size() - 1);
        }
    }

    public Nomenclature {
        entries = List.copyOf(entries);
    }

    /** The entry of {@code code}, if the list has it (codes compared as written, trimmed). */
    public Optional<Entry> entry(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip();
        return entries.stream().filter(e -> e.code().equals(wanted)).findFirst();
    }

    public Set<String> codes() {
        Set<String> codes = new java.util.LinkedHashSet<>();
        entries.forEach(e -> codes.add(e.code()));
        return codes;
    }

    /**
     * Reads a file in the Hub's shape and checks it: a {@code code} column and at least one label column in the
     * header, every row as wide as the header, every code present, unique, and of the form the model asks for
     * that list ({@link NomenclatureList#pattern}), every code with a label. The first problem is the answer.
     */
    public static Nomenclature parse(NomenclatureList list, String text, String source) throws NomenclatureException {
        List<List<String>> rows;
        try {
            rows = Csv.rows(text);
        } catch (IllegalArgumentException e) {
            throw new NomenclatureException(e.getMessage());
        }
        rows.removeIf(r -> r.stream().allMatch(String::isBlank));
        if (rows.isEmpty()) {
            throw new NomenclatureException("empty file: a header (code, label_n1, …) and one row per code are expected");
        }
        List<String> header = rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int code = header.indexOf("code");
        if (code < 0) {
            throw new NomenclatureException("line 1: no 'code' column in the header " + rows.get(0));
        }
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).startsWith("label") || header.get(i).startsWith("libellé") || header.get(i).startsWith("libelle")) {
                labels.add(i);
            }
        }
        if (labels.isEmpty()) {
            throw new NomenclatureException("line 1: no label column (label_n1, …) in the header " + rows.get(0));
        }
        int description = header.indexOf("description");
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (int n = 1; n < rows.size(); n++) {
            List<String> row = rows.get(n);
            String where = "row " + n + " (after the header)";
            if (row.size() != header.size()) {
                throw new NomenclatureException(where + ": " + row.size() + " cells where the header has " + header.size());
            }
            String value = row.get(code).strip();
            if (value.isEmpty()) {
                throw new NomenclatureException(where + ": no code");
            }
            if (!list.pattern().matcher(value).matches()) {
                throw new NomenclatureException(where + ": code " + value + " is not of the form the model asks for "
                        + list.id() + " (" + list.pattern().pattern() + ")");
            }
            List<String> words = labels.stream().map(row::get).map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (words.isEmpty()) {
                throw new NomenclatureException(where + ": code " + value + " has no label");
            }
            if (entries.put(value, new Entry(value, words, description < 0 ? "" : row.get(description).strip())) != null) {
                throw new NomenclatureException(where + ": code " + value + " appears twice");
            }
        }
        if (entries.isEmpty()) {
            throw new NomenclatureException("no code in the file (only a header)");
        }
        return new Nomenclature(list, digest(text), source, new ArrayList<>(entries.values()));
    }

    /** The first 12 hex digits of the SHA-256 of {@code text} (UTF-8): the version an installed list is known by. */
    public static String digest(String text) {
        try {
            byte[] sum = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sum).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
