package org.opensmur.oru.consolidate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Field by field, in the order versions are received: who may change a value, and what is only flagged. */
class ConsolidationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TABLET = "fr.health.test.smurtab";
    private static final String LRM = "fr.health.test.lrm";
    private static final String ARRIVED = "/intervention/smurStatus/arrivedSmur";
    private static final Instant T = Instant.parse("2026-11-02T08:00:00Z");

    private final Map<String, FieldState> record = new LinkedHashMap<>();
    private int received;

    /** Receives a version from {@code sender}, written at {@code sentAt}, giving the arrival time {@code arrived}. */
    private List<Change> receive(String sender, Instant sentAt, String arrived) {
        ObjectNode rpis = JSON.createObjectNode();
        rpis.putObject("intervention").putObject("smurStatus").put("arrivedSmur", arrived);
        Consolidation.Result result = Consolidation.apply(record, new Version(sender + "_" + ++received, sender, sentAt, rpis));
        record.putAll(result.changed());
        return result.changes();
    }

    private FieldState arrived() {
        return record.get(ARRIVED);
    }

    @Test
    void aCorrectionSentInTheSameSecondAsTheOriginalIsAppliedBecauseItWasReceivedAfter() {
        receive(TABLET, T, "2026-11-02T08:10:00+01:00");
        List<Change> changes = receive(TABLET, T, "2026-11-02T08:14:00+01:00");
        assertEquals(Change.Kind.SUPERSEDED, changes.get(0).kind(), "sentAt is to the second: on a tie, the later received wins");
        assertEquals("2026-11-02T08:14:00+01:00", arrived().value().asText());
    }

    @Test
    void anEarlierVersionStillLosesToALaterOne() {
        receive(TABLET, T.plusSeconds(1), "2026-11-02T08:14:00+01:00");
        assertEquals(Change.Kind.OLDER, receive(TABLET, T, "2026-11-02T08:10:00+01:00").get(0).kind());
        assertEquals("2026-11-02T08:14:00+01:00", arrived().value().asText());
    }

    @Test
    void theTabletsCorrectionReplacesItsOwnValueEvenWhenTheLrmsIdenticalCopyCameFirst() {
        receive(LRM, T, "2026-11-02T08:10:00+01:00");
        assertTrue(receive(TABLET, T.plusSeconds(5), "2026-11-02T08:10:00+01:00").isEmpty(), "the same value: one value");
        List<Change> changes = receive(TABLET, T.plusSeconds(60), "2026-11-02T08:14:00+01:00");

        assertEquals(Change.Kind.SUPERSEDED, changes.get(0).kind());
        assertEquals("2026-11-02T08:14:00+01:00", arrived().value().asText());
        assertEquals(TABLET, arrived().source(), "the correction's sender");
        assertFalse(arrived().inConflict());

        // the LRM's copy of the correction: the same value again, nothing to flag
        assertTrue(receive(LRM, T.plusSeconds(70), "2026-11-02T08:14:00+01:00").isEmpty());
        assertFalse(arrived().inConflict());
    }

    @Test
    void anOlderVersionOfTheAgreeingSenderDoesNotReplaceTheValue() {
        receive(LRM, T, "2026-11-02T08:10:00+01:00");
        receive(TABLET, T.plusSeconds(60), "2026-11-02T08:10:00+01:00");
        assertEquals(Change.Kind.OLDER, receive(TABLET, T.plusSeconds(5), "2026-11-02T08:07:00+01:00").get(0).kind());
        assertEquals("2026-11-02T08:10:00+01:00", arrived().value().asText());
    }

    @Test
    void twoSendersThatGenuinelyDisagreeStayAConflict() {
        receive(TABLET, T, "2026-11-02T08:10:00+01:00");
        List<Change> changes = receive(LRM, T.plusSeconds(60), "2026-11-02T08:17:00+01:00");
        assertEquals(Change.Kind.CONFLICT, changes.get(0).kind());
        assertEquals("2026-11-02T08:10:00+01:00", arrived().value().asText(), "the value stays");
        assertEquals(LRM, arrived().conflictSource());
    }
}
