package org.opensmur.app.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.app.settings.TabletSettings;
import org.opensmur.app.testing.Tablets;
import org.opensmur.app.ui.Background;
import org.opensmur.app.ui.Labels;
import org.opensmur.core.testing.MutableClock;
import org.opensmur.tablet.TabletCore;
import org.opensmur.tablet.care.CareGiven;
import org.opensmur.tablet.care.CareCatalog;
import org.opensmur.tablet.care.CareLog;

/**
 * A tap on an act while the patient's acts are still being read (just after choosing the patient) is refused and
 * said: it would have saved the previous patient's list, or an empty one, as this patient's.
 */
class CareLoadingTest {

    @TempDir
    Path dir;

    @Test
    void anActTappedWhileThePatientsActsAreReadIsRefusedAndNothingOfAnotherPatientIsSavedAsTheirs() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
        TabletSettings settings = Tablets.settings(dir);
        TabletCore core = Tablets.core(settings, clock);
        try {
            CareLog log = new CareLog(core.drafts());
            log.save(Tablets.CASE, "patient.2", List.of(CareGiven.act("VVP", null, clock.instant().atOffset(java.time.ZoneOffset.UTC))));
            Deque<Runnable> store = new ArrayDeque<>(); // the store's thread, run by the test when it chooses
            CareViewModel care = new CareViewModel(log, new Background(store::add, Runnable::run), Labels.french(), clock);
            care.open(Tablets.CASE);
            care.choose("patient.1");
            while (!store.isEmpty()) {
                store.poll().run();
            }
            CareCatalog.Act intubation = care.catalogProperty().get().acts().stream().filter(a -> a.label().equals("Intubation")).findFirst().orElseThrow();
            assertTrue(care.act(intubation), "patient 1's list read: the act is taken");
            while (!store.isEmpty()) {
                store.poll().run();
            }
            care.choose("patient.2"); // its list not read yet
            assertFalse(care.act(intubation), "refused while patient 2's acts are read");
            assertEquals("Un instant : les actes de ce patient se chargent, touchez à nouveau", care.messageProperty().get());
            while (!store.isEmpty()) {
                store.poll().run();
            }
            assertEquals(List.of("VVP"), log.load(Tablets.CASE, "patient.2").stream().map(CareGiven::what).toList(),
                    "patient 1's intubation never saved as patient 2's");
            assertTrue(care.act(intubation), "read: taken");
            while (!store.isEmpty()) {
                store.poll().run();
            }
            assertEquals(List.of("VVP", "Intubation"), log.load(Tablets.CASE, "patient.2").stream().map(CareGiven::what).toList());
            assertEquals(List.of("Intubation"), log.load(Tablets.CASE, "patient.1").stream().map(CareGiven::what).toList());
        } finally {
            core.close();
        }
    }
}
