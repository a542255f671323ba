package org.opensmur.app.shift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.app.settings.TabletSettings;
import org.opensmur.app.testing.Tablets;
import org.opensmur.app.ui.Background;
import org.opensmur.app.ui.Labels;
import org.opensmur.core.testing.MutableClock;
import org.opensmur.tablet.TabletCore;

/** The shift's home centre reaches the RS-RI; a town code the Hub would refuse is said where it is typed. */
class ShiftViewModelTest {

    @TempDir
    Path dir;

    @Test
    void aTownThatIsNotAnInseeCodeIsRefusedAtTheShiftNotAtTheEngagement() {
        TabletSettings settings = Tablets.settings(dir);
        TabletCore core = Tablets.core(settings, new MutableClock(Instant.parse("2026-12-06T08:00:00Z")));
        try {
            ShiftViewModel shift = new ShiftViewModel(core, Background.direct(), settings, Labels.french(), core.clock());
            shift.field("centerName").set("SMUR de Saint-Nazaire");
            shift.field("centerCity").set("Saint-Nazaire");
            shift.save();
            assertTrue(shift.messageProperty().get().startsWith("Commune du centre"), shift.messageProperty().get());
            assertEquals(Map.of(), core.drafts().load(ShiftViewModel.STORE_KEY).orElse(Map.of()), "nothing saved");
            assertEquals(null, shift.current().centerName(), "the messages are not built from a refused set-up");

            shift.field("centerCity").set(" 44184 ");
            shift.save();
            assertEquals("44184", shift.current().centerCity());
            assertEquals("SMUR de Saint-Nazaire", shift.current().centerName());
            ShiftViewModel restarted = new ShiftViewModel(core, Background.direct(), settings, Labels.french(), core.clock());
            restarted.load();
            assertEquals("44184", restarted.field("centerCity").get(), "kept with the shift");
        } finally {
            core.close();
        }
    }
}
