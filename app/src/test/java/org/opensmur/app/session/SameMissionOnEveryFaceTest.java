package org.opensmur.app.session;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.app.settings.TabletSettings;
import org.opensmur.app.testing.Tablets;
import org.opensmur.app.ui.Labels;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.hub.transport.HubConfig;
import org.opensmur.core.mission.ResourceInfo;
import org.opensmur.core.mission.ResourcesInfo;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.status.ResourcesStatus;
import org.opensmur.core.tablet.OutboxEntry;
import org.opensmur.core.testing.FakeTransport;
import org.opensmur.hubsim.tablet.HeadlessTablet;
import org.opensmur.store.testing.TestKeys;
import org.opensmur.tablet.TabletCore;
import org.opensmur.tablet.testing.Deliveries;

/**
 * The app and the headless tablet are two faces of one mission core: given the same case and engagement
 * request, a crew tapping the app's status screen through a whole mission and the headless crew send the
 * SAMU the same engagement reply and the same statuses, in the same order, with the same availability.
 */
class SameMissionOnEveryFaceTest {

    @TempDir
    Path dir;

    /** What the SAMU receives of the mission, without what differs by construction (ids, times, the vehicle's name). */
    private record Said(String type, String recipient, String what) {
    }

    private static List<Said> saidToTheSamu(TabletCore core) {
        var outbox = core.ledger();
        return outbox.list(null, 1000).stream().sorted(Comparator.comparingLong(OutboxEntry::id))
                .filter(e -> e.type() == MessageType.RS_RI || e.type() == MessageType.RS_SR)
                .map(e -> {
                    HubMessage m = core.outgoing().codec().decode(outbox.body(e.distributionId())).envelope();
                    String what = switch (m.payload()) {
                        case ResourcesInfo info -> {
                            ResourceInfo r = info.resource().get(0);
                            yield String.join("|", info.caseId(), r.resourceId(), r.orgId(), r.missionId(), r.vehicleType(),
                                    String.valueOf(r.team()), r.state().stream().map(s -> s.status().code()).toList().toString());
                        }
                        case ResourcesStatus status -> String.join("|", status.caseId(), status.resourceId(),
                                status.state().status().code(), String.valueOf(status.state().availability()));
                        default -> throw new IllegalStateException();
                    };
                    return new Said(e.type().code(), m.recipientID(), what);
                }).toList();
    }

    private static void samuSharesTheCaseAndEngages(TabletCore core, FakeTransport link, String lrm, String tablet) {
        OutgoingMessages samu = OutgoingMessages.of(lrm, Clock.systemUTC());
        Deliveries.deliver(core, link, Deliveries.caseCreated(samu, tablet));
        Deliveries.deliver(core, link, Deliveries.request(samu, tablet));
    }

    @Test
    void theAppsCrewAndTheHeadlessCrewSendTheSamuTheSameMission() {
        HubConfig hub = Tablets.settings(dir.resolve("config")).hub();

        List<Said> fromTheApp;
        TabletSettings settings = TabletSettings.of(hub, dir.resolve("app"), TestKeys.secret("app-face"), null, false);
        FakeTransport appLink = new FakeTransport();
        try (TabletSession app = new TabletSession(appLink, settings, Labels.french(), Runnable::run, Clock.systemUTC(),
                new Tablets.StandingStill())) {
            app.start();
            samuSharesTheCaseAndEngages(app.core(), appLink, hub.lrmClientId(), hub.clientId());
            await().atMost(Duration.ofSeconds(10)).until(() -> app.engagement().pendingProperty().get() != null);
            app.engagement().accept();
            // the crew taps what the screen says comes next, until available again
            ResourceStatus tapped = null;
            while (tapped != ResourceStatus.RETOUR) {
                ResourceStatus next = await().atMost(Duration.ofSeconds(10)).until(() -> app.status().expectedProperty().get(),
                        s -> s != null && app.status().currentProperty().get() != s);
                app.status().tap(next);
                tapped = next;
                ResourceStatus done = tapped;
                await().atMost(Duration.ofSeconds(10)).until(() -> app.status().currentProperty().get() == done);
            }
            fromTheApp = saidToTheSamu(app.core());
        }

        List<Said> fromTheHeadless;
        FakeTransport headlessLink = new FakeTransport();
        try (HeadlessTablet headless = new HeadlessTablet(hub, headlessLink, dir.resolve("headless"), TestKeys.secret("headless-face"),
                Duration.ofMillis(50), Clock.systemUTC())) {
            headless.start();
            samuSharesTheCaseAndEngages(headless.core(), headlessLink, hub.lrmClientId(), hub.clientId());
            await().atMost(Duration.ofSeconds(20)).until(() -> headless.mission().timeline()
                    .flatMap(t -> t.last()).map(t -> t.status() == ResourceStatus.RETOUR).orElse(false));
            fromTheHeadless = saidToTheSamu(headless.core());
        }

        assertFalse(fromTheApp.isEmpty());
        assertEquals(fromTheHeadless, fromTheApp);
        assertEquals(List.of("RS-RI", "RS-SR", "RS-SR", "RS-SR", "RS-SR", "RS-SR", "RS-SR", "RS-SR"),
                fromTheApp.stream().map(Said::type).toList(), "the reply, then DEPART to RETOUR");
    }
}
