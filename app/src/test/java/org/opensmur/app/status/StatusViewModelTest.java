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
import org.opensmur.core.tablet.DeliveryState;
import org.opensmur.core.tablet.OutboxEntry;
import org.opensmur.core.testing.MutableClock;
import org.opensmur.tablet.TabletCore;

/** A tap is durable at once with its own time; a mistaken one is corrected by a new message, within the window only. */
class StatusViewModelTest {

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private TabletCore core;
    private StatusViewModel model;
    private String caseId;

    @BeforeEach
    void open() {
        start(true);
    }

    /** The tablet, engaged ({@code accept}) or opened again on what its store holds, as after a restart. */
    private void start(boolean accept) {
        var engaged = Tablets.engaged(Tablets.settings(dir), clock, accept);
        core = engaged.core();
        model = new StatusViewModel(engaged.mission(), org.opensmur.app.ui.Background.direct(), core.line(), Labels.french(), clock);
        core.events().subscribe(org.opensmur.tablet.mission.MissionEvent.TimelineChanged.class, changed -> model.show(changed.timeline()));
        if (!accept) {
            engaged.mission().restore();
        }
        model.show(engaged.mission().timeline().orElseThrow());
        caseId = engaged.mission().openCase();
        engaged.link().disconnect(); // no coverage from here on: taps wait in the outbox
    }

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
        assertTrue(model.noteProperty(ResourceStatus.DEPART).get().startsWith("11:00:00 · "), // 10:00:00Z in Paris
                "to the second, even when the seconds are 0: " + model.noteProperty(ResourceStatus.DEPART).get());
    }

    @Test
    void aMistakenTapIsCorrectedByANewStatusNeverByDeletion() {
        model.tap(ResourceStatus.DEPART);
        clock.advance(Duration.ofMinutes(5));
        model.tap(ResourceStatus.PEC); // skipped ARRIVEE by mistake
        clock.advance(Duration.ofSeconds(20));
        assertTrue(model.correctableProperty().get());
        model.correct(model.correction());
        assertEquals(List.of(ResourceStatus.DEPART, ResourceStatus.PEC, ResourceStatus.DEPART), queuedStatuses(),
                "history kept, the status before sent again");
        ResourcesStatus resent = (ResourcesStatus) new HubCodec().decode(core.store().outbox().body(
                model.history().get(2).distributionId())).envelope().payload();
        assertEquals(Instant.parse("2026-11-23T10:00:00Z"), resent.state().datetime().toInstant(),
                "DEPART again with the time the crew left, not the time of the correction");
        assertEquals(Instant.parse("2026-11-23T10:00:00Z"), model.times().get(ResourceStatus.DEPART).toInstant());
        assertEquals("corrigé à 11:05:20", model.noteProperty(ResourceStatus.PEC).get(), // 10:05:20Z in Paris
                "the status taken back says so on its button");
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
        assertEquals(null, model.correction());
        assertEquals(List.of(ResourceStatus.DEPART, ResourceStatus.ARRIVEE), queuedStatuses());
    }

    @Test
    void aCorrectionAskedBeforeAnotherTapSendsNothingWhenConfirmedAfterIt() {
        model.tap(ResourceStatus.DEPART);
        StatusViewModel.Correction asked = model.correction();
        assertTrue(asked.question().contains("rien n'est envoyé"), asked.question());
        model.tap(ResourceStatus.ARRIVEE); // from the header, the question still on screen
        model.correct(asked);
        assertEquals(List.of(ResourceStatus.DEPART, ResourceStatus.ARRIVEE), queuedStatuses(), "nothing the crew did not see");
        assertEquals(ResourceStatus.ARRIVEE, model.lastTapProperty().get().status());
        assertEquals(ResourceStatus.PEC, model.expectedProperty().get());
        assertTrue(model.correctableProperty().get(), "ARRIVEE itself can still be corrected");
    }

    @Test
    void aCorrectionReadBackAfterARestartKeepsTheStatusItTookBackOffTheGrid() {
        model.tap(ResourceStatus.DEPART);
        clock.advance(Duration.ofMinutes(3));
        model.tap(ResourceStatus.ARRIVEE);
        model.correct(model.correction());
        core.close();
        start(false);
        assertEquals(java.util.Set.of(ResourceStatus.DEPART), model.times().keySet());
        assertEquals(ResourceStatus.ARRIVEE, model.expectedProperty().get());
        assertTrue(model.noteProperty(ResourceStatus.ARRIVEE).get().startsWith("corrigé à"),
                model.noteProperty(ResourceStatus.ARRIVEE).get());
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
