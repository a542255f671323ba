package org.opensmur.core.hub.validation;

import org.opensmur.core.hub.model.CodeList;
import org.opensmur.core.hub.model.HubPattern;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.hub.validation.Rule.Field;
import org.opensmur.core.hub.validation.Rule.StringRule;

/**
 * What model 2.0 (vhost {@code 15-smur_v1.6}) does differently from the current line, as deltas on the
 * rules compiled from the records, and its wire shape. Read off a diff of the official 2.0 and 3.x schemas;
 * every delta is checked against the official 2.0 schema by the differential test.
 */
final class Model2 {

    private Model2() {
    }

    /** Code lists 2.0 closes where 3.x has a pattern or another list (resource {@code model-2.0-codes.txt}). */
    private static final Map<String, Set<String>> CODES = readCodes();

    static ModelLine from(ModelLine compiled) {
        ModelLine line = compiled.withEveryRule(Model2::older);
        // Fields that 2.0 has otherwise (those it lacks or only it has are marked @OnlyIn on the records).
        line = line.withField("2.0", MessageType.RS_URL, "caseId", f -> f.withRule(StringRule.ANY));
        line = line.withField("2.0", MessageType.RS_BPV, "patient.patientId", f -> f.withRule(StringRule.ANY));
        line = line.withField("2.0", MessageType.RS_BPV, "evaluation.associatedDiagnosis", f -> f.withRule(StringRule.ANY));
        line = line.withField("2.0", MessageType.RS_ER, "resource.vehicleType", f -> new Field(f.name(), false, f.rule()));
        line = line.withField("2.0", MessageType.RS_RPIS, "context.orgId", f -> f.withRule(new StringRule(HubPattern.ORG_ID_V2, null, null)));
        line = line.withField("2.0", MessageType.GEO_POS, "position.coord", f -> f.withRule(new Rule.ArrayRule(f.rule(), 1, Integer.MAX_VALUE)));
        line = line.withField("2.0", MessageType.GEO_POS, "position.cap", f -> f.withRule(StringRule.ANY));
        return line;
    }

    /** One rule as 2.0 has it: its identifier patterns, and closed lists where 3.x has patterns. */
    private static Rule older(Rule rule) {
        if (!(rule instanceof StringRule string)) {
            return rule;
        }
        if (string.pattern() != null) {
            return switch (string.pattern()) {
                case CASE_ID -> new StringRule(HubPattern.CASE_ID_V2, null, null);
                case OWNER_ID -> new StringRule(HubPattern.OWNER_ID_V2, null, null);
                case RESOURCE_ID -> new StringRule(HubPattern.RESOURCE_ID_V2, null, null);
                case PATIENT_ID -> new StringRule(HubPattern.PATIENT_ID_V2, null, null);
                case REQUEST_ID -> new StringRule(HubPattern.REQUEST_ID_V2, null, null);
                case NOTE_ID -> new StringRule(HubPattern.NOTE_ID_V2, null, null);
                case WHATS_HAPPEN_CODE -> codes("WHATS_HAPPEN", "what happened code (model 2.0)");
                case LOCATION_KIND_CODE -> codes("LOCATION_KIND", "location kind code (model 2.0)");
                case HEALTH_MOTIVE_CODE -> codes("HEALTH_MOTIVE", "health motive code (model 2.0)");
                case RISK_CODE -> codes("RISK_THREAT", "risk code (model 2.0)");
                default -> rule;
            };
        }
        if (string.codes() != null) {
            if (string.codes().equals(CodeList.ORIGIN.codes())) {
                return codes("ORIGIN", CodeList.ORIGIN.meaning() + " (model 2.0)");
            }
            if (string.codes().equals(CodeList.CHANNEL.codes())) {
                return codes("CHANNEL", CodeList.CHANNEL.meaning() + " (model 2.0)");
            }
            if (string.codes().equals(CodeList.ATTRIBUTION.codes())) {
                return codes("ATTRIBUTION", CodeList.ATTRIBUTION.meaning() + " (model 2.0)");
            }
            if (string.codes().equals(CodeList.RESOURCE_TYPE.codes())) {
                return codes("RESOURCE_TYPE", CodeList.RESOURCE_TYPE.meaning() + " (model 2.0)");
            }
        }
        return rule;
    }

    private static StringRule codes(String list, String meaning) {
        Set<String> codes = CODES.get(list);
        if (codes == null) {
            throw new IllegalStateException("no model 2.0 code list " + list);
        }
        return new StringRule(null, codes, meaning);
    }

