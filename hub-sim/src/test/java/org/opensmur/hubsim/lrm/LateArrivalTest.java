package org.opensmur.hubsim.lrm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.transport.Delivery;
import org.opensmur.core.hub.transport.HubQueue;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.testing.FakeTransport;

/**
 * A status that reaches the LRM after its step stopped waiting (the tablet's link was down, or this LRM was
 * held up) is reported LATE with when it came, not MISSING: a crew that pulled the network and saw every
 * tap replayed was told a status had been lost.
 */
class LateArrivalTest {

    private static final String LRM = "fr.health.test.lrm";
    private static final String TABLET = "fr.health.test.smurtab";

    private final FakeTransport hub = new FakeTransport();
    private final LrmSimulator lrm = new LrmSimulator(hub, LRM, TABLET, Clock.systemUTC());

    @AfterEach
    void close() {
        lrm.close();
    }

    private CompletableFuture<ScenarioReport> play() throws Exception {
        lrm.start();
        Scenario scenario = Scenario.parse(new ByteArrayInputStream("""
                name late
                send RS-EDA case.json
                expect RS-SR DEPART within 200ms
                wait 2s
                """.getBytes(StandardCharsets.UTF_8)), "late");
        return CompletableFuture.supplyAsync(() -> {
            try {
                return lrm.play(scenario, file -> LrmSimulator.class.getResourceAsStream("/scenarios/primary/" + file));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The case the scenario sent, as the tablet would read it. */
    private String caseSent() throws InterruptedException {
        for (int i = 0; i < 200 && hub.published().isEmpty(); i++) {
            TimeUnit.MILLISECONDS.sleep(25);
        }
        assertTrue(!hub.published().isEmpty(), "the scenario sent its case");
        HubMessage sent = HubCodec.of(ModelLine.CURRENT).decode(hub.published().get(0).body()).envelope();
        assertNotNull(sent, "the case sent decodes");
        return sent.caseId();
    }

    @Test
    void aStatusThatComesAfterItsStepGaveUpIsLateNotMissing() throws Exception {
        CompletableFuture<ScenarioReport> played = play();
        String caseId = caseSent();
        TimeUnit.MILLISECONDS.sleep(900); // past the step's 200 ms and its grace: the step has given up
        OutgoingMessages tablet = OutgoingMessages.of(TABLET, Clock.systemUTC(), ModelLine.CURRENT);
        HubMessage depart = tablet.statusChange(caseId, "fr.health.samu440.resource.VLM1", ResourceStatus.DEPART,
                OffsetDateTime.now(), null, LRM).message();
        hub.inbound().onDelivery(new Delivery(HubQueue.MESSAGE, HubCodec.of(ModelLine.CURRENT).encode(depart),
                "application/json", false));

        ScenarioReport report = played.get(20, TimeUnit.SECONDS);
        ScenarioReport.Line line = report.lines().stream().filter(l -> l.expected().equals("RS-SR DEPART")).findFirst().orElseThrow();
        assertEquals(ScenarioReport.Verdict.LATE, line.verdict(), report.toString());
        assertTrue(line.after().compareTo(Duration.ofMillis(400)) > 0, "said when it came: " + line);
    }

    @Test
    void aStatusThatNeverComesIsStillMissing() throws Exception {
        CompletableFuture<ScenarioReport> played = play();
        caseSent();
        ScenarioReport report = played.get(20, TimeUnit.SECONDS);
        ScenarioReport.Line line = report.lines().stream().filter(l -> l.expected().equals("RS-SR DEPART")).findFirst().orElseThrow();
        assertEquals(ScenarioReport.Verdict.MISSING, line.verdict(), report.toString());
    }
}
