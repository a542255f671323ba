package org.opensmur.app.log;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.opensmur.app.ui.Labels;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.tablet.DeliveryState;
import org.opensmur.core.tablet.Ledger;
import org.opensmur.core.tablet.OutboxEntry;

/**
 * Every message in and out, in plain words ("Statut « Départ » · intégré par le SAMU"), newest first; runs of
 * positions and of acknowledgements fold into one line each, so that what the crew did stays in sight.
 * Filterable by case, chosen from the cases the journal holds. Outgoing lines come from the delivery ledger.
 */
public final class MessageLogViewModel {

    /**
     * One line of the journal; {@code caseId} may be empty (positions have none); {@code count} is how many
     * messages a folded line stands for (1 otherwise).
     */
    public record Line(String direction, String type, String caseId, String when, String what, String state,
                       String distributionId, Instant at, int count) {
        @Override
        public String toString() {
            return when + "  " + direction + " " + what + (state.isEmpty() ? "" : " · " + state);
        }
    }

    /** Kinds whose runs fold into one line: many, regular, and not what the crew did. */
    private static final Set<String> FOLDED = Set.of(MessageType.GEO_POS.code(), MessageType.RC_REF.code());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Ledger outbox;
    private final org.opensmur.core.tablet.ReceivedMessages inbox;
    private final Labels labels;
    private final Function<OutboxEntry, String> detail;
    private final Function<String, String> recipientName;
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final FilteredList<Line> shown = new FilteredList<>(lines);
    private final ObservableList<String> cases = FXCollections.observableArrayList("");
    private final StringProperty caseFilter = new SimpleStringProperty("");
    private final List<Line> received = new ArrayList<>();
    /** Bodies never change: what a message said is read (decrypted) once. */
    private final Map<String, String> details = new ConcurrentHashMap<>();

    /**
     * {@code detail}: the words of one outgoing message's content where its type alone says too little (the
     * status of an RS-SR), read off the UI thread; {@code recipientName}: "le SAMU", "l'ORU" for a client id.
     */
    public MessageLogViewModel(Ledger outbox, Labels labels, Function<OutboxEntry, String> detail, Function<String, String> recipientName) {
        this(outbox, null, labels, detail, recipientName);
    }

    /**
     * The tablet's journal: its ledger and inbox, an RS-SR said by its status, recipients named as the crew
     * knows them (the SAMU for its LRM, the ORU for the observatory, the Hub for anyone else).
     */
    public static MessageLogViewModel of(org.opensmur.tablet.TabletCore core, String lrmId, String oruId, Labels labels) {
        return new MessageLogViewModel(core.ledger(), core.received(), labels, statusWords(core, labels),
                recipient -> labels.get(recipient == null ? "log.recipient.hub" : recipient.equals(oruId) ? "log.recipient.oru"
                        : recipient.equals(lrmId) ? "log.recipient.lrm" : "log.recipient.hub"));
    }

    /** The status an RS-SR of the ledger carries, in words ("?" for another type); read off the UI thread. */
    public static Function<OutboxEntry, String> statusWords(org.opensmur.tablet.TabletCore core, Labels labels) {
        return entry -> {
            var decoded = core.outgoing().codec().decode(core.ledger().body(entry.distributionId()));
            return decoded.message() != null && decoded.message().payload() instanceof org.opensmur.core.status.ResourcesStatus status
                    ? labels.status(status.state().status()) : "?";
        };
    }

    /** {@code inbox}: where what was received is kept, so that the journal's incoming side survives a restart. */
    public MessageLogViewModel(Ledger outbox, org.opensmur.core.tablet.ReceivedMessages inbox, Labels labels, Function<OutboxEntry, String> detail,
                               Function<String, String> recipientName) {
        this.outbox = outbox;
        this.inbox = inbox;
        this.labels = labels;
        this.detail = detail;
        this.recipientName = recipientName;
        caseFilter.addListener((o, was, is) -> shown.setPredicate(l -> is == null || is.isBlank() || l.caseId().equals(is)));
    }

    /**
     * A received message that was not taken as it came (an acknowledgement from an unexpected sender, a
     * conflicting copy), which the inbox does not list: {@code what} is the crew's words for what happened.
     */
    public void inbound(String type, String caseId, Instant at, String what, String distributionId) {
        received.add(new Line("←", type, caseId == null ? "" : caseId, TIME.format(at), words("in", type, ""), what, distributionId, at, 1));
        if (received.size() > 500) {
            received.remove(0); // as many as the outgoing side shows
        }
    }