    private static Map<String, Set<String>> readCodes() {
        Map<String, Set<String>> lists = new HashMap<>();
        try (InputStream in = Model2.class.getResourceAsStream("model-2.0-codes.txt")) {
            if (in == null) {
                throw new IllegalStateException("model-2.0-codes.txt is missing from the build");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int eq = line.indexOf('=');
                lists.put(line.substring(0, eq), java.util.Collections.unmodifiableSet(
                        new LinkedHashSet<>(Arrays.asList(line.substring(eq + 1).split("\\|", -1)))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lists;
    }

    /** Where 2.0 writes a payload otherwise than the records do. */
    static final WireForm WIRE = new WireForm() {
        @Override
        public ObjectNode toWire(MessageType type, ObjectNode payload) {
            switch (type) {
                case GEO_POS -> forEach(payload.get("position"), position -> {
                    JsonNode coord = position.get("coord");
                    if (coord != null && coord.isObject()) {
                        position.putArray("coord").add(coord); // 2.0: a list of one point
                    }
                    JsonNode cap = position.get("cap");
                    if (cap != null && cap.isNumber()) {
                        position.put("cap", cap.decimalValue().stripTrailingZeros().toPlainString()); // 2.0: text
                    }
                });
                case RC_REF -> payload.remove("step"); // 2.0 has no step: one RC-REF means "received"
                case RS_RPIS -> spelled(payload.path("orientation").get("decision"), "resourceType", "TSU", "TSU ");
                case RS_EDA, RS_EDA_MAJ -> forEach(payload.get("decision"), d -> spelled(d, "resourceType", "TSU", "TSU "));
                case GEO_RES -> forEach(payload.get("resource"), r -> spelled(r, "mobility", "SHIP", "SHIP "));
                case RS_BPV -> {
                    JsonNode evaluation = payload.get("evaluation");
                    JsonNode associated = evaluation == null ? null : evaluation.get("associatedDiagnosis");
                    if (associated != null && associated.isArray()) {
                        java.util.List<String> codes = new java.util.ArrayList<>();
                        associated.forEach(c -> codes.add(c.asText()));
                        ((ObjectNode) evaluation).put("associatedDiagnosis", String.join(", ", codes)); // 2.0: one text
                    }
                }
                default -> { }
            }
            return payload;
        }

        @Override
        public ObjectNode fromWire(MessageType type, ObjectNode payload) {
            switch (type) {
                case GEO_POS -> forEach(payload.get("position"), position -> {
                    JsonNode coord = position.get("coord");
                    if (coord != null && coord.isArray() && !coord.isEmpty()) {
                        position.set("coord", coord.get(0));
                    }
                    JsonNode cap = position.get("cap");
                    if (cap != null && cap.isTextual()) {
                        try {
                            position.put("cap", new BigDecimal(cap.textValue().strip()));
                        } catch (NumberFormatException e) {
                            position.remove("cap"); // a heading in words: not a number of degrees
                        }
                    }
                });
                case RS_RPIS -> spelled(payload.path("orientation").get("decision"), "resourceType", "TSU ", "TSU");
                case GEO_RES -> forEach(payload.get("resource"), r -> spelled(r, "mobility", "SHIP ", "SHIP"));
                case RS_EDA, RS_EDA_MAJ -> forEach(payload.get("decision"), d -> spelled(d, "resourceType", "TSU ", "TSU"));
                case RS_BPV -> {
                    JsonNode evaluation = payload.get("evaluation");
                    JsonNode associated = evaluation == null ? null : evaluation.get("associatedDiagnosis");
                    if (associated != null && associated.isTextual()) {
                        ((ObjectNode) evaluation).putArray("associatedDiagnosis").add(associated.textValue());
                    }
                }
                default -> { }
            }
            return payload;
        }

        /**
         * 2.0's schemas spell a few codes with a trailing space ("TSU " for the private ambulances' resource type,
         * "SHIP " for a ship's mobility) where the Hub's lists and model 3 say "TSU" and "SHIP": the records speak the
         * lists' code, the wire the line's spelling, so a Hub validating 2.0 accepts what a crew picks from the list.
         */
        private void spelled(JsonNode object, String field, String from, String to) {
            if (object instanceof ObjectNode o && o.get(field) != null && from.equals(o.get(field).asText())) {
                o.put(field, to);
            }
        }

        private void forEach(JsonNode array, java.util.function.Consumer<ObjectNode> action) {
            if (array instanceof ArrayNode items) {
                items.forEach(item -> {
                    if (item instanceof ObjectNode object) {
                        action.accept(object);
                    }
                });
            }
        }
    };
}
