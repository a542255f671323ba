package org.opensmur.hubsim.recette;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test LRM's comparison: a missing value, a different value, an ignored path, an approximate instant. */
class ExpectedComparisonTest {

    private final ObjectMapper json = new ObjectMapper();

    private static final String EXPECTED = """
            {"resourcesInfo": {"caseId": "fr.health.samu440.DRFR154402413800236",
              "resource": [{"resourceId": "fr.health.samu440.resource.VLM2", "name": "VLM2", "team": {"name": "Equipe SMUR 2"},
                "datetime": "2024-05-18T18:20:00+02:00", "freetext": ["Eric AZERTY, Marie-Jo ANELI"], "weight": 36}]}}
            """;

    private JsonNode read(String text) throws Exception {
        return json.readTree(text);
    }

    @Test
    void everyExpectedValueMustBeThereExceptTheIgnoredOnesAndInstantsAreComparedByFormat() throws Exception {
        JsonNode sent = read("""
                {"resourcesInfo": {"caseId": "fr.health.samu440.DRFR154403300000001",
                  "resource": [{"resourceId": "fr.health.samu440.resource.VLM1", "name": "VLM2", "team": {"name": "Equipe SMUR 2", "medicalLevel": "MED"},
                    "datetime": "2026-11-30T10:02:11+01:00", "freetext": ["Eric AZERTY, Marie-Jo ANELI"], "weight": 36.0, "vehicleType": "SMUR.VLM"}]}}
                """);
        ExpectedComparison.Result result = ExpectedComparison.compare(read(EXPECTED), sent,
                List.of("$.resourcesInfo.caseId", "$.resourcesInfo.resource[0].resourceId"));
        assertTrue(result.passed(), result.differences().toString());
        assertEquals(List.of("$.resourcesInfo.resource[0].datetime"), result.approximate(), "the tap's own time, said as approximate");
    }

    @Test
    void aMissingValueAndADifferentValueAreEachNamedByTheirPath() throws Exception {
        JsonNode sent = read("""
                {"resourcesInfo": {"caseId": "fr.health.samu440.DRFR154402413800236",
                  "resource": [{"resourceId": "fr.health.samu440.resource.VLM2", "name": "VLM 2",
                    "datetime": "18:20", "freetext": ["Eric AZERTY, Marie-Jo ANELI"], "weight": 36}]}}
                """);
        ExpectedComparison.Result result = ExpectedComparison.compare(read(EXPECTED), sent, List.of());
        assertFalse(result.passed());
        assertEquals(List.of(
                "$.resourcesInfo.resource[0].name is \"VLM 2\", expected \"VLM2\"",
                "$.resourcesInfo.resource[0].team.name missing (expected Equipe SMUR 2)",
                "$.resourcesInfo.resource[0].datetime is \"18:20\", expected 2024-05-18T18:20:00+02:00 (an instant)"),
                result.differences().stream().map(Object::toString).toList());
    }

    @Test
    void anIgnoredPathCoversWhatIsBelowItAndAStarAnyIndex() throws Exception {
        JsonNode sent = read("{\"resourcesInfo\": {\"caseId\": \"x\", \"resource\": [{}]}}");
        ExpectedComparison.Result result = ExpectedComparison.compare(read(EXPECTED), sent,
                List.of("$.resourcesInfo.caseId", "$.resourcesInfo.resource[*]"));
        assertTrue(result.passed(), result.differences().toString());
        assertFalse(ExpectedComparison.pathPattern("$.resourcesInfo.resource[0].name").matcher("$.resourcesInfo.resource[0].nameOther").matches(),
                "a path is not a prefix of a longer name");
    }
}
