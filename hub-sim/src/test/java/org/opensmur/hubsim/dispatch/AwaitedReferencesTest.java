package org.opensmur.hubsim.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.reference.ReferenceStep;
import org.opensmur.core.status.ResourceStatus;

/** The demo names every message the tablet app sent whose RC-REF never passed back through the dispatcher. */
class AwaitedReferencesTest {

    private static final String TABLET = "fr.health.test.smurtab";
    private static final String LRM = "fr.health.test.lrm";
    private final OutgoingMessages tablet = OutgoingMessages.of(TABLET, Clock.systemUTC());
    private final OutgoingMessages lrm = OutgoingMessages.of(LRM, Clock.systemUTC());
    private static final String CASE = "fr.health.samu440.DRFR154402413800236";

    private HubMessage status(ResourceStatus status) {
        return tablet.statusChange(CASE, "fr.health.test.smurtab.vlm1", status, OffsetDateTime.now(), false, LRM).message();
    }

    @Test
    void aStatusWhoseReferenceNeverCameIsNamedAndOneAcknowledgedIsNot() {
        AwaitedReferences awaited = new AwaitedReferences();
        awaited.routed(status(ResourceStatus.DEPART)); // before the scenario
        long mark = awaited.mark();
        HubMessage arrived = status(ResourceStatus.ARRIVEE);
        HubMessage care = status(ResourceStatus.PEC);
        awaited.routed(arrived);
        awaited.routed(care);
        awaited.routed(care); // the same message again (a republication): still one
        awaited.routed(lrm.reference(care, ReferenceStep.INTEGRE).message());

        List<String> open = awaited.since(TABLET, mark);
        assertEquals(1, open.size(), open.toString());
        assertTrue(open.get(0).startsWith("RS-SR ARRIVEE " + arrived.distributionID() + " to " + LRM), open.get(0));
        assertEquals(2, awaited.routedSince(TABLET, mark));
        assertTrue(awaited.since(LRM, mark).isEmpty(), "the LRM's RC-REF itself owes nothing");
    }
}
