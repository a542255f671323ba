package org.opensmur.app.log;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.opensmur.app.shell.Labels;
import org.opensmur.store.outbox.Outbox;
import org.opensmur.store.outbox.OutboxEntry;

/**
 * Every message in and out with its delivery state, filterable by case. Outgoing lines come from the
 * delivery ledger (queued, sent, received, integrated, consulted, refused with the Hub's reason, expired).
 */
public final class MessageLogViewModel {

    /** One line of the log; {@code caseId} may be empty (positions have none). */
    public record Line(String direction, String type, String caseId, String when, String state, String distributionId) {
        @Override
        public String toString() {
            return direction + " " + type + "  " + when + "  " + state;
        }
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Outbox outbox;
    private final Labels labels;
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final FilteredList<Line> shown = new FilteredList<>(lines);
    private final StringProperty caseFilter = new SimpleStringProperty("");
    private final List<Line> received = new ArrayList<>();

    public MessageLogViewModel(Outbox outbox, Labels labels) {
        this.outbox = outbox;
        this.labels = labels;
        caseFilter.addListener((o, was, is) -> shown.setPredicate(l -> is == null || is.isBlank() || l.caseId().equals(is)));
    }

    /** A received message, shown at the next {@link #reload()}. */
    public void received(String type, String caseId, java.time.Instant at, String distributionId) {
        inbound(type, caseId, at, labels.get("log.stored"), distributionId);
    }

    /**
     * A received message that was not taken as it came: an acknowledgement from an unexpected sender,
     * a conflicting copy. {@code what} is the crew's words for what happened to it.
     */
    public void inbound(String type, String caseId, java.time.Instant at, String what, String distributionId) {
        received.add(new Line("←", type, caseId == null ? "" : caseId, TIME.format(at), what, distributionId));
        if (received.size() > 500) {
            received.remove(0); // as many as the outgoing side shows
        }
    }

    /** The outgoing side of the log, read from the ledger (I/O: off the UI thread; errors causes are decrypted). */
    public List<Line> read() {
        List<Line> outgoing = new ArrayList<>();
        for (OutboxEntry e : outbox.list(null, 500)) {
            String state = e.state() == org.opensmur.store.outbox.DeliveryState.QUEUED && !e.modelLine().equals(outbox.line())
                    ? labels.format("log.blocked", e.modelLine(), outbox.line()) : labels.delivery(e.state());
            if (e.errorCode() != null) {
                String detail = outbox.errorDetail(e.distributionId());
                state += " (" + e.errorCode() + (detail == null ? "" : " " + detail) + ")";
            }
            outgoing.add(new Line("→", e.type().code(), caseOf(e), TIME.format(e.enqueuedAt()), state, e.distributionId()));
        }
        return outgoing;
    }

    /** Shows the ledger's lines with the received ones, newest first (UI thread). */
    public void show(List<Line> outgoing) {
        List<Line> all = new ArrayList<>(received);
        all.addAll(outgoing);
        all.sort((a, b) -> b.when().compareTo(a.when()));
        lines.setAll(all);
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

    public StringProperty caseFilterProperty() {
        return caseFilter;
    }
}
