package org.opensmur.core.hub.validation;

import org.opensmur.core.hub.model.HubPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.hub.validation.Rule.StringRule;

/**
 * A second model line is the current one plus small deltas. Here: RS-SR as model 2.0 (vhost
 * 15-smur_v1.6) defines it, checked against the official 2.0 schema and examples.
 */
class ModelLineTest {

    private static final Set<String> STATUSES_V2 = Set.of("DECISION", "DECLENCHE", "DEPART", "ANNULE", "ARRIVEE",
            "PEC", "BILAN", "TRANSP", "ETAPE1", "TRANSP2", "ETAPE2", "TRANSP3", "DESTIN", "FINMED", "RETOUR",
            "RET-BASE", "REN-BASE");

    static ModelLine statusAsInModel2() {
        MessageType sr = MessageType.RS_SR;
        return ModelLine.CURRENT
                .withField("2.0", sr, "caseId", f -> f.withRule(new StringRule(HubPattern.CASE_ID_V2, null, null)))
                .withField("2.0", sr, "resourceId", f -> f.withRule(new StringRule(HubPattern.RESOURCE_ID_V2, null, null)))
                .withField("2.0", sr, "state.status", f -> f.withRule(new StringRule(null, STATUSES_V2, "vehicle status (model 2.0)")));
    }

    @Test
    void deltasChangeOnlyWhatTheyName() {
        ModelLine v2 = statusAsInModel2();
        assertEquals("2.0", v2.name());
        assertEquals(ModelLine.CURRENT.payload(MessageType.RS_RI), v2.payload(MessageType.RS_RI));
        assertEquals(ModelLine.CURRENT.payload(MessageType.RS_SR).fields().get("state").required(),
                v2.payload(MessageType.RS_SR).fields().get("state").required());
        Validator current = new Validator(ModelLine.CURRENT);
        Validator older = new Validator(v2);
        ObjectNode finmed = status("FINMED");
        assertFalse(current.validatePayload(MessageType.RS_SR, finmed, "$").isEmpty());
        assertEquals(List.of(), older.validatePayload(MessageType.RS_SR, finmed, "$"));
        ObjectNode orientat = status("ORIENTAT");
        assertEquals(List.of(), current.validatePayload(MessageType.RS_SR, orientat, "$"));
        assertEquals("$.state.status", older.validatePayload(MessageType.RS_SR, orientat, "$").get(0).path());
    }

    @Test
    void theDerivedLineAgreesWithTheOfficialModel2Schema() throws IOException {
        Path v2 = SharedCorpus.root().resolveSibling("hub-conformance-v2");
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(v2.resolve("schemas/RS-SR.schema.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        List<JsonNode> examples = new ArrayList<>();
        try (Stream<Path> files = Files.list(v2.resolve("examples/RS-SR"))) {
            files.filter(p -> p.toString().endsWith(".json")).sorted()
                    .forEach(p -> examples.add(SharedCorpus.read(p).get("resourcesStatus")));
        }
        Validator older = new Validator(statusAsInModel2());
        Random random = new Random(2);
        String[] values = {"FINMED", "FINPEC", "ORIENTAT", "DEPART", "fr.health.samu440.resource.VLM4",
            "fr.health.samu440.DRFR154402414300123", "fr.fire.sis044.cga-044.SC-20240526", "health.samu.x.y", "x"};
        String[] fields = {"/state/status", "/caseId", "/resourceId"};
        int agreed = 0;
        int valid = 0;
        for (int i = 0; i < 600; i++) {
            ObjectNode payload = examples.get(random.nextInt(examples.size())).deepCopy();
            if (i % 5 != 0) {
                String field = fields[random.nextInt(fields.length)];
                ObjectNode parent = (ObjectNode) payload.at(field.substring(0, field.lastIndexOf('/')).isEmpty()
                        ? "" : field.substring(0, field.lastIndexOf('/')));
                parent.put(field.substring(field.lastIndexOf('/') + 1), values[random.nextInt(values.length)]);
            }
            boolean official = schema.validate(payload).isEmpty();
            valid += official ? 1 : 0;
            agreed += official == older.validatePayload(MessageType.RS_SR, payload, "$").isEmpty() ? 1 : 0;
        }
        System.out.println("RS-SR model 2.0 by deltas: agreement " + agreed + "/600 (" + valid + " valid)");
        assertTrue(valid > 100 && valid < 500, "mixed sample: " + valid);
        assertEquals(600, agreed);
    }

    private static ObjectNode status(String code) {
        ObjectNode payload = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        payload.put("caseId", "fr.health.samu440.DRFR154402414300123");
        payload.put("resourceId", "fr.health.samu440.resource.VLM4");
        payload.putObject("state").put("datetime", "2024-05-26T13:21:00+02:00").put("status", code);
        return payload;
    }
}
