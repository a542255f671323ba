package org.opensmur.core.hub.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.reference.ReferenceStep;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.testing.FakeTransport;

/**
 * An ORU or an LRM without an outbox of its own still gets its acknowledgement through a cut: an RC-REF the broker did
 * not confirm goes again, the same message, once the link is back; one that expired meanwhile does not.
 */
class DirectAcknowledgerTest {

    private static final String TABLET = "fr.health.test.smurtab";
    private static final String ORU = "fr.health.test.oru";

    private final HubCodec codec = new HubCodec();
    private final FakeTransport transport = new FakeTransport();

    private HubMessage fromTheTablet() {
        return OutgoingMessages.of(TABLET, Clock.systemUTC()).statusChange("fr.health.samu440.DRFR154402414300123",
                "fr.health.samu440.resource.VLM4", ResourceStatus.DEPART, OffsetDateTime.now(), null, ORU).orElseThrow();
    }

    @Test
    void anRcRefSentWhileTheLinkIsDownGoesOnceItIsBackAndAnExpiredOneDoesNot() throws Exception {
        transport.disconnect();
        DirectAcknowledger oru = new DirectAcknowledger(transport, codec, OutgoingMessages.of(ORU, Clock.systemUTC()),
                Clock.systemUTC(), Duration.ofMillis(50));
        HubMessage received = fromTheTablet();
        oru.acknowledge(received, ReferenceStep.RECU);
        // made by a clock a day late: expired before it could go
        DirectAcknowledger late = new DirectAcknowledger(transport, codec,
                OutgoingMessages.of(ORU, Clock.offset(Clock.systemUTC(), Duration.ofDays(-1))), Clock.systemUTC(), Duration.ofMillis(50));
        late.acknowledge(fromTheTablet(), ReferenceStep.RECU);
        Thread.sleep(300); // several retries while the link is down
        assertEquals(0, transport.published().size(), "nothing goes while the link is down");

        transport.connect();
        await().atMost(Duration.ofSeconds(10)).until(() -> !transport.confirmed().isEmpty());
        Thread.sleep(300); // time for a duplicate or the expired one to go too
        assertEquals(1, transport.published().size(), "one RC-REF, confirmed once: " + transport.confirmed());
        HubMessage sent = codec.decode(transport.published().get(0).body()).envelope();
        assertEquals(MessageType.RC_REF, sent.type());
        assertEquals(TABLET, sent.recipientID(), "to the tablet, about its message");
        assertEquals(received.distributionID(), ((org.opensmur.core.reference.Reference) sent.payload()).distributionID());
    }
}
