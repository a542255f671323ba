package org.opensmur.oru.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.error.HubError;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.hub.transport.Delivery;
import org.opensmur.core.hub.transport.HubQueue;
import org.opensmur.core.hub.transport.Inbound;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.reference.Reference;
import org.opensmur.core.reference.ReferenceStep;
import org.opensmur.core.testing.FakeTransport;
import org.opensmur.oru.Records;
import org.opensmur.oru.TestDatabases;
import org.opensmur.oru.quality.Nomenclatures;
import org.opensmur.oru.quality.Quality;
import org.opensmur.oru.store.OruDatabase;
import org.opensmur.oru.store.OruStore;
import org.opensmur.oru.store.Outcome;
import org.opensmur.oru.store.Views;

/**
 * The concentrator as the Hub's ORU, on both databases: one record per (SMUR unit, mission, patient)
 * whoever sends it, corrections superseding field by field, copies and redeliveries changing nothing,
 * disagreements flagged, invalid records answered with an RS-ERROR, RC-REFs by the model line's steps,
 * the broker's ack only after the commit.
 */
class ConcentratorTest {

    static final List<String> KINDS = TestDatabases.KINDS;
    private static final String ARRIVED = "/intervention/smurStatus/arrivedSmur";

    @TempDir
    Path dir;
    private OruDatabase database;
    private FakeTransport transport;
    private Concentrator oru;
    private OruStore store;
    private Records records;

    private void open(String kind, ModelLine line) {
        open(kind, line, java.util.Set.of());
    }

    private void open(String kind, ModelLine line, java.util.Set<String> senders) {
        database = TestDatabases.open(kind, dir);
        store = new OruStore(database, new Quality(Nomenclatures.none()));
        transport = new FakeTransport();
        oru = new Concentrator(transport, Records.ORU, store, line, Clock.systemUTC(), senders);
        oru.start();
        records = new Records(line);
    }

    @AfterEach
    void close() {
        if (database != null) {
            TestDatabases.close(database);
        }
    }

    private Inbound.Disposition deliver(byte[] body, boolean redelivered) {
        return transport.inbound().onDelivery(new Delivery(HubQueue.MESSAGE, body, "application/json", redelivered));
    }

    private Views.RecordDetail only() {
        assertEquals(1, store.count(), "one consolidated record");
        long id = store.query("SELECT id FROM rpis_record", r -> r.getLong(1)).get(0);
        return store.record(id).orElseThrow();
    }

    private Views.Field field(Views.RecordDetail record, String path) {
        return record.fields().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
    }

