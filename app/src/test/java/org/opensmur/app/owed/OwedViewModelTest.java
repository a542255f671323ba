package org.opensmur.app.owed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.app.settings.TabletSettings;
import org.opensmur.app.connection.StatusBarViewModel;
import org.opensmur.app.log.MessageLogViewModel;
import org.opensmur.app.ui.Background;
import org.opensmur.app.ui.Labels;
import org.opensmur.app.status.StatusViewModel;
import org.opensmur.app.testing.Tablets;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.status.ResourcesStatus;
import org.opensmur.core.tablet.OutboxEntry;
import org.opensmur.core.testing.MutableClock;
import org.opensmur.tablet.TabletCore;
import org.opensmur.tablet.owed.OwedAcknowledgements;

/**
 * A status the SAMU has not confirmed within its deadline is said so on its button, in the header, in the journal
 * and counted in the status bar; the crew sends it again (a new message, same content) or notes it was given by
 * radio, and that survives a restart. (No link here: what is tapped stays unconfirmed, as when the LRM is gone.)
 */
class OwedViewModelTest {

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private TabletSettings settings;
    private TabletCore core;
    private StatusViewModel status;
    private StatusBarViewModel bar;
    private MessageLogViewModel log;
    private OwedViewModel owed;
    private final Labels labels = Labels.french();

    private String caseId;

    @BeforeEach
    void open() {
        settings = Tablets.settings(dir);
        start(true);
    }

    /** The tablet engaged ({@code accept}), or opened again on what its store holds, as after a restart. */
    private void start(boolean accept) {
        var engaged = Tablets.engaged(settings, clock, accept);
        core = engaged.core();
        engaged.link().disconnect(); // no acknowledgement can come: what is sent stays owed
        status = new StatusViewModel(engaged.mission(), Background.direct(), core.line(), labels, clock);
        core.events().subscribe(org.opensmur.tablet.mission.MissionEvent.TimelineChanged.class, changed -> status.show(changed.timeline()));
        if (!accept) {
            engaged.mission().restore();
        }
        status.show(engaged.mission().timeline().orElseThrow());
        caseId = engaged.mission().openCase();
        bar = new StatusBarViewModel(labels, clock);
        log = new MessageLogViewModel(core.store().outbox(), labels, e -> statusOf(e), r -> "le SAMU");
        owed = new OwedViewModel(core, engaged.mission(), Background.direct(), labels, clock, this::statusOf);
        owed.showOn(status, log, bar);
    }

    @AfterEach
    void close() {
        core.close();
    }

    private String statusOf(OutboxEntry e) {
        return labels.status(((ResourcesStatus) new HubCodec().decode(core.store().outbox().body(e.distributionId())).envelope().payload())
                .state().status());
    }

    private List<ResourcesStatus> queued() {
        return core.store().outbox().list(caseId, 100).stream().filter(e -> e.type() == MessageType.RS_SR)
                .sorted(Comparator.comparingLong(OutboxEntry::id))
                .map(e -> (ResourcesStatus) new HubCodec().decode(core.store().outbox().body(e.distributionId())).envelope().payload())
                .toList();
    }

