package org.opensmur.tablet.mission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.geo.Availability;
import org.opensmur.core.geo.EngagedStatus;
import org.opensmur.core.geo.Motion;
import org.opensmur.core.geo.Position;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.outgoing.Built;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.rules.StatusFlow;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.testing.MutableClock;
import org.opensmur.store.TestStore;

/** A GEO-POS fix says where the engaged crew stands in its mission and whether it moves; nothing it cannot know. */
class PositionReportTest {

    private static final Instant AT = Instant.parse("2026-12-06T09:00:00Z");
    private static final String CASE = "fr.health.samu440.DRFR154403400001";

    static List<ModelLine> lines() {
        return ModelLine.all();
    }

    private static Timeline tapped(ModelLine line, ResourceStatus... statuses) {
        Timeline timeline = Timeline.engaged(line, CASE, TestStore.LRM);
        OffsetDateTime t = OffsetDateTime.ofInstant(AT, ZoneOffset.UTC);
        for (int i = 0; i < statuses.length; i++) {
            timeline = timeline.with(new Tap(statuses[i], t.plusMinutes(i), TestStore.TABLET + "_" + i));
        }
        return timeline;
    }

    private static void officiallyValid(ModelLine line, Position position) {
        OutgoingMessages outgoing = OutgoingMessages.of(TestStore.TABLET, new MutableClock(AT), line);
        Built built = outgoing.positions(List.of(position), TestStore.LRM);
        assertTrue(built.isValid(), () -> "valid: " + built.issues());
        var tree = SharedCorpus.readBytes(outgoing.codec().encode(built.orElseThrow()));
        assertEquals(Set.of(), SharedCorpus.officialErrors(SharedCorpus.officialEnvelopeSchema(line), tree));
    }

    @ParameterizedTest
    @MethodSource("lines")
    void eachStatusOfTheMissionGoesWithTheFixAndTheOfficialSchemaTakesIt(ModelLine line) {
        List<ResourceStatus> flow = StatusFlow.sequence(line);
        List<ResourceStatus> done = new ArrayList<>();
        Map<EngagedStatus, Integer> seen = new java.util.EnumMap<>(EngagedStatus.class);
        Position alerted = PositionReport.of(TestStore.VLM4, AT, 47.2, -1.55, Double.NaN, 0, Double.NaN, tapped(line));
        assertEquals(EngagedStatus.ALERTEE, alerted.engagedStatus(), "engaged, not left yet");
        assertEquals(Availability.INDISPONIBLE, alerted.status());
        for (ResourceStatus status : flow) {
            done.add(status);
            Timeline timeline = tapped(line, done.toArray(ResourceStatus[]::new));
            Position position = PositionReport.of(TestStore.VLM4, AT, 47.2, -1.55, Double.NaN, 60, 90, timeline);
            assertTrue(position.engagedStatus() != null, status + " says where the crew stands");
            seen.merge(position.engagedStatus(), 1, Integer::sum);
            boolean freed = done.stream().anyMatch(StatusFlow::endsMission);
            assertEquals(freed ? Availability.DISPONIBLE : Availability.INDISPONIBLE, position.status(), "after " + status);
            officiallyValid(line, position);
        }
        assertEquals(EngagedStatus.PARTIE, PositionReport.of(TestStore.VLM4, AT, 47.2, -1.55, Double.NaN, 60, 90,
                tapped(line, ResourceStatus.DEPART)).engagedStatus());
        assertEquals(EngagedStatus.FIN_MED, PositionReport.of(TestStore.VLM4, AT, 47.2, -1.55, Double.NaN, 60, 90,
                tapped(line, ResourceStatus.DEPART, ResourceStatus.ARRIVEE, StatusFlow.endOfCare(line))).engagedStatus());
        assertTrue(seen.size() >= 6, "the mission's stages are told apart: " + seen.keySet());
    }

    @ParameterizedTest
    @MethodSource("lines")
    void movingOrStandingFromTheSpeedAndNothingTheTabletCannotKnow(ModelLine line) {
        Position driving = PositionReport.of(TestStore.VLM4, AT, 47.2, -1.55, Double.NaN, 72, 180, tapped(line, ResourceStatus.DEPART));
        assertEquals(Motion.MOBILE, driving.move());
        assertEquals(72.0, driving.speed());
        Position standing = PositionReport.of(TestStore.VLM4, AT, 47.2, -1.55, Double.NaN, 1.5, Double.NaN, tapped(line, ResourceStatus.DEPART));
        assertEquals(Motion.STATIQUE, standing.move(), "a receiver at rest wanders a little");
        Position unknown = PositionReport.of(TestStore.VLM4, AT, 47.2, -1.55, Double.NaN, Double.NaN, Double.NaN, null);
        assertNull(unknown.move(), "no speed: moving or not is not said");
        assertNull(unknown.speed());
        assertNull(unknown.cap());
        assertNull(unknown.coord().height());
        assertNull(unknown.engineOn(), "a tablet is not wired to the engine");
        assertNull(unknown.groundStatus());
        assertNull(unknown.status(), "no mission: its availability is not the tablet's to say");
        assertNull(unknown.engagedStatus());
        officiallyValid(line, unknown);
        Position shared = PositionReport.of(TestStore.VLM4, AT, 47.2, -1.55, Double.NaN, 10, 0,
                Timeline.shared(line, CASE, TestStore.LRM));
        assertNull(shared.engagedStatus(), "a case only shared: the crew is not engaged on it");
    }
}
