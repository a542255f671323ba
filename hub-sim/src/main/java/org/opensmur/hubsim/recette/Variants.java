package org.opensmur.hubsim.recette;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.opensmur.core.bilan.VitalSign;

/**
 * Variants of the official test cases, in their official format: each send step's expected example with other
 * values for what the crew enters or picks (the properties {@code coverage.tsv} says come from the screens),
 * drawn from the official schema of the line (its code lists, its types) and at its edges (long texts, accents
 * and apostrophes, several items where the schema takes a list, a further state beside DECISION). Each expected
 * message is checked against the official schema of its line (networknt, as the Hub validates); a draw the
 * schema refuses is drawn again, and after ten refusals the official value stays. Receive steps keep the official
 * example (the SAMU's content is not the crew's to enter), except where the SAMU echoes what the crew told it
 * earlier in the case (a text of four characters or more the variant changed: the vehicle's name, its type...).
 * Written as a corpus folder ({@code test-cases/} and
 * {@code examples/<model>/}) the recette plays like the official one.
 */
public final class Variants {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Words to draw free text from: accents, apostrophes, hyphens, as crews write. */
    private static final List<String> WORDS = List.of("Équipe", "SMUR", "Nord", "Côte", "d'Armor", "Saint-Étienne", "réanimation",
            "Hélène", "François", "Zoé", "L'Haÿ-les-Roses", "Brest", "Grâce", "Noël", "garde", "nuit", "Œuvre", "ÂGE", "çà");
    private static final List<String> NAMES = List.of("Éric AZERTY", "Marie-Jo ANELI", "Pierre LOUITUT", "Zoé N'DIAYE",
            "Jean-Noël D'ORMESSON", "Anaïs LE GOFF", "Loïc ÇAKIR", "Ève O'BRIEN");
    private static final List<String> PROCEDURES = List.of("Intubation orotrachéale", "Voie veineuse périphérique",
            "Oxygénothérapie au masque haute concentration", "Immobilisation du rachis", "Électrocardiogramme 12 dérivations",
            "Massage cardiaque externe", "Pose d'attelle", "Analgésie par morphine titrée");

    /**
     * Properties the official schema types as free text (or as a code list the tablet draws elsewhere) whose value
     * the DSF gives as a code, a date, an identifier or a vital sign: not drawn, the official value stays. The RS-RI's
     * states are drawn as a whole ({@link #moreStates}); its contact type is the tablet's (TEL, with the shift's
     * phone); a patient is picked from the case's; the RS-BPV's vital signs are drawn as a series ({@link #vitals}).
     */
    static final Set<String> KEPT = Set.of("RS-RI resource[].state[].status", "RS-RI resource[].state[].availability",
            "RS-RI resource[].contact.type", "RS-RPIS patient.patientId",
            "RS-URL document[].documentType", "RS-BPV patient.birthDate", "RS-BPV patient.age", "RS-BPV evaluation.mainDiagnosis",
            "RS-BPV evaluation.parameter[].type", "RS-BPV evaluation.parameter[].value", "RS-BPV evaluation.parameter[].precision",
            "RS-BPV redactor.role", "RS-RPIS patient.birthDate", "RS-RPIS intervention.mainDiagnosis", "RS-RPIS orientation.type",
            "RS-RPIS orientation.destination.destinationCategory", "RS-RPIS orientation.destination.healthcareType",
            "RS-RPIS orientation.destination.finess", "RS-RPIS context.ressourceFinessLegal", "RS-RPIS context.ressourceFinessGeo",
            "RS-RPIS context.ressourceStructure");

    /** What was generated: the cases file and how many values were drawn, and how many kept (refused ten times). */
    public record Written(Path cases, int variants, int drawn, int kept) {
    }

    private final Random random;
    private final Path officialRoot;
    private final Map<String, JsonSchema> schemas = new HashMap<>();
    private final Set<String> fromScreens;
    private int drawn;
    private int kept;

    private Variants(Path officialRoot, long seed) {
        this.officialRoot = officialRoot;
        this.random = new Random(seed);
        Set<String> paths = new java.util.HashSet<>();
        for (Coverage.Entry e : Coverage.table()) {
            if (e.source() == Coverage.Source.ENTERED || e.source() == Coverage.Source.PICKED || e.source() == Coverage.Source.SHIFT) {
                paths.add(e.type() + " " + e.path());
            }
        }
        this.fromScreens = paths;
    }

