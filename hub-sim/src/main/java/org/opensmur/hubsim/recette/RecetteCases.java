package org.opensmur.hubsim.recette;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Test-case files in the official format (the ANS test LRM's {@code test-cases/*.json}: categories, their test
 * cases, each a list of steps), and the cases derived from them, still in that format.
 */
public final class RecetteCases {

    /**
     * Périmètre 1 of the 15-SMUR link, the flow the pilots deploy first: the SAMU shares its case (RS-EDA,
     * RS-EDA-MAJ) and sends no engagement request; the SMUR sends document links (RS-URL) and the RPIS.
     */
    public static final Set<String> PERIMETRE_1 = Set.of("RS-EDA", "RS-EDA-MAJ", "RS-URL", "RS-RPIS");

    private RecetteCases() {
    }

    /**
     * The périmètre-1 version of each official case: its steps of the périmètre-1 types, in their order, with
     * their official examples and ignored properties unchanged (nothing written here: steps are only left out).
     * A case with no such step is left out; each label says it is the périmètre-1 play of the official case.
     */
    public static ArrayNode perimetre1(JsonNode cases) {
        ArrayNode categories = JsonNodeFactory.instance.arrayNode();
        for (JsonNode category : cases) {
            ObjectNode kept = category.deepCopy();
            ArrayNode testCases = kept.putArray("testCases");
            for (JsonNode testCase : category.path("testCases")) {
                ObjectNode copy = testCase.deepCopy();
                ArrayNode steps = copy.putArray("steps");
                testCase.path("steps").forEach(step -> {
                    if (PERIMETRE_1.contains(step.path("model").asText())) {
                        steps.add(step.deepCopy());
                    }
                });
                boolean sends = false;
                for (JsonNode step : steps) {
                    sends |= step.path("type").asText().equals("send");
                }
                if (sends) {
                    copy.put("label", "Périmètre 1 (partage de dossier, sans RS-ER) : " + testCase.path("label").asText());
                    testCases.add(copy);
                }
            }
            if (!testCases.isEmpty()) {
                categories.add(kept);
            }
        }
        return categories;
    }
}
