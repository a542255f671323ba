package org.opensmur.tablet;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.hub.transport.Delivery;
import org.opensmur.core.hub.transport.HubQueue;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.testing.MutableClock;
import org.opensmur.core.testing.FakeTransport;
import org.opensmur.store.TestStore;
import org.opensmur.tablet.TabletCore;

/**
 * A hostile or broken message carrying patient values where they break the rules (a name as the message's
 * id, a name in a code, a name in JSON cut short) is refused as the Hub would, and what the tablet logs about it
 * names the path and the rule, never the value.
 */
class HostileInputLogTest {

    private static final String NAME = "DUPONT-Secretname";

    @TempDir
    Path dir;

    @Test
    void refusedMessagesLeaveNoPatientValueInTheLog() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
        FakeTransport transport = new FakeTransport();
        OutgoingMessages lrm = OutgoingMessages.of(TestStore.LRM, clock);
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        java.util.concurrent.atomic.AtomicInteger rejected = new java.util.concurrent.atomic.AtomicInteger();
        try (TabletCore core = new TabletCore(transport, TestStore.TABLET, org.opensmur.core.hub.validation.ModelLine.CURRENT, dir, TestStore.keys(), clock)) {
            core.onEvent(event -> {
                if (event instanceof org.opensmur.core.hub.client.HubEvent.MessageRejected) {
                    rejected.incrementAndGet();
                }
            });
            core.start();
            HubMessage eda = lrm.build(SharedCorpus.examplePayload(MessageType.RS_EDA, "AliceGregoireNormand.01"), TestStore.TABLET)
                    .orElseThrow();
            JsonNode wire = core.outgoing().codec().mapper().readTree(core.outgoing().codec().encode(eda));
            List<byte[]> hostile = List.of(
                    withField(wire, "distributionID", NAME),  // an identifier that breaks the Hub's rules
                    withField(wire, "status", NAME),          // a code outside its list (the case's state)
                    withField(wire, "priority", NAME),
                    ("{\"content\":[{\"note\":\"" + NAME).getBytes(StandardCharsets.UTF_8)); // JSON cut short
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            for (byte[] body : hostile) {
                transport.inbound().onDelivery(new Delivery(HubQueue.MESSAGE, body, "application/json", false));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> rejected.get() >= hostile.size());
            org.junit.jupiter.api.Assertions.assertEquals(hostile.size(), rejected.get(), "each is refused:\n"
                    + captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("refused a delivery"), "the refusals are logged: " + log);
        assertFalse(log.contains(NAME) || log.contains("Secretname"), "a patient value reached the log:\n" + log);
    }

    /** The wire message with every field named {@code field} set to {@code value}. */
    private static byte[] withField(JsonNode wire, String field, String value) {
        JsonNode copy = wire.deepCopy();
        set(copy, field, value);
        return copy.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void set(JsonNode node, String field, String value) {
        if (node instanceof ObjectNode object) {
            if (object.has(field) && object.get(field).isValueNode()) {
                object.put(field, value);
            }
            object.elements().forEachRemaining(child -> set(child, field, value));
        } else if (node.isArray()) {
            node.forEach(child -> set(child, field, value));
        }
    }
}