    @Test
    void pastItsDeadlineAStatusIsSaidUnconfirmedEverywhereAndSentAgainAsANewMessage() {
        Duration deadline = OwedAcknowledgements.deadline(MessageType.RS_SR).orElseThrow();
        status.tap(ResourceStatus.ARRIVEE);
        clock.advance(deadline.minusSeconds(10));
        owed.refresh();
        assertTrue(owed.items().isEmpty(), "within the deadline: nothing said");
        assertFalse(status.unconfirmedProperty(ResourceStatus.ARRIVEE).get());

        clock.advance(Duration.ofMinutes(1)); // 2 min 50 s after the tap
        owed.refresh();
        assertEquals(1, owed.items().size());
        assertEquals("Statut « Arrivée sur les lieux » · non confirmé par le SAMU depuis 2 min", owed.items().get(0).text());
        assertTrue(status.unconfirmedProperty(ResourceStatus.ARRIVEE).get(), "the button in amber");
        assertEquals("11:00:00 · non confirmé par le SAMU depuis 2 min", status.noteProperty(ResourceStatus.ARRIVEE).get());
        assertEquals("« Arrivée sur les lieux » non confirmé par le SAMU depuis 2 min", status.unconfirmedTextProperty().get(), "the header");
        assertEquals("1 non confirmé par le SAMU", bar.unconfirmedProperty().get());
        log.reload();
        assertTrue(log.lines().stream().anyMatch(l -> l.state().endsWith("non confirmé par le SAMU depuis 2 min") && log.unconfirmed(l)),
                log.lines().toString());

        String first = owed.items().get(0).distributionId();
        owed.sendAgain(owed.items().get(0));
        List<ResourcesStatus> sent = queued();
        assertEquals(2, sent.size(), "a new message; the first one stays in the ledger");
        assertEquals(sent.get(0).state(), sent.get(1).state(), "the same status, with the time it happened");
        String again = core.store().outbox().list(caseId, 100).stream().filter(e -> e.type() == MessageType.RS_SR)
                .findFirst().orElseThrow().distributionId(); // newest first
        assertNotEquals(first, again);
        assertFalse(status.unconfirmedProperty(ResourceStatus.ARRIVEE).get(), "the button follows the new message, within its deadline");
        assertTrue(owed.items().isEmpty());
        assertEquals("", bar.unconfirmedProperty().get());
        assertEquals("Statut « Arrivée sur les lieux » envoyé de nouveau (un nouveau message, même contenu)", owed.messageProperty().get());
        log.reload();
        assertTrue(log.lines().stream().anyMatch(l -> l.distributionId().equals(first) && l.state().endsWith("envoyé de nouveau")));

        // The new one has its own deadline.
        clock.advance(deadline);
        owed.refresh();
        assertEquals(List.of(again), owed.items().stream().map(OwedViewModel.Item::distributionId).toList());
        assertTrue(status.unconfirmedProperty(ResourceStatus.ARRIVEE).get(), "the button follows the new message past its deadline");
    }

    @Test
    void aStatusSentAgainIsFollowedByItsNewMessageAfterARestart() {
        Duration deadline = OwedAcknowledgements.deadline(MessageType.RS_SR).orElseThrow();
        status.tap(ResourceStatus.ARRIVEE);
        clock.advance(deadline.plusMinutes(1));
        owed.refresh();
        owed.sendAgain(owed.items().get(0));
        String again = core.store().outbox().list(caseId, 100).stream().filter(e -> e.type() == MessageType.RS_SR)
                .findFirst().orElseThrow().distributionId(); // newest first

        core.close();
        start(false); // the tablet restarted: what the crew sent again is the core's, not the screen's
        owed.refresh();
        assertFalse(status.unconfirmedProperty(ResourceStatus.ARRIVEE).get(), "the new message is within its deadline");
        clock.advance(deadline);
        owed.refresh();
        assertEquals(List.of(again), owed.items().stream().map(OwedViewModel.Item::distributionId).toList());
        assertTrue(status.unconfirmedProperty(ResourceStatus.ARRIVEE).get(), "the button follows the new message, restart or not");
        assertTrue(status.unconfirmedTextProperty().get().startsWith("« Arrivée sur les lieux » non confirmé par le SAMU depuis"),
                "the header too: " + status.unconfirmedTextProperty().get());
    }

    @Test
    void aStatusTheCrewTookBackIsNeverOwedNorOfferedToBeSentAgain() {
        status.tap(ResourceStatus.DEPART);
        clock.advance(Duration.ofMinutes(1));
        status.tap(ResourceStatus.ARRIVEE);
        status.correct(status.correction()); // ARRIVEE taken back: DEPART sent again
        clock.advance(OwedAcknowledgements.deadline(MessageType.RS_SR).orElseThrow().plusMinutes(1));
        owed.refresh();
        assertEquals(2, owed.items().size(), "the first DEPART and the one the correction sent: " + owed.items());
        assertTrue(owed.items().stream().noneMatch(i -> i.what().contains("Arrivée")),
                "what the crew took back is not offered to be sent again: " + owed.items());
    }

    @Test
    void givenByRadioItIsNoLongerOwedAfterARestartEither() {
        status.tap(ResourceStatus.DEPART);
        clock.advance(Duration.ofMinutes(5));
        owed.refresh();
        owed.givenByRadio(owed.items().get(0));
        assertTrue(owed.items().isEmpty());
        assertEquals("Statut « Départ » noté comme donné par radio", owed.messageProperty().get());
        assertEquals(1, queued().size(), "nothing sent");

        core.close();
        start(false);
        owed.refresh();
        assertTrue(owed.items().isEmpty(), "noted: never asked again");
        assertEquals("", bar.unconfirmedProperty().get());
    }
}
