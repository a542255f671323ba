package org.opensmur.app.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.app.ui.Labels;
import org.opensmur.app.testing.Tablets;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.status.ResourcesStatus;
import org.opensmur.core.testing.MutableClock;
import org.opensmur.store.outbox.DeliveryState;
import org.opensmur.store.outbox.OutboxEntry;
import org.opensmur.tablet.TabletCore;

/** A tap is durable at once with its own time; a mistaken one is corrected by a new message, within the window only. */
class StatusViewModelTest {

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private TabletCore core;
    private StatusViewModel model;
    private final org.opensmur.core.testing.FakeTransport transport = new org.opensmur.core.testing.FakeTransport();

    @BeforeEach
    void open() {
        var settings = Tablets.settings(dir);
        core = new TabletCore(transport, settings.clientId(), org.opensmur.core.hub.validation.ModelLine.CURRENT, dir, settings.storeKeys(), clock);
        core.trust(settings.hub().trustedParties());
        var mission = new org.opensmur.tablet.mission.MissionCore(core, new org.opensmur.tablet.mission.Crew(settings.resourceId(),
                settings.unit().orgId(), settings.vehicleType(), settings.vehicleName(), settings.crewName()), Runnable::run);
        model = new StatusViewModel(mission, org.opensmur.app.ui.Background.direct(), core.line(), Labels.french(), clock);
        core.events().subscribe(org.opensmur.tablet.mission.MissionEvent.TimelineChanged.class, changed -> model.show(changed.timeline()));
        core.start();
        var samu = org.opensmur.core.outgoing.OutgoingMessages.of(Tablets.LRM, clock);
        org.opensmur.tablet.testing.Deliveries.deliver(core, transport, org.opensmur.tablet.testing.Deliveries.request(samu, settings.clientId()));
        mission.accept(null);
        caseId = mission.openCase();
        transport.disconnect(); // no coverage from here on: taps wait in the outbox
    }

    private String caseId;

    @AfterEach
    void close() {
        core.close();
    }

    private List<ResourceStatus> queuedStatuses() {
        HubCodec codec = new HubCodec();
        return core.store().outbox().list(caseId, 100).stream()
                .sorted(java.util.Comparator.comparingLong(OutboxEntry::id))
                .filter(e -> e.type() == org.opensmur.core.hub.message.MessageType.RS_SR)
                .map(e -> ((ResourcesStatus) codec.decode(core.store().outbox().body(e.distributionId())).envelope().payload()).state().status())
                .toList();
    }

    @Test
    void aTapOfflineIsQueuedWithTheTimeOfTheTap() {
        assertEquals(ResourceStatus.DEPART, model.expectedProperty().get());
        model.tap(ResourceStatus.DEPART);
        clock.advance(Duration.ofMinutes(10)); // it may leave much later: the time stays the tap's
        assertEquals(List.of(ResourceStatus.DEPART), queuedStatuses());
        ResourcesStatus sent = (ResourcesStatus) new HubCodec().decode(core.store().outbox().body(
                model.history().get(0).distributionId())).envelope().payload();
        assertEquals(Instant.parse("2026-11-23T10:00:00Z"), sent.state().datetime().toInstant());
        assertEquals(DeliveryState.QUEUED, model.lastTapStateProperty().get());
        assertTrue(model.lastTapTextProperty().get().endsWith("en attente"), model.lastTapTextProperty().get());
        assertEquals(ResourceStatus.ARRIVEE, model.expectedProperty().get());
    }

    @Test
    void aMistakenTapIsCorrectedByANewStatusNeverByDeletion() {
        model.tap(ResourceStatus.DEPART);
        clock.advance(Duration.ofMinutes(5));
        model.tap(ResourceStatus.PEC); // skipped ARRIVEE by mistake
        clock.advance(Duration.ofSeconds(20));
        assertTrue(model.correctableProperty().get());
        model.correct();
        assertEquals(List.of(ResourceStatus.DEPART, ResourceStatus.PEC, ResourceStatus.DEPART), queuedStatuses(),
                "history kept, the status before sent again");
        assertEquals(ResourceStatus.ARRIVEE, model.expectedProperty().get());
        assertFalse(model.correctableProperty().get());
    }

    @Test
    void afterTheWindowATapCanNoLongerBeCorrected() {
        model.tap(ResourceStatus.DEPART);
        model.tap(ResourceStatus.ARRIVEE);
        clock.advance(StatusViewModel.CORRECTION_WINDOW.plusSeconds(1));
        model.tick(clock.instant());
        assertFalse(model.correctableProperty().get());
        model.correct();
        assertEquals(List.of(ResourceStatus.DEPART, ResourceStatus.ARRIVEE), queuedStatuses());
    }

    @Test
    void aTapThatCannotBeSavedIsNotRecordedAndTheCrewIsToldWhyInTheirWords() throws Exception {
        model.tap(ResourceStatus.DEPART);
        java.nio.file.Files.delete(dir.resolve("store.db")); // the database goes under the running tablet

        model.tap(ResourceStatus.ARRIVEE);

        assertEquals("Base de données introuvable : plus rien n'est enregistré, appelez l'intégrateur",
                model.lastTapTextProperty().get());
        assertEquals(List.of(ResourceStatus.DEPART), model.history().stream().map(org.opensmur.tablet.mission.Tap::status).toList(),
                "a tap not saved is not shown as done");
        assertEquals(ResourceStatus.ARRIVEE, model.expectedProperty().get(), "the crew can tap it again");
        assertEquals(org.opensmur.store.db.StoreException.Kind.MISSING, core.storage().problem().kind(),
                "the status bar learns it at once");
    }
}