    private List<HubMessage> published() {
        HubCodec codec = oru.codec();
        return transport.published().stream().map(p -> codec.decode(p.body()).envelope()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("KINDS")
    void theLrmsCopyOfTheTabletsRecordIsTheSameRecordAndChangesNothing(String kind) {
        open(kind, ModelLine.CURRENT);
        ObjectNode rpis = records.example("AliceNormand");
        assertEquals(Outcome.STORED, oru.receive(records.bytes(Records.TABLET, rpis)).outcome());
        assertEquals(Outcome.DUPLICATE, oru.receive(records.bytes(Records.LRM, rpis)).outcome());

        Views.RecordDetail record = only();
        assertEquals(2, record.summary().versions());
        assertEquals(2, record.history().size(), "both copies kept in the history");
        assertTrue(record.fields().stream().allMatch(f -> f.source().equals(Records.TABLET) && f.conflictValue() == null),
                "every field from the first sender, no conflict");
        assertEquals(rpis, record.consolidated(), "the consolidated record is the record received");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("KINDS")
    void aCorrectionSupersedesTheFieldItChangesAndKeepsTheOldValueInTheHistory(String kind) {
        open(kind, ModelLine.CURRENT);
        ObjectNode first = records.example("AliceNormand");
        oru.receive(records.bytes(Records.TABLET, first));
        ObjectNode corrected = first.deepCopy();
        Records.shift(corrected, ARRIVED, 4);
        assertEquals(Outcome.SUPERSEDED, oru.receive(records.bytes(Records.TABLET, corrected)).outcome());

        Views.RecordDetail record = only();
        assertEquals(corrected.at(ARRIVED), record.consolidated().at(ARRIVED));
        Views.FieldChange change = record.history().get(1).changes().get(0);
        assertEquals(ARRIVED, change.path());
        assertEquals("SUPERSEDED", change.kind());
        assertEquals(first.at(ARRIVED).toString(), change.oldValue());
        assertEquals(1, record.history().get(1).changes().size(), "only the field that changed");
        assertEquals(record.history().get(1).distributionId(), field(record, ARRIVED).distributionId(), "its provenance is the correction");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("KINDS")
    void anEarlierVersionArrivingLateIsKeptButNotApplied(String kind) {
        open(kind, ModelLine.CURRENT);
        ObjectNode first = records.example("AliceNormand");
        ObjectNode corrected = first.deepCopy();
        Records.shift(corrected, ARRIVED, 4);
        byte[] early = records.bytes(Records.TABLET, first);
        byte[] late = records.bytes(Records.TABLET, corrected);
        oru.receive(late);
        assertEquals(Outcome.OLDER, oru.receive(early).outcome());
        assertEquals(corrected.at(ARRIVED), only().consolidated().at(ARRIVED));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("KINDS")
    void aRedeliveryChangesNothingAndIsAcknowledgedAgain(String kind) {
        open(kind, ModelLine.CURRENT);
        byte[] body = records.bytes(Records.TABLET, records.example("AliceNormand"));
        assertEquals(Inbound.Disposition.STORED, deliver(body, false));
        int answers = transport.published().size();
        // the broker's ack was lost (a crash after the commit): the same delivery comes again
        assertEquals(Inbound.Disposition.STORED, deliver(body, true));
        assertEquals(1, only().summary().versions(), "not counted twice");
        assertEquals(1, store.query("SELECT COUNT(*) FROM delivery", r -> r.getInt(1)).get(0));
        assertTrue(only().history().get(0).changes().stream().allMatch(c -> c.kind().equals("SET")), "only the first version's fields");
        assertTrue(transport.published().size() > answers, "its RC-REF again: the first may be what was lost");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("KINDS")
    void tabletAndLrmDisagreeingIsFlaggedNotOverwrittenAndResolvedWhenOneCorrects(String kind) {
        open(kind, ModelLine.CURRENT);
        ObjectNode tablet = records.example("AliceNormand");
        oru.receive(records.bytes(Records.TABLET, tablet));
        ObjectNode lrm = tablet.deepCopy();
        Records.shift(lrm, ARRIVED, 7);
        assertEquals(Outcome.CONFLICT, oru.receive(records.bytes(Records.LRM, lrm)).outcome());

        Views.RecordDetail record = only();
        Views.Field arrived = field(record, ARRIVED);
        assertEquals(tablet.at(ARRIVED), arrived.value(), "the first value stays");
        assertEquals(Records.TABLET, arrived.source());
        assertEquals(lrm.at(ARRIVED), arrived.conflictValue(), "the other kept beside it");
        assertEquals(Records.LRM, arrived.conflictSource());
        assertEquals(1, record.summary().conflicts());

        // the crew corrects its time to the LRM's: agreed again
        ObjectNode corrected = tablet.deepCopy();
        Records.shift(corrected, ARRIVED, 7);
        oru.receive(records.bytes(Records.TABLET, corrected));
        record = only();
        assertEquals(0, record.summary().conflicts());
        assertNull(field(record, ARRIVED).conflictValue());
        assertEquals(lrm.at(ARRIVED), record.consolidated().at(ARRIVED));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("KINDS")
    void theTabletsCorrectionIsExportedEvenWhenTheLrmsCopyOfItsFirstVersionArrivedFirst(String kind) throws Exception {
        open(kind, ModelLine.CURRENT);
        ObjectNode first = records.example("AliceNormand");
        ObjectNode corrected = first.deepCopy();
        Records.shift(corrected, ARRIVED, 4);
        byte[] tabletFirst = records.bytes(Records.TABLET, first);
        byte[] lrmCopy = records.bytes(Records.LRM, first);
        byte[] tabletCorrection = records.bytes(Records.TABLET, corrected);
        oru.receive(lrmCopy); // the LRM's copy overtook the tablet's own message
        assertEquals(Outcome.DUPLICATE, oru.receive(tabletFirst).outcome());
        assertEquals(Outcome.SUPERSEDED, oru.receive(tabletCorrection).outcome());

        java.io.StringWriter export = new java.io.StringWriter();
        org.opensmur.oru.store.Export.write(store, java.time.Instant.EPOCH, java.time.Instant.parse("2100-01-01T00:00:00Z"),
                org.opensmur.oru.store.Export.Format.JSONL, false, export);
        JsonNode row = oru.codec().mapper().readTree(export.toString());
        assertEquals(corrected.at(ARRIVED).asText(), row.get(ARRIVED.substring(1)).asText(), "the correction, not the stale copy");
        assertEquals(0, row.get("conflicts").asInt(), "a sender correcting itself is no disagreement");
        assertEquals(Records.TABLET, field(only(), ARRIVED).source());
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("KINDS")
    void anotherPatientOfTheSameMissionIsAnotherRecord(String kind) {
        open(kind, ModelLine.CURRENT);
        ObjectNode alice = records.example("AliceNormand");
        ObjectNode other = alice.deepCopy();
        ((ObjectNode) other.get("patient")).put("patientId", alice.at("/patient/patientId").asText() + "2");
        oru.receive(records.bytes(Records.TABLET, alice));
        assertEquals(Outcome.STORED, oru.receive(records.bytes(Records.TABLET, other)).outcome());
        assertEquals(2, store.count());
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("KINDS")
    void anInvalidRecordGetsAnErrorNamingTheRuleAndTheNextOneGoesOn(String kind) {
        open(kind, ModelLine.CURRENT);
        HubMessage valid = records.message(Records.TABLET, records.example("AliceNormand"));
        ObjectNode broken = (ObjectNode) oru.codec().toTree(valid);
        ObjectNode context = (ObjectNode) broken.at("/content/0/jsonContent/embeddedJsonContent/message/rpis/context");
        context.remove("ressourceFinessGeo");
        assertEquals(Inbound.Disposition.STORED, deliver(broken.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), false),
                "answered and acknowledged: it does not block the queue");

        HubMessage error = published().stream().filter(m -> m.type() == MessageType.RS_ERROR).findFirst().orElseThrow();
        assertEquals(Records.ORU, error.senderID());
        assertTrue(oru.codec().mapper().valueToTree(error.descriptor()).toString().contains(Records.TABLET), "to its sender");
        HubError report = (HubError) error.payload();
        assertEquals(valid.distributionID(), report.referencedDistributionID());
        assertTrue(report.errorCause().contains("ressourceFinessGeo"), report.errorCause());
        assertEquals(0, store.count(), "nothing stored of it");
        assertEquals(1, store.refusals(10).size());

        HubMessage next = records.message(Records.TABLET, records.example("GregoireNormand"));
        assertEquals(Inbound.Disposition.STORED, deliver(records.encode(next), false));
        assertEquals(1, store.count());
    }

    /** The parts of a record's key the schema requires and accepts empty (orgId has a pattern): present is not enough. */
    static final List<String> KEY_PARTS = List.of("/context/ressourceFinessGeo", "/context/ressourceStructure",
            "/context/senderCaseId", "/patient/patientId");

    @ParameterizedTest(name = "{0}")
    @FieldSource("KINDS")
    void aBlankKeyFieldIsRefusedNamingItAndTheNextRecordIsStored(String kind) {
        open(kind, ModelLine.CURRENT);
        for (String part : KEY_PARTS) {
            ObjectNode blank = records.example("AliceNormand");
            ((ObjectNode) blank.at(part.substring(0, part.lastIndexOf('/')))).put(part.substring(part.lastIndexOf('/') + 1), "");
            HubMessage sent = records.message(Records.TABLET, blank);
            int before = transport.published().size();
            assertEquals(Inbound.Disposition.STORED, deliver(records.encode(sent), false),
                    part + " blank: answered and acknowledged, not given back to be delivered forever");

            List<HubMessage> answers = published().subList(before, transport.published().size());
            HubMessage error = answers.stream().filter(m -> m.type() == MessageType.RS_ERROR).findFirst().orElseThrow();
            HubError report = (HubError) error.payload();
            assertEquals(sent.distributionID(), report.referencedDistributionID());
            String field = part.substring(part.lastIndexOf('/') + 1);
            assertTrue(report.errorCause().contains(field), report.errorCause());
            assertTrue(answers.stream().filter(m -> m.type() == MessageType.RC_REF).map(m -> (Reference) m.payload())
                    .allMatch(r -> r.step() == ReferenceStep.ERREUR), "refused, never received nor integrated");
        }
        assertEquals(0, store.count(), "nothing stored of them");
        assertEquals(KEY_PARTS.size(), store.refusals(10).size(), "each refusal recorded");

        HubMessage next = records.message(Records.TABLET, records.example("GregoireNormand"));
        assertEquals(Inbound.Disposition.STORED, deliver(records.encode(next), false));
        assertEquals(1, store.count(), "the next record goes on");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("KINDS")
    void withAnAllowListASenderNotOnItIsRefusedNamingTheSenderAndTheRegionsOwnAreStored(String kind) {
        open(kind, ModelLine.CURRENT, java.util.Set.of(Records.TABLET));
        HubMessage stranger = records.message(Records.LRM, records.example("AliceNormand"));
        assertEquals(Inbound.Disposition.STORED, deliver(records.encode(stranger), false), "answered and acknowledged");
        HubMessage error = published().stream().filter(m -> m.type() == MessageType.RS_ERROR).findFirst().orElseThrow();
        assertTrue(oru.codec().mapper().valueToTree(error.descriptor()).toString().contains(Records.LRM), "to its sender");
        HubError report = (HubError) error.payload();
        assertEquals(stranger.distributionID(), report.referencedDistributionID());
        assertTrue(report.errorCause().contains("senderID"), report.errorCause());
        assertEquals(0, store.count(), "nothing stored of it");
        assertEquals("$.senderID", store.refusals(1).get(0).path());

        assertEquals(Inbound.Disposition.STORED, deliver(records.bytes(Records.TABLET, records.example("AliceNormand")), false));
        assertEquals(1, store.count(), "a sender of the region is stored");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("KINDS")
    void referencesAreReceivedThenIntegratedOnModel3AndOneOnModel2(String kind) {
        for (ModelLine line : List.of(ModelLine.CURRENT, ModelLine.V2)) {
            open(kind, line);
            HubMessage sent = records.message(Records.TABLET, records.example("AliceNormand"));
            deliver(records.encode(sent), false);
            List<ReferenceStep> steps = published().stream().filter(m -> m.type() == MessageType.RC_REF)
                    .map(m -> (Reference) m.payload())
                    .peek(r -> assertEquals(sent.distributionID(), r.distributionID()))
                    .map(Reference::step).toList();
            if (line.hasReferenceSteps()) {
                assertEquals(List.of(ReferenceStep.RECU, ReferenceStep.INTEGRE), steps);
            } else {
                assertEquals(1, steps.size(), "model 2.0: one RC-REF, no step");
            }
            close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("KINDS")
    void whatCouldNotBeCommittedIsNotAcknowledgedAndComesBackWhole(String kind) {
        open(kind, ModelLine.CURRENT);
        byte[] body = records.bytes(Records.TABLET, records.example("AliceNormand"));
        database.close(); // the database is gone: nothing can be committed
        assertEquals(Inbound.Disposition.RETRY_LATER, deliver(body, false));
        assertTrue(transport.published().isEmpty(), "no RC-REF for what is not stored");

        OruDatabase reopened = kind.equals("sqlite")
                ? OruDatabase.open(store.database().describe(), null) : null;
        if (reopened != null) {
            database = reopened;
            store = new OruStore(database, new Quality(Nomenclatures.none()));
            transport = new FakeTransport();
            oru = new Concentrator(transport, Records.ORU, store, ModelLine.CURRENT, Clock.systemUTC());
            oru.start();
            assertEquals(Inbound.Disposition.STORED, deliver(body, true));
            assertEquals(1, store.count());
            assertFalse(transport.published().isEmpty());
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("KINDS")
    void theSameIdWithOtherContentIsRefusedAndTheFirstStands(String kind) {
        open(kind, ModelLine.CURRENT);
        HubMessage sent = records.message(Records.TABLET, records.example("AliceNormand"));
        deliver(records.encode(sent), false);
        ObjectNode tampered = (ObjectNode) oru.codec().toTree(sent);
        Records.shift((ObjectNode) tampered.at("/content/0/jsonContent/embeddedJsonContent/message/rpis"), ARRIVED, 30);
        assertEquals(Inbound.Disposition.STORED, deliver(tampered.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), false));
        JsonNode kept = only().consolidated().at(ARRIVED);
        assertNotEquals(tampered.at("/content/0/jsonContent/embeddedJsonContent/message/rpis" + ARRIVED), kept);
        assertTrue(published().stream().anyMatch(m -> m.type() == MessageType.RS_ERROR), "refused to its sender");
    }
}