    /**
     * Writes {@code count} variants of each case of {@code casesFile} into {@code out}.
     *
     * @param officialRoot the line's official corpus ({@code hub-conformance} or {@code hub-conformance-v2})
     */
    public static Written write(Path officialRoot, Path casesFile, int count, long seed, Path out) {
        Variants v = new Variants(officialRoot, seed);
        try {
            JsonNode official = JSON.readTree(casesFile.toFile());
            ArrayNode categories = JSON.createArrayNode();
            for (JsonNode category : official) {
                ObjectNode copy = category.deepCopy();
                ArrayNode cases = copy.putArray("testCases");
                for (int i = 1; i <= count; i++) {
                    for (JsonNode testCase : category.path("testCases")) {
                        cases.add(v.variant(testCase, i, count, seed, out));
                    }
                }
                categories.add(copy);
            }
            Path cases = out.resolve("test-cases").resolve("variants.json");
            Files.createDirectories(cases.getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(cases.toFile(), categories);
            return new Written(cases, count, v.drawn, v.kept);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode variant(JsonNode testCase, int index, int count, long seed, Path out) throws IOException {
        ObjectNode copy = testCase.deepCopy();
        copy.put("label", "Variante " + index + "/" + count + " (graine " + seed + ") : " + testCase.path("label").asText());
        Map<String, String> said = new HashMap<>(); // what the crew said otherwise, official value -> the variant's
        for (JsonNode step : copy.path("steps")) {
            String model = step.path("model").asText();
            String file = step.path("file").asText();
            JsonNode example = JSON.readTree(officialRoot.resolve("examples").resolve(model).resolve(file).toFile());
            JsonNode varied;
            if (step.path("type").asText().equals("send")) {
                varied = vary(model, example);
                changes(example, varied, said);
            } else {
                // The SAMU echoes what the crew told it (the resource's name, team...): a later receive step says it as the
                // crew said it in this variant, or stays official when the echo would break the line's schema.
                JsonNode echoed = echo(example, said);
                if (echoed.equals(example) || !valid(model, echoed)) {
                    continue;
                }
                varied = echoed;
            }
            String name = "V" + index + "_" + file;
            Path target = out.resolve("examples").resolve(model).resolve(name);
            Files.createDirectories(target.getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(target.toFile(), varied);
            ((ObjectNode) step).put("file", name);
        }
        return copy;
    }

    /** The example with other values for what the crew enters, each draw valid against the line's official schema. */
    JsonNode vary(String model, JsonNode example) {
        ObjectNode result = example.deepCopy();
        String key = result.fieldNames().next();
        JsonNode schemaRoot = schemaTree(model);
        List<String[]> leaves = new ArrayList<>();
        collect(schemaRoot, schemaRoot, "", result.get(key), leaves);
        for (String[] leaf : leaves) {
            String path = leaf[0];
            String general = model + " " + path.replaceAll("\\[\\d+]", "[]");
            if (!fromScreens.contains(general) || KEPT.contains(general) || general.endsWith("Id")) { // an identifier is picked, never drawn
                continue;
            }
            boolean done = false;
            boolean drawable = true;
            for (int attempt = 0; attempt < 10 && !done && drawable; attempt++) {
                ObjectNode trial = result.deepCopy();
                drawable = draw(model, schemaRoot, trial.get(key), path); // false: a pattern, an instant: the official value stays
                if (!drawable) {
                    break;
                }
                if (valid(model, trial)) {
                    result = trial;
                    drawn++;
                    done = true;
                }
            }
            if (!done && drawable) {
                kept++;
            }
        }
        moreStates(model, result.get(key));
        for (int attempt = 0; attempt < 10; attempt++) {
            ObjectNode trial = result.deepCopy();
            if (!vitals(model, schemaRoot, trial.get(key))) {
                break;
            }
            if (valid(model, trial)) {
                result = trial;
                drawn++;
                break;
            }
        }
        return result;
    }

    /** What a crew writes beside a vital (model 3 sends it as the vital's precision). */
    private static final List<String> PRECISIONS = List.of("sous O2 3 L/min", "bras gauche", "au repos", "après remplissage",
            "à l'effort", "en air ambiant");

    /**
     * RS-BPV: a series of vital signs as a crew writes them: some of the line's types (its schema's
     * {@code parameter.type} codes), in the order the bilan sends them, each value in one of the ways the clinic
     * writes it (a number, at the edges of what a body can show too, a span, the unit typed after it, the words a
     * monitor or a crew writes instead), and now and then a precision where the line has one (not Glasgow's: its
     * precision is its E, V and M). False when the example has no evaluation.
     */
    private boolean vitals(String model, JsonNode root, JsonNode payload) {
        if (!model.equals("RS-BPV") || !payload.path("evaluation").isObject()) {
            return false;
        }
        JsonNode evaluation = resolve(root, resolve(root, root).path("properties").path("evaluation"));
        JsonNode parameter = resolve(root, resolve(root, evaluation.path("properties").path("parameter")).path("items"));
        Set<String> types = new java.util.HashSet<>();
        resolve(root, parameter.path("properties").path("type")).path("enum").forEach(t -> types.add(t.asText()));
        boolean precise = parameter.path("properties").has("precision");
        ArrayNode series = JSON.createArrayNode();
        List<VitalSign> line = java.util.Arrays.stream(VitalSign.values()).filter(v -> types.contains(v.code())).toList();
        for (VitalSign sign : line) {
            if (random.nextInt(3) == 0) {
                continue; // about two in three taken
            }
            ObjectNode one = series.addObject();
            one.put("type", sign.code());
            one.put("value", written(sign));
            if (precise && sign != VitalSign.GLASGOW && random.nextInt(4) == 0) {
                one.put("precision", PRECISIONS.get(random.nextInt(PRECISIONS.size())));
            }
        }
        if (series.isEmpty() && !line.isEmpty()) {
            VitalSign sign = line.get(random.nextInt(line.size()));
            series.addObject().put("type", sign.code()).put("value", written(sign));
        }
        ((ObjectNode) payload.get("evaluation")).set("parameter", series);
        return true;
    }

    /** One vital's value as the clinic writes it (what the bilan's keypad accepts and sends as typed). */
    private String written(VitalSign sign) {
        int form = random.nextInt(10);
        String unit;
        String value;
        switch (sign) {
            case HEART_RATE -> {
                value = form == 0 ? "imprenable" : form < 3 ? span(40, 180) : String.valueOf(edge(0, 300, 40, 180));
                unit = pick(List.of("", "/mn", "/min", " bpm"), 1).get(0);
            }
            case BLOOD_PRESSURE -> {
                int systolic = 70 + random.nextInt(171);
                value = switch (form) {
                    case 0 -> "imprenable";
                    case 1 -> "0";
                    case 2, 3 -> String.valueOf(60 + random.nextInt(191)); // the systolic alone, by palpation
                    case 4 -> span(60, 200);
                    default -> systolic + "/" + (30 + random.nextInt(Math.min(systolic - 39, 171))); // diastolic under it, at most 200
                };
                unit = random.nextInt(4) == 0 ? " mmHg" : "";
            }
            case OXYGEN_SATURATION -> {
                value = form == 0 ? "imprenable" : String.valueOf(edge(0, 100, 70, 100));
                unit = pick(List.of("", "%", " %"), 1).get(0);
            }
            case RESPIRATORY_RATE -> {
                value = form == 0 ? "imprenable" : form < 3 ? span(8, 40) : String.valueOf(edge(0, 80, 8, 40));
                unit = pick(List.of("", "/mn", "/min", " c/min"), 1).get(0);
            }
            case TEMPERATURE -> {
                value = form == 0 ? pick(List.of("HI", "LO", "imprenable"), 1).get(0)
                        : form == 1 ? pick(List.of("10", "45"), 1).get(0) : (340 + random.nextInt(80)) / 10 + "." + random.nextInt(10);
                unit = pick(List.of("", " °C", "°C"), 1).get(0);
            }
            case BLOOD_GLUCOSE -> {
                value = form == 0 ? pick(List.of("HI", "LO"), 1).get(0)
                        : form == 1 ? pick(List.of("0", "30"), 1).get(0) : "0." + (20 + random.nextInt(80)) + "";
                if (form > 6) {
                    value = "1." + String.format("%02d", random.nextInt(100));
                }
                unit = pick(List.of("", " g/L", "g/l"), 1).get(0);
            }
            case GLASGOW -> {
                value = form == 0 ? "imprenable" : String.valueOf(edge(3, 15, 3, 15));
                unit = random.nextBoolean() ? "/15" : "";
            }
            default -> throw new IllegalStateException(sign.toString());
        }
        return value.chars().allMatch(Character::isLetter) ? value : value + unit; // words take no unit
    }

    /** Now and then a bound of what a body can show, else a usual value. */
    private int edge(int min, int max, int usualLow, int usualHigh) {
        return switch (random.nextInt(8)) {
            case 0 -> min;
            case 1 -> max;
            default -> usualLow + random.nextInt(usualHigh - usualLow + 1);
        };
    }

    /** A reading that varied, low to high ("80-110"). */
    private String span(int low, int high) {
        int a = low + random.nextInt(high - low - 5);
        return a + "-" + (a + 5 + random.nextInt(high - a - 4));
    }

    /** Each text the variant changed (leaves at the same place), official value to the variant's. */
    private static void changes(JsonNode official, JsonNode varied, Map<String, String> said) {
        if (official.isObject() && varied.isObject()) {
            official.fields().forEachRemaining(f -> changes(f.getValue(), varied.path(f.getKey()), said));
        } else if (official.isArray() && varied.isArray()) {
            for (int i = 0; i < Math.min(official.size(), varied.size()); i++) {
                changes(official.get(i), varied.get(i), said);
            }
        } else if (official.isTextual() && varied.isTextual() && !official.equals(varied) && official.asText().length() >= 4) {
            said.putIfAbsent(official.asText(), varied.asText());
        }
    }

    /** {@code example} with each text equal to an official value the crew said otherwise replaced by the variant's. */
    private static JsonNode echo(JsonNode example, Map<String, String> said) {
        if (example.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            example.fields().forEachRemaining(f -> copy.set(f.getKey(), echo(f.getValue(), said)));
            return copy;
        }
        if (example.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            example.forEach(item -> copy.add(echo(item, said)));
            return copy;
        }
        return example.isTextual() && said.containsKey(example.asText()) ? JSON.getNodeFactory().textNode(said.get(example.asText())) : example;
    }

    /** RS-RI: a reply that says only DECISION also says it was triggered (DECLENCHE) a few minutes later, newest first. */
    private void moreStates(String model, JsonNode payload) {
        if (!model.equals("RS-RI") || !random.nextBoolean()) {
            return;
        }
        for (JsonNode resource : payload.path("resource")) {
            ArrayNode states = (ArrayNode) resource.get("state");
            if (states != null && states.size() == 1 && states.get(0).path("status").asText().equals("DECISION")) {
                ObjectNode triggered = JSON.createObjectNode();
                triggered.put("datetime", OffsetDateTime.parse(states.get(0).path("datetime").asText()).plusMinutes(1 + random.nextInt(5)).toString()
                        .replaceFirst("(T\\d{2}:\\d{2})([+-])", "$1:00$2"));
                triggered.put("status", "DECLENCHE");
                triggered.put("availability", false);
                states.insert(0, triggered);
            }
        }
    }

    /** Every leaf of the payload with a value, as {path, schema pointer}. */
    private void collect(JsonNode root, JsonNode schema, String path, JsonNode value, List<String[]> leaves) {
        JsonNode node = resolve(root, schema);
        if (node.has("properties") && value != null && value.isObject()) {
            node.get("properties").fields().forEachRemaining(f -> {
                if (value.has(f.getKey())) {
                    collect(root, f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), value.get(f.getKey()), leaves);
                }
            });
        } else if ("array".equals(node.path("type").asText()) && value != null && value.isArray()) {
            JsonNode items = resolve(root, node.path("items"));
            if (items.has("properties")) {
                for (int i = 0; i < value.size(); i++) {
                    collect(root, items, path + "[" + i + "]", value.get(i), leaves);
                }
            } else {
                leaves.add(new String[] {path + "[]"}); // a list of values: drawn as a whole
            }
        } else if (value != null && value.isValueNode()) {
            leaves.add(new String[] {path});
        }
    }

    /** Draws a new value at {@code path}; false when the schema gives nothing to draw from. */
    private boolean draw(String model, JsonNode root, JsonNode payload, String path) {
        String[] parts = path.split("\\.");
        JsonNode parent = payload;
        JsonNode schema = root;
        for (int i = 0; i < parts.length - 1; i++) {
            String part = parts[i];
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            parent = parent.get(name);
            schema = resolve(root, resolve(root, schema).path("properties").path(name));
            if (bracket >= 0) {
                parent = parent.get(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
                schema = resolve(root, schema.path("items"));
            }
        }
        String last = parts[parts.length - 1];
        boolean list = last.endsWith("[]");
        String name = list ? last.substring(0, last.length() - 2) : last;
        JsonNode node = resolve(root, resolve(root, schema).path("properties").path(name));
        if (list) {
            JsonNode items = resolve(root, node.path("items"));
            if (!"string".equals(items.path("type").asText()) || items.has("pattern") || items.has("enum")) {
                return false;
            }
            ArrayNode values = JSON.createArrayNode();
            if (model.equals("RS-RI")) { // the crew, on one line as the official replies write it
                values.add(String.join(", ", pick(NAMES, 1 + random.nextInt(4))));
            } else {
                pick(model.equals("RS-BPV") && name.equals("procedure") ? PROCEDURES : WORDS, 1 + random.nextInt(4)).forEach(values::add);
            }
            ((ObjectNode) parent).set(name, values);
            return true;
        }
        JsonNode value = text(node, name);
        if (value == null) {
            return false;
        }
        ((ObjectNode) parent).set(name, value);
        return true;
    }

    /** A value of the schema's kind: one of its codes, a boolean, a number at or inside its bounds, free text (sometimes long). */
    private JsonNode text(JsonNode node, String name) {
        if (node.has("enum")) {
            JsonNode codes = node.get("enum");
            return codes.get(random.nextInt(codes.size()));
        }
        String type = node.path("type").asText();
        if (type.equals("boolean")) {
            return JSON.getNodeFactory().booleanNode(random.nextBoolean());
        }
        if (node.has("pattern") || node.has("format")) {
            return null; // codes and instants of a pattern: the official value stays (instants are the crew's acts anyway)
        }
        if (type.equals("integer")) {
            return null; // no bounds in the official schemas: what a screen accepts is its own rule (kept)
        }
        if (!type.equals("string")) {
            return null;
        }
        if (name.equals("url")) {
            return JSON.getNodeFactory().textNode("https://documents.smur.example.org/" + Long.toHexString(random.nextLong() & 0xffffffffL)
                    + "/" + String.join("-", pick(List.of("bilan", "ecg", "photo", "scene", "plaie"), 2)) + ".pdf");
        }
        if (name.equals("code")) {
            return JSON.getNodeFactory().textNode(Long.toString(random.nextLong() & 0xffffffffffL, 36).toUpperCase(java.util.Locale.ROOT));
        }
        if (name.equals("details")) { // a phone: ten digits
            return JSON.getNodeFactory().textNode("0" + (6 + random.nextInt(2)) + String.format("%08d", random.nextInt(100_000_000)));
        }
        int words = random.nextInt(8) == 0 ? 24 : 1 + random.nextInt(3); // now and then a long one: the edge of a screen's field
        return JSON.getNodeFactory().textNode(String.join(" ", pick(WORDS, words)));
    }

    private List<String> pick(List<String> from, int count) {
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            picked.add(from.get(random.nextInt(from.size())));
        }
        return picked;
    }

    private static JsonNode resolve(JsonNode root, JsonNode node) {
        JsonNode at = node;
        for (int i = 0; at.has("$ref") && i < 20; i++) {
            at = root.at(at.get("$ref").asText().substring(1));
        }
        return at;
    }

    private JsonNode schemaTree(String model) {
        try {
            return JSON.readTree(officialRoot.resolve("schemas").resolve(model + ".schema.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the wrapped payload passes the official schema of its type (networknt, draft 7, as the Hub). */
    boolean valid(String model, JsonNode wrapped) {
        JsonSchema schema = schemas.computeIfAbsent(model, m -> {
            try (InputStream in = Files.newInputStream(officialRoot.resolve("schemas").resolve(m + ".schema.json"))) {
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Set<ValidationMessage> errors = schema.validate(wrapped.elements().next());
        return errors.isEmpty();
    }
}
