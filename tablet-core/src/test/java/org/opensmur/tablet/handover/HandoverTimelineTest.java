package org.opensmur.tablet.handover;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.tablet.care.CareGiven;
import org.opensmur.tablet.mission.Tap;
import org.opensmur.tablet.mission.Timeline;

/** The handover puts every fact of the mission in time order, statuses said once (not again as their RS-SR). */
class HandoverTimelineTest {

    private static final OffsetDateTime T = OffsetDateTime.parse("2026-12-06T10:30:00+01:00");

    @Test
    void statusesVitalsActsDrugsAndMessagesComeInTimeOrderAndACorrectedStatusIsNotShown() {
        Tap depart = new Tap(ResourceStatus.DEPART, T, "d1");
        Tap wrong = new Tap(ResourceStatus.PEC, T.plusMinutes(11), "d2");
        Tap arrivee = new Tap(ResourceStatus.ARRIVEE, T.plusMinutes(10).plusSeconds(40), "d3"); // seconds later than the act's minute
        Timeline timeline = new Timeline(ModelLine.CURRENT, "case", "lrm", List.of(depart, arrivee, wrong),
                Map.of("d2", T.plusMinutes(11).toInstant()), List.of(), Map.of(), false, false, Map.of());
        List<HandoverEntry> entries = HandoverTimeline.assemble(Optional.of(timeline),
                List.of(new HandoverTimeline.Series(T.plusMinutes(12), "Fréquence cardiaque 0"),
                        new HandoverTimeline.Series(T.plusMinutes(25), "Fréquence cardiaque 88")),
                List.of(CareGiven.drug("Adrénaline", "1", "mg", "IV", T.plusMinutes(14)), CareGiven.act("Intubation", null, T.plusMinutes(12)),
                        CareGiven.act("Massage cardiaque externe", null, T.plusMinutes(10))), // tapped the minute the crew arrived
                List.of(new HandoverTimeline.Sent(T.plusMinutes(10), MessageType.RS_SR, "reçu"),
                        new HandoverTimeline.Sent(T.plusMinutes(26), MessageType.RS_BPV, "reçu par le SAMU")));
        assertEquals(List.of(
                "10:30 STATUS " + ResourceStatus.DEPART.label(),
                "10:40:40 STATUS " + ResourceStatus.ARRIVEE.label(),
                "10:40 ACT Massage cardiaque externe",
                "10:42 VITALS Fréquence cardiaque 0",
                "10:42 ACT Intubation",
                "10:44 DRUG Adrénaline 1 mg IV",
                "10:55 VITALS Fréquence cardiaque 88",
                "10:56 MESSAGE RS-BPV · reçu par le SAMU"),
                entries.stream().map(e -> e.at().toLocalTime() + " " + e.kind() + " " + e.text()).toList());
    }
}
