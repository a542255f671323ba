package org.opensmur.app.session;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.app.testing.Tablets;
import org.opensmur.app.ui.Labels;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.reference.ReferenceStep;
import org.opensmur.core.tablet.DeliveryState;
import org.opensmur.core.testing.FakeTransport;
import org.opensmur.core.testing.MutableClock;
import org.opensmur.tablet.TabletThreads;
import org.opensmur.tablet.testing.Deliveries;

/**
 * A mission the SAMU closed is purged by the retention once its time is over, whatever the screens still show
 * of it: the screens let it go (nothing of the patient stays on them, nothing more can be typed about it), and
 * a keystroke the crew made as it was purged does not bring any of it back into the store.
 */
class MissionPastItsTimeTest {

    @TempDir
    Path dir;

    @Test
    void theScreensLetGoOfAMissionPurgedUnderThemAndWhatWasTypedAsItWentGoesToo() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        var settings = Tablets.settings(dir);
        FakeTransport link = new FakeTransport();
        TabletThreads threads = TabletThreads.named(Runnable::run);
        try (TabletSession app = new TabletSession(link, settings, Labels.french(), threads, clock, new Tablets.StandingStill())) {
            app.start();
            var core = app.core();
            OutgoingMessages samu = OutgoingMessages.of(settings.lrmId(), clock);
            Deliveries.deliver(core, link, Deliveries.caseCreated(samu, settings.clientId()));
            Deliveries.deliver(core, link, Deliveries.request(samu, settings.clientId()));
            await().atMost(Duration.ofSeconds(10)).until(() -> app.engagement().pendingProperty().get() != null);
            app.engagement().accept();
            await().atMost(Duration.ofSeconds(10)).until(() -> app.bilan().care().caseId() != null
                    && app.patients().selectedProperty().get() != null);
            String caseId = app.bilan().care().caseId();
            String patientId = app.patients().selectedProperty().get().patientId();
            String bilanKey = "bilan:" + caseId + ":" + patientId;

            // the physician writes; the SAMU closes the case; it has the crew's reply
            idle(threads);
            app.bilan().input("bilan.history").valueProperty().set("asthme");
            await().atMost(Duration.ofSeconds(10)).until(() -> core.drafts().load(bilanKey).isPresent());
            Deliveries.deliver(core, link, Deliveries.caseUpdated(samu, settings.clientId(), "AliceGregoireNormand.16"));
            await().atMost(Duration.ofSeconds(10)).until(() -> core.ledger().list(null, 100).stream()
                    .noneMatch(e -> e.state() == DeliveryState.QUEUED));
            core.ledger().list(null, 100).stream().filter(e -> e.type() == org.opensmur.core.hub.message.MessageType.RS_RI)
                    .forEach(e -> {
                        HubMessage reply = core.outgoing().codec().decode(core.ledger().body(e.distributionId())).envelope();
                        Deliveries.deliver(core, link, samu.reference(reply, ReferenceStep.INTEGRE).orElseThrow());
                    });
            await().atMost(Duration.ofSeconds(10)).until(() -> core.retention().closedAt(caseId).isPresent());
            assertEquals(caseId, app.mission().caseIdProperty().get(), "over, and still on the screens");

            // 72 h later the sweep comes while the physician is still typing: a keystroke lands just after it
            clock.advance(Duration.ofHours(73));
            CountDownLatch held = new CountDownLatch(1);
            threads.store().execute(() -> {
                try {
                    held.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            List<Boolean> purged = new java.util.concurrent.CopyOnWriteArrayList<>();
            threads.store().execute(() -> core.purgeDue().forEach(o -> purged.add(o.purged())));
            app.bilan().input("bilan.history").valueProperty().set("asthme ancien");
            held.countDown();

            await().atMost(Duration.ofSeconds(10)).until(() -> "".equals(app.mission().caseIdProperty().get()));
            assertEquals(List.of(true), purged);
            assertTrue(app.mission().eraseOutcomeProperty().get().contains("délai de conservation"),
                    app.mission().eraseOutcomeProperty().get());
            assertNull(app.bilan().care().caseId(), "the bilan is about no case any more");
            assertNull(app.patients().selectedProperty().get());
            await().atMost(Duration.ofSeconds(10)).until(() -> core.drafts().load(bilanKey).isEmpty());

            // what is typed on the bilan now is about no mission: nothing of the erased one is written again
            idle(threads);
            app.bilan().input("bilan.history").valueProperty().set("asthme ancien, traité");
            idle(threads);
            assertTrue(core.drafts().load(bilanKey).isEmpty());
            assertTrue(core.drafts().load("bilan:" + caseId + ":patient").isEmpty());
        }
    }

    /** Once the store's thread has done what it was given (the screens' callbacks run on it here). */
    private static void idle(TabletThreads threads) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        threads.store().execute(done::countDown);
        assertTrue(done.await(10, TimeUnit.SECONDS));
    }
}
