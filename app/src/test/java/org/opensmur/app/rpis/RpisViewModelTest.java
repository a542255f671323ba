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
import org.opensmur.app.settings.TabletSettings;
import org.opensmur.app.ui.Labels;
import org.opensmur.app.testing.Tablets;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.testing.MutableClock;
import org.opensmur.store.cases.CaseStore;
import org.opensmur.store.outbox.OutboxEntry;
import org.opensmur.tablet.TabletCore;

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
        c.put("creation", "2026-11-23T09:50:00Z"); // an RS-EDA always has it
        c.putObject("location").putObject("city").put("inseeCode", "44109").put("name", "Nantes");
        CaseStore.CaseView view = new CaseStore.CaseView(Tablets.CASE, c, List.of(), true);
        Map<ResourceStatus, OffsetDateTime> times = new EnumMap<>(ResourceStatus.class);
        OffsetDateTime t = OffsetDateTime.of(2026, 11, 23, 10, 0, 0, 0, ZoneOffset.UTC);
        times.put(ResourceStatus.DEPART, t);
        times.put(ResourceStatus.RETOUR, t.plusHours(1));
        for (TabletSettings settings : List.of(usual, withLrm)) {
            TabletCore core = Tablets.core(settings, clock);
            try {
                RpisViewModel model = new RpisViewModel(core, org.opensmur.app.ui.Background.direct(), settings, Labels.french());
                model.prefill(view, times, "I21");
                // The case says little: what it lacks is named and nothing leaves until the crew states it.
                assertEquals("Manque : heure de la décision, motif de recours, motif médical, niveau de médicalisation, "
                        + "date de naissance, sexe, composition de l'équipe, heure de retour au SMUR, devenir du patient", model.missingProperty().get());
                org.junit.jupiter.api.Assertions.assertFalse(model.send());
                assertTrue(core.store().outbox().list(null, 100).isEmpty(), "nothing invented, nothing sent");
                model.field("whatsHappenCode").set("C09.03.00");
                model.field("whatsHappenLabel").set("Fuite de gaz");
                model.field("healthMotiveCode").set("M03.10");
                model.field("healthMotiveLabel").set("Malaise avec perte de connaissance initiale");
                model.field("medicalLevel").set("MED");
                model.field("birthDate").set("2013-11-03");
                model.field("sex").set("M");
                model.field("teamDoctor").set("true");
                model.field("teamNurse").set("true");
                model.field("teamDriver").set("false");
                model.field("decisionTime").set("09:57");
                model.field("orientationType").set("TEMP");
                model.field("returnSmur").set("11:20");
                assertEquals("", model.missingProperty().get());
                assertTrue(model.send(), model.messageProperty().get());
                List<String> recipients = core.store().outbox().list(null, 100).stream().map(OutboxEntry::recipient).sorted().toList();
                var sent = (org.opensmur.core.rpis.Rpis) new HubCodec().decode(core.store().outbox().body(
                        core.store().outbox().list(null, 100).get(0).distributionId())).envelope().payload();
                assertEquals(t.withHour(9).withMinute(57), sent.context().decisionDate(), "the time typed, on the day of the departure");
                assertEquals(Boolean.FALSE, sent.intervention().team().driver());
                assertEquals(t.withHour(11).withMinute(20), sent.intervention().smurStatus().returnSmur(), "back at base: typed, not made up");
                assertEquals(t.plusHours(1), sent.intervention().smurStatus().teamAvailable(), "the RETOUR tap, to the second");
                assertEquals(settings.rpisToLrm() ? List.of("fr.health.ors.pdl", Tablets.LRM) : List.of("fr.health.ors.pdl"), recipients);
            } finally {
                core.close();
            }
        }
    }

    @Test
    void theShiftSetUpSwitchesTheCopyToTheSamuOnADevice() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
        TabletSettings settings = Tablets.settings(dir.resolve("device")); // no RPIS_TO_LRM: a device has no environment
        var c = new HubCodec().mapper().createObjectNode();
        c.put("creation", "2026-11-23T09:50:00Z");
        c.putObject("location").putObject("city").put("inseeCode", "44109").put("name", "Nantes");
        CaseStore.CaseView view = new CaseStore.CaseView(Tablets.CASE, c, List.of(), true);
        OffsetDateTime t = OffsetDateTime.of(2026, 11, 23, 10, 0, 0, 0, ZoneOffset.UTC);
        Map<ResourceStatus, OffsetDateTime> times = new EnumMap<>(ResourceStatus.class);
        times.put(ResourceStatus.DEPART, t);
        times.put(ResourceStatus.RETOUR, t.plusHours(1));
        TabletCore core = Tablets.core(settings, clock);
        try {
            RpisViewModel model = new RpisViewModel(core, org.opensmur.app.ui.Background.direct(), settings, Labels.french());
            model.shiftFrom(() -> new org.opensmur.core.shift.ShiftSetup("VLM 1", null, org.opensmur.core.mission.MedicalLevel.MED,
                    List.of(), null, null, null, null, "SMUR.VLM", true));
            model.prefill(view, times, "I21");
            for (String[] answer : new String[][] {{"whatsHappenCode", "C09.03.00"}, {"whatsHappenLabel", "Fuite de gaz"},
                    {"healthMotiveCode", "M03.10"}, {"healthMotiveLabel", "Malaise"}, {"birthDate", "2013-11-03"}, {"sex", "M"},
                    {"teamDoctor", "true"}, {"teamNurse", "true"}, {"teamDriver", "false"}, {"decisionTime", "09:57"},
                    {"orientationType", "TEMP"}, {"returnSmur", "11:20"}}) {
                model.field(answer[0]).set(answer[1]);
            }
            assertTrue(model.send(), model.messageProperty().get());
            assertEquals(List.of("fr.health.ors.pdl", Tablets.LRM),
                    core.store().outbox().list(null, 100).stream().map(OutboxEntry::recipient).sorted().toList(),
                    "the ORU's, and the SAMU's copy the shift set-up asks for");
        } finally {
            core.close();
        }
    }
}
