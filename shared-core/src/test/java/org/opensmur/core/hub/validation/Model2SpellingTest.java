package org.opensmur.core.hub.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.geo.GeoResource;
import org.opensmur.core.geo.GeoResourceMobility;
import org.opensmur.core.geo.GeoResourceNature;
import org.opensmur.core.geo.GeoResourceType;
import org.opensmur.core.geo.GeoResourcesDetails;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.rpis.Rpis;

/**
 * Model 2.0's schemas spell two codes with a trailing space ("TSU " for the private ambulances' resource type in
 * RS-RPIS, RS-EDA and RS-EDA-MAJ decisions; "SHIP " for a ship's mobility in GEO-RES) where the Hub's lists say
 * "TSU" and "SHIP": what a crew picks from the list goes out as a 2.0 Hub accepts it, and what a 2.0 peer writes
 * reads back as the list says it.
 */
class Model2SpellingTest {

    private static JsonSchema official(String model) throws Exception {
        try (InputStream in = Files.newInputStream(SharedCorpus.root(ModelLine.V2).resolve("schemas").resolve(model + ".schema.json"))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    @Test
    void aTransportByPrivateAmbulanceLeavesAsTheModel2SchemaSpellsItAndReadsBackAsTheListSaysIt() throws Exception {
        HubCodec codec = HubCodec.of(ModelLine.V2);
        ObjectNode tree = (ObjectNode) SharedCorpus.read(SharedCorpus.exampleFiles(ModelLine.V2, MessageType.RS_RPIS).get(0));
        ObjectNode orientation = (ObjectNode) tree.findValue("orientation");
        orientation.putObject("decision").put("resourceType", "TSU ").put("vehicleType", "TSU.AMB").put("medicalLevel", "SECOURS");
        var read = codec.decodeTree(tree);
        assertEquals(List.of(), read.issues());
        Rpis rpis = (Rpis) read.message().payload();
        assertEquals("TSU", rpis.orientation().decision().resourceType(), "as the Hub's typeRessource list says it");

        ObjectNode wire = codec.toWireTree(rpis);
        assertEquals("TSU ", wire.findValue("decision").get("resourceType").asText(), "as the 2.0 schema spells it");
        JsonSchema schema = official("RS-RPIS");
        assertEquals(Set.of(), schema.validate(wire.get(MessageType.RS_RPIS.key())));
        ObjectNode asTheListSaysIt = wire.deepCopy();
        ((ObjectNode) asTheListSaysIt.findValue("decision")).put("resourceType", "TSU");
        assertFalse(schema.validate(asTheListSaysIt.get(MessageType.RS_RPIS.key())).isEmpty(), "the reason: 2.0 refuses \"TSU\"");
        assertEquals("TSU", HubCodec.of(ModelLine.CURRENT).toWireTree(rpis).findValue("decision").get("resourceType").asText(),
                "model 3 says it as the list does");
    }

    @Test
    void aShipsMobilityLeavesAsTheModel2SchemaSpellsIt() throws Exception {
        GeoResource ship = new GeoResource("fr.health.samu440.resource.NAVI1", "fr.health.samu440", "NaviSMUR 1", GeoResourceType.SMUR,
                GeoResourceNature.EFFECTEUR, GeoResourceMobility.SHIP, null, null);
        JsonNode wire = HubCodec.of(ModelLine.V2).toWireTree(new GeoResourcesDetails(List.of(ship)));
        assertEquals("SHIP ", wire.findValue("mobility").asText());
        assertEquals(Set.of(), official("GEO-RES").validate(wire.get(MessageType.GEO_RES.key())));
        // a 2.0 peer's ship reads as the tablet's own: model 3 writes it back as model 3 spells it
        var read = HubCodec.of(ModelLine.V2).decodeTree(wire);
        assertEquals(List.of(), read.issues());
        GeoResourcesDetails details = (GeoResourcesDetails) read.message().payload();
        assertEquals(GeoResourceMobility.SHIP, details.resource().get(0).mobility());
        assertEquals("SHIP", HubCodec.of(ModelLine.CURRENT).toWireTree(details).findValue("mobility").asText());
    }
}
