package org.opensmur.app.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.app.testing.Tablets;
import org.opensmur.app.ui.Background;
import org.opensmur.app.ui.Labels;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.mission.ResourcesInfo;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.testing.FakeTransport;
import org.opensmur.core.testing.MutableClock;
import org.opensmur.tablet.TabletCore;
import org.opensmur.tablet.mission.Crew;
import org.opensmur.tablet.mission.MissionCore;
import org.opensmur.tablet.mission.MissionEvent;
import org.opensmur.tablet.testing.Deliveries;

/**
 * The state the crew adds to its engagement reply (DECLENCHE...) was reached before the reply: at 05:00, "16:00" is
 * yesterday afternoon's; a time to come is refused, said, and nothing leaves until it is put right.
 */
class EngagementViewModelTest {

    @TempDir
    Path dir;

    @Test
    void theAddedStatesTimeIsOneAlreadyReachedNeverOneToCome() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-07T04:00:00Z")); // 05:00 in Paris
        var settings = Tablets.settings(dir);
        FakeTransport link = new FakeTransport();
        try (TabletCore core = new TabletCore(link, settings.clientId(),
                org.opensmur.core.hub.validation.ModelLine.named(settings.hub().modelLine()), settings.storeFolder(), settings.storeKeys(), clock)) {
            core.trust(settings.hub().trustedParties());
            MissionCore mission = new MissionCore(core, new Crew(settings.resourceId(), settings.unit().orgId(), settings.vehicleType(),
                    settings.vehicleName(), settings.crewName()), Runnable::run);
            EngagementViewModel engagement = new EngagementViewModel(mission, Background.direct(), Labels.french(), () -> { },
                    core.line(), clock);
            List<MissionEvent.RequestRinging> rang = new CopyOnWriteArrayList<>();
            core.events().subscribe(MissionEvent.class, event -> {
                if (event instanceof MissionEvent.RequestRinging ringing) {
                    rang.add(ringing);
                }
            });
            core.start();
            Deliveries.deliver(core, link, Deliveries.request(OutgoingMessages.of(settings.lrmId(), clock), settings.clientId()));
            assertEquals(1, rang.size());
            engagement.ring(rang.get(0));

            engagement.extraStateProperty().set(ResourceStatus.DECLENCHE.code());
            engagement.extraTimeProperty().set("06:00");
            engagement.accept();
            assertEquals("Heure à venir : l'état ajouté doit être déjà atteint (il est 05:00:00)", engagement.outcomeProperty().get());
            assertNotNull(engagement.pendingProperty().get(), "still ringing, to be put right");
            assertTrue(core.ledger().list(null, 10).stream().noneMatch(e -> e.type() == MessageType.RS_RI), "nothing sent");

            engagement.extraTimeProperty().set("16:00");
            engagement.accept();
            var reply = core.ledger().list(null, 10).stream().filter(e -> e.type() == MessageType.RS_RI).findFirst().orElseThrow();
            var states = ((ResourcesInfo) core.outgoing().codec().decode(core.ledger().body(reply.distributionId())).envelope().payload())
                    .resource().get(0).state();
            var declenche = states.stream().filter(s -> s.status() == ResourceStatus.DECLENCHE).findFirst().orElseThrow();
            assertEquals(OffsetDateTime.parse("2026-12-06T16:00:00+01:00").toInstant(), declenche.datetime().toInstant(),
                    "yesterday afternoon's, thirteen hours ago");
        }
    }
}
