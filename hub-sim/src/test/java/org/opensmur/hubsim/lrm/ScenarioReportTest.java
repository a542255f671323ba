package org.opensmur.hubsim.lrm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scenario's verdict counts what the ORU was owed, not only what the LRM saw. */
class ScenarioReportTest {

    private static ScenarioReport played(String... arrived) {
        return new ScenarioReport("primary", java.util.Arrays.stream(arrived)
                .map(e -> new ScenarioReport.Line(e, ScenarioReport.Verdict.ARRIVED, Duration.ofMillis(10))).toList(), 0);
    }

    @Test
    void aMissionBackAtBaseWhoseOruGotNoRpisIsNotComplete() {
        ScenarioReport report = played("RS-RI", "RS-SR DEPART", "RS-SR RETOUR");
        assertTrue(report.complete(), "everything the LRM expected came");

        ScenarioReport withoutRecord = report.withRecordAtOru(false);
        assertFalse(withoutRecord.complete());
        assertTrue(withoutRecord.toString().contains("MISSING  RS-RPIS at the ORU"), withoutRecord.toString());
        assertTrue(report.withRecordAtOru(true).complete());
    }

    @Test
    void aMissionThatNeverWentBackOwesTheOruNothing() {
        ScenarioReport cancelled = played("RS-RI", "RS-SR DEPART", "RS-SR ANNULE");
        assertEquals(cancelled, cancelled.withRecordAtOru(false));
        assertEquals(List.of(), cancelled.withRecordAtOru(false).lines().stream()
                .filter(l -> l.verdict() != ScenarioReport.Verdict.ARRIVED).toList());
    }

    @Test
    void aReturnReplayedLateStillOwesTheOruItsRecord() {
        ScenarioReport late = new ScenarioReport("primary", List.of(
                new ScenarioReport.Line("RS-RI", ScenarioReport.Verdict.ARRIVED, Duration.ofMillis(10)),
                new ScenarioReport.Line("RS-SR RETOUR", ScenarioReport.Verdict.LATE, Duration.ofSeconds(70))), 0);
        assertTrue(late.backToBase(), "back at base, only late (the network was down)");
        assertTrue(late.withRecordAtOru(false).toString().contains("MISSING  RS-RPIS at the ORU"));
    }
}
