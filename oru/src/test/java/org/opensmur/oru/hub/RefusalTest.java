package org.opensmur.oru.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.hub.transport.Delivery;
import org.opensmur.core.hub.transport.HubQueue;
import org.opensmur.core.hub.transport.Inbound;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.testing.FakeTransport;
import org.opensmur.core.testing.MutableClock;
import org.opensmur.oru.Records;
import org.opensmur.oru.TestDatabases;
import org.opensmur.oru.quality.Nomenclatures;
import org.opensmur.oru.quality.Quality;
import org.opensmur.oru.store.OruDatabase;
import org.opensmur.oru.store.OruStore;

/**
 * Refusals as a sender flooding the ORU with invalid messages meets them: each is answered, the same one
 * (its distributionID) is recorded once however often it comes back, and past a day's cap per sender
 * they are answered but no longer recorded, so that no sender fills the database.
 */
class RefusalTest {

    static final List<String> KINDS = TestDatabases.KINDS;

    @TempDir
    Path dir;
    private OruDatabase database;
    private FakeTransport transport;
    private Concentrator oru;
    private OruStore store;
    private final Records records = new Records(ModelLine.CURRENT);

    private void open(String kind, Clock clock, int refusalsPerSenderPerDay) {
        database = TestDatabases.open(kind, dir);
        store = new OruStore(database, new Quality(Nomenclatures.none()));
        transport = new FakeTransport();
        oru = new Concentrator(transport, Records.ORU, store, ModelLine.CURRENT, clock, java.util.Set.of(), refusalsPerSenderPerDay);
        oru.start();
    }

    @AfterEach
    void close() {
        if (database != null) {
            TestDatabases.close(database);
        }
    }

    /** A message of {@code sender} the schema refuses (its SMUR unit left out). */
    private byte[] invalid(String sender) {
        HubMessage valid = records.message(sender, records.example("AliceNormand"));
        ObjectNode broken = (ObjectNode) oru.codec().toTree(valid);
        ((ObjectNode) broken.at("/content/0/jsonContent/embeddedJsonContent/message/rpis/context")).remove("ressourceFinessGeo");
        return broken.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Inbound.Disposition deliver(byte[] body, boolean redelivered) {
        return transport.inbound().onDelivery(new Delivery(HubQueue.MESSAGE, body, "application/json", redelivered));
    }

    private long errorsSent() {
        return transport.published().stream().map(p -> oru.codec().decode(p.body()).envelope())
                .filter(m -> m.type() == MessageType.RS_ERROR).count();
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("KINDS")
    void aRefusedMessageDeliveredAgainIsRecordedOnceAndAnsweredAgain(String kind) {
        open(kind, Clock.systemUTC(), 1000);
        byte[] body = invalid(Records.TABLET);
        assertEquals(Inbound.Disposition.STORED, deliver(body, false));
        // the ack lost (a crash after the refusal was recorded): the broker delivers it again
        assertEquals(Inbound.Disposition.STORED, deliver(body, true));
        assertEquals(1, store.refusals(10).size(), "one refusal for one message");
        assertEquals(2, errorsSent(), "answered again: the first answer may be what was lost");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("KINDS")
    void pastTheDailyCapASendersRefusalsAreAnsweredButNoLongerRecorded(String kind) {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
        open(kind, clock, 3);
        for (int i = 0; i < 5; i++) {
            assertEquals(Inbound.Disposition.STORED, deliver(invalid(Records.TABLET), false), "acknowledged all the same");
        }
        assertEquals(5, errorsSent(), "each one answered");
        assertEquals(3, store.refusals(10).size(), "three recorded: the cap");
        deliver(invalid(Records.LRM), false);
        assertEquals(4, store.refusals(10).size(), "another sender has its own cap");

        clock.advance(Duration.ofDays(1));
        deliver(invalid(Records.TABLET), false);
        assertEquals(5, store.refusals(10).size(), "a new day, a new cap");
        assertEquals(7, errorsSent());
    }
}
