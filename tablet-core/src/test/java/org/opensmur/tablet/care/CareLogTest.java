package org.opensmur.tablet.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.testing.FakeTransport;
import org.opensmur.core.testing.MutableClock;
import org.opensmur.store.TestStore;
import org.opensmur.tablet.TabletCore;
import org.opensmur.tablet.handover.HandoverSheets;

/** Acts and drugs are mission data: encrypted at rest, back after a restart, erased by the mission's retention. */
class CareLogTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T09:40:00Z"));
    private final OffsetDateTime at = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.ofHours(1));

    private TabletCore core() {
        return new TabletCore(new FakeTransport(), TestStore.TABLET, ModelLine.CURRENT, dir, TestStore.keys(), clock);
    }

    @Test
    void whatWasGivenComesBackInTimeOrderAfterARestartAndIsNeverWrittenInClear() throws Exception {
        CareGiven adrenaline = CareGiven.drug("Adrénaline", "1", "mg", "IV", at.plusMinutes(4));
        CareGiven intubation = CareGiven.act("Intubation", null, at.plusMinutes(2));
        try (TabletCore core = core()) {
            new CareLog(core.drafts()).save(TestStore.CASE_A, "patient.1", List.of(adrenaline, intubation));
            new CareLog(core.drafts()).save(TestStore.CASE_A, "patient.2", List.of(CareGiven.act("VVP", null, at)));
        }
        try (TabletCore again = core()) {
            assertEquals(List.of(intubation, adrenaline), new CareLog(again.drafts()).load(TestStore.CASE_A, "patient.1"));
            assertEquals(1, new CareLog(again.drafts()).load(TestStore.CASE_A, "patient.2").size(), "each patient their own");
            assertEquals(List.of(), new CareLog(again.drafts()).load(TestStore.CASE_B, "patient.1"), "another mission: nothing");
        }
        try (var files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(raw.contains("Intubation") || raw.contains("drine"), "in clear in " + file.getFileName());
            }
        }
    }

    @Test
    void theMissionsRetentionErasesItsActsDrugsAndHandoverSheetAndNothingOfAnother() {
        try (TabletCore core = core()) {
            CareLog log = new CareLog(core.drafts());
            HandoverSheets sheets = new HandoverSheets(core.drafts());
            log.save(TestStore.CASE_A, "patient.1", List.of(CareGiven.act("Intubation", null, at)));
            sheets.keep(TestStore.CASE_A, "patient.1", new byte[] {'%', 'P', 'D', 'F'}, at);
            log.save(TestStore.CASE_B, "patient.1", List.of(CareGiven.act("VVP", null, at)));
            core.store().retention().closed(TestStore.CASE_A, "test: mission over");
            var outcome = core.store().retention().purgeNow(TestStore.CASE_A);
            assertTrue(outcome.purged(), outcome.toString());
            assertEquals(List.of(), log.load(TestStore.CASE_A, "patient.1"), "the acts and drugs went with the mission");
            assertTrue(sheets.last(TestStore.CASE_A, "patient.1").isEmpty(), "the handover sheet too");
            assertEquals(1, log.load(TestStore.CASE_B, "patient.1").size(), "the other mission's stay");
        }
    }
}
