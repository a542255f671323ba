package org.opensmur.tablet.testing;

import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.hub.message.DistributionKind;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.hub.transport.Delivery;
import org.opensmur.core.hub.transport.HubQueue;
import org.opensmur.core.hub.transport.Inbound;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.testing.FakeTransport;
import org.opensmur.tablet.TabletCore;

/** What a SAMU sends a tablet in the tests, delivered as the broker would (the official examples, wrapped by the SAMU). */
public final class Deliveries {

    private Deliveries() {
    }

    /** Delivers {@code message} to the core's consumer, as the broker would, and says what the core did with it. */
    public static Inbound.Disposition deliver(TabletCore core, FakeTransport transport, HubMessage message) {
        return transport.inbound().onDelivery(new Delivery(HubQueue.of(message.distributionKind()),
                core.outgoing().codec().encode(message), "application/json", false));
    }

    /** The official engagement request of the NORMAND case, sent by {@code samu} to {@code tablet}. */
    public static HubMessage request(OutgoingMessages samu, String tablet) {
        return samu.build(SharedCorpus.examplePayload(samu.codec().line(), MessageType.RS_ER, "AliceGregoireNORMAND.02"), tablet).orElseThrow();
    }

    /** The same request, cancelled. */
    public static HubMessage cancel(OutgoingMessages samu, String tablet) {
        return samu.build(SharedCorpus.examplePayload(samu.codec().line(), MessageType.RS_ER, "AliceGregoireNORMAND.02"), tablet,
                DistributionKind.CANCEL).orElseThrow();
    }

    /** The official case creation of the NORMAND case, sent by {@code samu} to {@code tablet}. */
    public static HubMessage caseCreated(OutgoingMessages samu, String tablet) {
        return samu.build(SharedCorpus.examplePayload(samu.codec().line(), MessageType.RS_EDA, "AliceGregoireNormand.01"), tablet).orElseThrow();
    }

    /** An official case update of the NORMAND case ({@code name}: the step, e.g. "AliceGregoireNormand.10"), sent by {@code samu}. */
    public static HubMessage caseUpdated(OutgoingMessages samu, String tablet, String name) {
        return samu.build(SharedCorpus.examplePayload(samu.codec().line(), MessageType.RS_EDA_MAJ, name), tablet).orElseThrow();
    }
}
