package org.opensmur.app.rpis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.app.TabletSettings;
import org.opensmur.app.shell.Labels;
import org.opensmur.app.testing.Tablets;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.testing.MutableClock;
import org.opensmur.store.cases.CaseStore;
import org.opensmur.store.outbox.OutboxEntry;
import org.opensmur.store.tablet.TabletCore;

/** The RPIS goes to the ORU, and to the LRM as a separate message when the region asks for it. */
class RpisViewModelTest {

    @TempDir
    Path dir;

    @Test
    void aCopyGoesToTheLrmOnlyWhenConfigured() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
        TabletSettings usual = Tablets.settings(dir.resolve("usual"));
        TabletSettings other = Tablets.settings(dir.resolve("with-lrm"));
        TabletSettings withLrm = new TabletSettings(other.hub(), other.storeFolder(), other.storeKeys(), other.resourceId(),
                other.vehicleType(), other.vehicleName(), other.crewName(), other.unit(), null, true);
        var c = new HubCodec().mapper().createObjectNode();
        c.putObject("location").putObject("city").put("inseeCode", "44109").put("name", "Nantes");
        CaseStore.CaseView view = new CaseStore.CaseView(Tablets.CASE, c, List.of(), true);
        Map<ResourceStatus, OffsetDateTime> times = new EnumMap<>(ResourceStatus.class);
        OffsetDateTime t = OffsetDateTime.of(2026, 11, 23, 10, 0, 0, 0, ZoneOffset.UTC);
        times.put(ResourceStatus.DEPART, t);
        times.put(ResourceStatus.RETOUR, t.plusHours(1));
        for (TabletSettings settings : List.of(usual, withLrm)) {
            TabletCore core = Tablets.core(settings, clock);
            try {
                RpisViewModel model = new RpisViewModel(core, org.opensmur.app.shell.Background.direct(), settings, Labels.french());
                model.prefill(view, times, "I21");
                assertTrue(model.send(), model.messageProperty().get());
                List<String> recipients = core.store().outbox().list(null, 100).stream().map(OutboxEntry::recipient).sorted().toList();
                assertEquals(settings.rpisToLrm() ? List.of("fr.health.ors.pdl", Tablets.LRM) : List.of("fr.health.ors.pdl"), recipients);
            } finally {
                core.close();
            }
        }
    }
}
