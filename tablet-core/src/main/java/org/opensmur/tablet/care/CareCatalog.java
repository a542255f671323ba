package org.opensmur.tablet.care;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The acts and drugs a SMUR gives most, shown as large tiles on the bilan. A built-in default (common
 * French SMUR practice, no codes: no official public ACTES_SMUR list exists) that a SMUR replaces with its
 * own file ({@value #FILE}: its acts with their codes, its drugs with the doses, units and routes it uses).
 *
 * @param source what the list is (the SMUR's name and version, or "défaut")
 */
public record CareCatalog(String source, List<Act> acts, List<Drug> drugs) {

    /** The file a SMUR installs in the tablet's data folder to replace the default. */
    public static final String FILE = "actes-medicaments.json";

    /** An act's tile: its label, and its code in the SMUR's ACTES_SMUR list when it has one (null otherwise). */
    public record Act(String label, String code) {
    }

    /** A drug's tile: its name, the doses offered first, the units and the routes (the first of each preselected). */
    public record Drug(String name, List<String> doses, List<String> units, List<String> routes) {
        public Drug {
            doses = List.copyOf(doses);
            units = List.copyOf(units);
            routes = List.copyOf(routes);
        }
    }

    public CareCatalog {
        acts = List.copyOf(acts);
        drugs = List.copyOf(drugs);
    }

    /** Routes a drug may take when the list does not say. */
    public static final List<String> ROUTES = List.of("IV", "IO", "IM", "SC", "PO", "IN", "Inhalée", "IR");
    /** Units a dose may take when the list does not say. */
    public static final List<String> UNITS = List.of("mg", "µg", "g", "mL", "UI", "mmol", "L/min");

    /** The built-in default: a SMUR replaces it by its own {@value #FILE}. */
    public static CareCatalog defaults() {
        List<Act> acts = List.of(new Act("Intubation", null), new Act("Massage cardiaque externe", null),
                new Act("Défibrillation", null), new Act("VVP", null), new Act("VVO", null),
                new Act("Oxygénothérapie", null), new Act("Ventilation au masque", null), new Act("Immobilisation", null),
                new Act("Collier cervical", null), new Act("Attelle", null), new Act("Pansement compressif", null),
                new Act("ECG 12 dérivations", null), new Act("Sonde gastrique", null), new Act("Pose de garrot", null));
        List<Drug> drugs = List.of(
                new Drug("Adrénaline", List.of("1", "0,5", "0,1"), List.of("mg", "µg"), List.of("IV", "IO", "IM")),
                new Drug("Amiodarone", List.of("300", "150"), List.of("mg"), List.of("IV", "IO")),
                new Drug("Morphine", List.of("2", "3", "5"), List.of("mg"), List.of("IV", "SC")),
                new Drug("Kétamine", List.of("20", "50", "100"), List.of("mg"), List.of("IV", "IN", "IM")),
                new Drug("Paracétamol", List.of("1", "500"), List.of("g", "mg"), List.of("IV", "PO")),
                new Drug("Sufentanil", List.of("5", "10"), List.of("µg"), List.of("IV")),
                new Drug("Midazolam", List.of("1", "2", "5"), List.of("mg"), List.of("IV", "IN")),
                new Drug("Étomidate", List.of("20", "30"), List.of("mg"), List.of("IV")),
                new Drug("Célocurine", List.of("100"), List.of("mg"), List.of("IV")),
                new Drug("Sérum salé 0,9 %", List.of("250", "500"), List.of("mL"), List.of("IV", "IO")),
                new Drug("Glucosé 30 %", List.of("10", "20"), List.of("mL"), List.of("IV")),
                new Drug("Salbutamol", List.of("5"), List.of("mg"), List.of("Inhalée")));
        return new CareCatalog("défaut", acts, drugs);
    }

    /**
     * The SMUR's list in {@code folder} ({@value #FILE}), or the default when there is none. A file that is
     * there but wrong is refused with the field named (the crew is not left with half a list).
     */
    public static CareCatalog in(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return defaults();
        }
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException(FILE + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * A list as a SMUR writes it:
     * {@code {"source": "SMUR X 2026-01", "acts": [{"label": "Intubation", "code": "..."}], "drugs": [{"name":
     * "Adrénaline", "doses": ["1"], "units": ["mg"], "routes": ["IV"]}]}}.
     */
    public static CareCatalog parse(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(FILE + ": not JSON (" + e.getMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(FILE + ": an object with \"acts\" and \"drugs\" is expected");
        }
        List<Act> acts = new ArrayList<>();
        JsonNode actList = root.path("acts");
        if (!actList.isArray()) {
            throw new IllegalArgumentException(FILE + ": acts: a list is expected");
        }
        for (int i = 0; i < actList.size(); i++) {
            JsonNode act = actList.get(i);
            acts.add(new Act(text(act, "label", "acts[" + i + "].label", true), text(act, "code", "acts[" + i + "].code", false)));
        }
        List<Drug> drugs = new ArrayList<>();
        JsonNode drugList = root.path("drugs");
        if (!drugList.isArray()) {
            throw new IllegalArgumentException(FILE + ": drugs: a list is expected");
        }
        for (int i = 0; i < drugList.size(); i++) {
            JsonNode drug = drugList.get(i);
            String at = "drugs[" + i + "]";
            drugs.add(new Drug(text(drug, "name", at + ".name", true), words(drug, "doses", at, List.of()),
                    words(drug, "units", at, UNITS), words(drug, "routes", at, ROUTES)));
        }
        String source = root.path("source").isTextual() ? root.path("source").asText().strip() : "";
        return new CareCatalog(source.isEmpty() ? FILE : source, acts, drugs);
    }

    private static String text(JsonNode node, String field, String path, boolean required) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new IllegalArgumentException(FILE + ": " + path + ": missing");
            }
            return null;
        }
        if (!value.isTextual() || (required && value.asText().isBlank())) {
            throw new IllegalArgumentException(FILE + ": " + path + ": a text is expected");
        }
        return value.asText().isBlank() ? null : value.asText().strip();
    }

    private static List<String> words(JsonNode node, String field, String at, List<String> otherwise) {
        JsonNode list = node.get(field);
        if (list == null || list.isNull()) {
            return otherwise;
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException(FILE + ": " + at + "." + field + ": a list is expected");
        }
        List<String> words = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isTextual() || list.get(i).asText().isBlank()) {
                throw new IllegalArgumentException(FILE + ": " + at + "." + field + "[" + i + "]: a text is expected");
            }
            words.add(list.get(i).asText().strip());
        }
        return words.isEmpty() ? otherwise : words;
    }
}
