package org.opensmur.app.owed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.opensmur.app.connection.StatusBarViewModel;
import org.opensmur.app.log.MessageLogViewModel;
import org.opensmur.app.ui.Background;
import org.opensmur.app.ui.Labels;
import org.opensmur.app.status.StatusViewModel;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.tablet.OutboxEntry;
import org.opensmur.tablet.TabletCore;
import org.opensmur.tablet.mission.MissionCore;
import org.opensmur.tablet.owed.OwedAcknowledgements;
import org.opensmur.tablet.owed.OwedAcknowledgements.Settled;

/**
 * What the SAMU (or the ORU) has not said it integrated, past the deadline of its type
 * ({@link OwedAcknowledgements}): listed for the crew with how long it has been, counted in the status bar,
 * said on the status button, the header and in the journal; the crew sends it again (a new message, with
 * the same content, said as such) or notes that it was given by radio. Store work off the UI thread.
 */
public final class OwedViewModel {

    /** One message owed its acknowledgement: its words ("Statut « Arrivée sur les lieux »") and since when. */
    public record Item(String distributionId, MessageType type, String what, Duration since, String text) {
    }

    /** What the others show of it: each overdue message's time since the crew's action, and the journal's words. */
    public record Report(Map<String, Duration> overdue, Map<String, String> words) {
    }

    /** How often the deadlines are looked at (they are minutes long). */
    static final Duration EVERY = Duration.ofSeconds(5);

    private final TabletCore core;
    private final Background background;
    private final Labels labels;
    private final Clock clock;
    private final Function<OutboxEntry, String> detail;
    private final OwedAcknowledgements owed;
    private final MissionCore mission;
    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final List<java.util.function.Consumer<Report>> listeners = new ArrayList<>();
    private Instant lastLook = Instant.MIN;

    /**
     * {@code detail}: the words of a message's content where its type says too little (an RS-SR's status); any thread.
     * {@code mission}: what the crew took back (a corrected status: never owed, never sent again) and where a message is
     * sent again (a status sent again is the mission's: its tap follows the new message, restart or not).
     */
    public OwedViewModel(TabletCore core, MissionCore mission, Background background, Labels labels, Clock clock,
                         Function<OutboxEntry, String> detail) {
        this.mission = mission;
        this.core = core;
        this.background = background;
        this.labels = labels;
        this.clock = clock;
        this.detail = detail;
        this.owed = new OwedAcknowledgements(core.drafts());
    }

    /**
     * Shows what is owed on the status buttons and the header ({@code status}), in the journal ({@code log}) and
     * as a count in the status bar ({@code bar}).
     */
    public void showOn(StatusViewModel status, MessageLogViewModel log, StatusBarViewModel bar) {
        listeners.add(report -> {
            status.overdue(report.overdue());
            bar.setUnconfirmed(report.overdue().size());
            if (log != null) {
                log.annotate(report.words(), report.overdue().keySet());
            }
        });
    }

    /** Every second from the screen's clock: the deadlines are looked at every {@link #EVERY}. */
    public void tick(Instant now) {
        if (Duration.between(lastLook, now).compareTo(EVERY) >= 0) {
            lastLook = now;
            refresh();
        }
    }

    /** Reads the ledger and what the crew did, off the UI thread, and shows what is owed. */
    public void refresh() {
        Instant now = clock.instant();
        background.run(() -> read(now), this::show, e -> message.set(labels.get("storage.OTHER")));
    }

    private record Read(List<Item> items, Report report) {
    }

    private Read read(Instant now) {
        List<OutboxEntry> entries = core.ledger().list(null, 500).stream().filter(e -> !mission.corrected(e.distributionId())).toList();
        Map<String, Settled> settled = owed.settled();
        List<Item> found = new ArrayList<>();
        Map<String, Duration> overdue = new HashMap<>();
        Map<String, String> words = new HashMap<>();
        for (OwedAcknowledgements.Overdue o : OwedAcknowledgements.overdue(entries, settled, now)) {
            OutboxEntry e = o.entry();
            String since = since(o.since());
            overdue.put(e.distributionId(), o.since());
            words.put(e.distributionId(), since);
            String what = labels.format("log.out." + e.type().code(), e.type() == MessageType.RS_SR ? detail.apply(e) : "");
            found.add(new Item(e.distributionId(), e.type(), what, o.since(), what + " · " + since));
        }
        settled.forEach((id, how) -> words.put(id, labels.get("owed." + how.name())));
        return new Read(found, new Report(Map.copyOf(overdue), Map.copyOf(words)));
    }

    /** "non confirmé par le SAMU depuis 3 min". */
    public String since(Duration d) {
        return labels.format("owed.since", Math.max(0, d.toMinutes()));
    }

    private void show(Read read) {
        items.setAll(read.items());
        listeners.forEach(l -> l.accept(read.report()));
    }

    /**
     * Sends {@code item}'s content again as a new message (its own id; the first one stays in the ledger), through the
     * mission core (a status's tap follows the new message). Nothing is sent for what the crew has taken back since.
     */
    public void sendAgain(Item item) {
        background.run(() -> {
            // The first one noted as sent again in the new message's transaction: never both owed and sent again.
            return mission.sendAgain(item.distributionId(), () -> owed.settle(item.distributionId(), Settled.SENT_AGAIN));
        }, again -> {
            if (again.isPresent()) {
                message.set(labels.format("owed.sentAgain", item.what()));
            }
            refresh();
        }, e -> message.set(labels.get("storage.OTHER")));
    }

    /** The crew gave {@code item} to the regulation by radio: it is no longer owed. */
    public void givenByRadio(Item item) {
        background.run(() -> {
            owed.settle(item.distributionId(), Settled.GIVEN_BY_RADIO);
            return item;
        }, done -> {
            message.set(labels.format("owed.noted", item.what()));
            refresh();
        }, e -> message.set(labels.get("storage.OTHER")));
    }

    public ObservableList<Item> items() {
        return items;
    }

    /** What came of the crew's last action here. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