    /**
     * The journal as the store keeps it: what left (the ledger, error causes decrypted) and what arrived
     * (the inbox). I/O: off the UI thread.
     */
    public List<Line> read() {
        List<Line> outgoing = new ArrayList<>();
        if (inbox != null) {
            for (var in : inbox.recent(500)) {
                if (in.type().equals(MessageType.RC_REF.code())) {
                    continue; // what an acknowledgement says is the state of the line it acknowledges ("reçu par le SAMU")
                }
                outgoing.add(new Line("←", in.type(), in.caseId() == null ? "" : in.caseId(), TIME.format(in.receivedAt()),
                        words("in", in.type(), ""), "", in.distributionId(), in.receivedAt(), 1));
            }
        }
        for (OutboxEntry e : outbox.list(null, 500)) {
            String state = e.state() == DeliveryState.QUEUED && !e.modelLine().equals(outbox.line())
                    ? labels.format("log.blocked", e.modelLine(), outbox.line()) : state(e);
            if (e.errorCode() != null) {
                String why = outbox.errorDetail(e.distributionId());
                state += " (" + e.errorCode() + (why == null ? "" : " " + why) + ")";
            }
            String said = e.type() == MessageType.RS_SR ? details.computeIfAbsent(e.distributionId(), id -> detail.apply(e)) : "";
            outgoing.add(new Line("→", e.type().code(), caseOf(e), TIME.format(e.enqueuedAt()), words("out", e.type().code(), said),
                    state, e.distributionId(), e.enqueuedAt(), 1));
        }
        return outgoing;
    }

    /** Words the owed acknowledgements put on lines of the ledger (by distribution id); replaced whole. */
    private volatile Map<String, String> annotations = Map.of();

    /**
     * What the crew must know of some messages beyond their state: "non confirmé par le SAMU depuis 3 min",
     * "donné par radio", "envoyé de nouveau". Shown at the next reading of the ledger.
     */
    public void annotate(Map<String, String> words, Set<String> overdue) {
        annotations = Map.copyOf(words);
        unconfirmed = Set.copyOf(overdue);
    }

    private volatile Set<String> unconfirmed = Set.of();

    /** Whether {@code line} is a message the recipient has not confirmed past its deadline (shown in amber). */
    public boolean unconfirmed(Line line) {
        return line.direction().equals("→") && unconfirmed.contains(line.distributionId());
    }

    private String state(OutboxEntry e) {
        String note = annotations.get(e.distributionId());
        if (note != null) {
            return labels.delivery(e.state()) + " · " + note;
        }
        String state = labels.delivery(e.state());
        return switch (e.state()) {
            case RECEIVED, INTEGRATED, CONSULTED, REFUSED -> labels.format("log.by", state, recipientName.apply(e.recipient()));
            default -> state;
        };
    }

    private String words(String direction, String type, String said) {
        return labels.format("log." + direction + "." + type, said);
    }

    /** Shows the ledger's lines with the received ones, newest first, runs folded (UI thread). */
    public void show(List<Line> outgoing) {
        List<Line> all = new ArrayList<>(received);
        all.addAll(outgoing);
        all.sort((a, b) -> b.at().compareTo(a.at()));
        List<Line> folded = new ArrayList<>();
        for (Line line : all) {
            Line last = folded.isEmpty() ? null : folded.get(folded.size() - 1);
            if (last != null && FOLDED.contains(line.type()) && last.type().equals(line.type()) && last.direction().equals(line.direction())) {
                // The newest of the run stands for it (its time and its state), with how many there were.
                int count = last.count() + 1;
                folded.set(folded.size() - 1, new Line(last.direction(), last.type(), last.caseId().equals(line.caseId()) ? last.caseId() : "",
                        last.when(), labels.format("log.folded", words(last.direction().equals("→") ? "out" : "in", last.type(), ""), count),
                        last.state(), last.distributionId(), last.at(), count));
            } else {
                folded.add(line);
            }
        }
        lines.setAll(folded);
        Set<String> known = new TreeSet<>();
        all.forEach(l -> known.add(l.caseId()));
        known.add("");
        if (!known.equals(new TreeSet<>(cases))) {
            cases.setAll(known);
        }
    }

    /** Reads the ledger again and shows it, on the caller's thread (tests, tools). */
    public void reload() {
        show(read());
    }

    private static String caseOf(OutboxEntry e) {
        // order keys are "case:<id>" and/or "resource:<id>", space-separated
        for (String key : e.orderKeys() == null ? new String[0] : e.orderKeys().split(" ")) {
            if (key.startsWith("case:")) {
                return key.substring(5);
            }
        }
        return "";
    }

    public ObservableList<Line> lines() {
        return shown;
    }

    /** The cases the journal holds, to filter by; {@code ""} stands for all of them. */
    public ObservableList<String> cases() {
        return cases;
    }

    public StringProperty caseFilterProperty() {
        return caseFilter;
    }
}
