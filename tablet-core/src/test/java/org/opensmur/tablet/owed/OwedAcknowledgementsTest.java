package org.opensmur.tablet.owed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.tablet.DeliveryState;
import org.opensmur.core.tablet.OutboxEntry;

/** Each type the SAMU must integrate has a deadline; past it, a message not acknowledged is owed, until the crew acts. */
class OwedAcknowledgementsTest {

    private static final Instant TAP = Instant.parse("2026-11-23T10:00:00Z");

    private static OutboxEntry entry(String id, MessageType type, DeliveryState state, Instant at) {
        return new OutboxEntry(1, id, type, "fr.health.samu440", "case:x", state, at, null, 1, state == DeliveryState.QUEUED ? null : at, null, "3");
    }

    @Test
    void aStatusNotAcknowledgedPastItsDeadlineIsOwedAndOnlyThen() {
        Duration deadline = OwedAcknowledgements.deadline(MessageType.RS_SR).orElseThrow();
        List<OutboxEntry> sent = List.of(entry("a", MessageType.RS_SR, DeliveryState.SENT, TAP));
        assertTrue(OwedAcknowledgements.overdue(sent, Map.of(), TAP.plus(deadline).minusSeconds(1)).isEmpty(), "not yet");
        var owed = OwedAcknowledgements.overdue(sent, Map.of(), TAP.plus(deadline).plusSeconds(30));
        assertEquals(1, owed.size());
        assertEquals(deadline.plusSeconds(30), owed.get(0).since(), "counted from the tap");
    }

    @Test
    void acknowledgedFinalUnownedOrSettledMessagesAreNotOwed() {
        Instant late = TAP.plus(Duration.ofHours(1));
        List<OutboxEntry> entries = List.of(
                entry("received", MessageType.RS_SR, DeliveryState.RECEIVED, TAP),
                entry("integrated", MessageType.RS_BPV, DeliveryState.INTEGRATED, TAP),
                entry("refused", MessageType.RS_SR, DeliveryState.REFUSED, TAP), // said as refused already
                entry("position", MessageType.GEO_POS, DeliveryState.SENT, TAP), // owes no integration
                entry("radio", MessageType.RS_SR, DeliveryState.SENT, TAP),
                entry("queued", MessageType.RS_RPIS, DeliveryState.QUEUED, TAP)); // never left: not integrated either
        var owed = OwedAcknowledgements.overdue(entries, Map.of("radio", OwedAcknowledgements.Settled.GIVEN_BY_RADIO), late);
        assertEquals(List.of("queued"), owed.stream().map(o -> o.entry().distributionId()).toList());
    }

    /** The deadlines the README promises the crews and integrators ("Owed acknowledgements"). */
    @Test
    void eachTypeThatMustBeIntegratedHasTheDeadlineTheReadmeSays() {
        Map<MessageType, Duration> said = Map.of(MessageType.RS_SR, Duration.ofMinutes(2), MessageType.RS_RI, Duration.ofMinutes(2),
                MessageType.RS_BPV, Duration.ofMinutes(5), MessageType.RS_URL, Duration.ofMinutes(5), MessageType.RS_RPIS, Duration.ofMinutes(10));
        said.forEach((type, deadline) -> assertEquals(java.util.Optional.of(deadline), OwedAcknowledgements.deadline(type), type.code()));
        assertTrue(OwedAcknowledgements.deadline(MessageType.RC_REF).isEmpty());
        assertTrue(OwedAcknowledgements.deadline(MessageType.GEO_POS).isEmpty(), "a position owes no integration");
    }
}
