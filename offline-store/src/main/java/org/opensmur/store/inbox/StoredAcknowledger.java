package org.opensmur.store.inbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.opensmur.core.hub.client.Acknowledger;
import org.opensmur.core.hub.codec.ContentDigest;
import org.opensmur.core.hub.error.ErrorCode;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.reference.ReferenceStep;
import org.opensmur.store.db.StoreDatabase;
import org.opensmur.store.outbox.Outbox;

/**
 * Sends RC-REFs (and refusals) through the outbox, so they survive a coverage gap, and answers a
 * redelivered message with the very same RC-REF (same distributionID) rather than a new one.
 */
public final class StoredAcknowledger implements Acknowledger {

    private final StoreDatabase database;
    private final Outbox outbox;
    private final OutgoingMessages outgoing;

    public StoredAcknowledger(StoreDatabase database, Outbox outbox, OutgoingMessages outgoing) {
        this.database = database;
        this.outbox = outbox;
        this.outgoing = outgoing;
    }

    @Override
    public void acknowledge(HubMessage received, ReferenceStep step) {
        if (!received.type().needsReference()) {
            return;
        }
        database.inTransaction(c -> {
            String sent = sentFor(c, received.distributionID(), step.code());
            if (sent != null) {
                outbox.sendAgain(c, sent);
                return null;
            }
            HubMessage reference = outgoing.reference(received, step).orElseThrow();
            outbox.enqueueIn(c, reference);
            remember(c, received.distributionID(), step.code(), reference.distributionID());
            return null;
        });
        outbox.nudge();
    }

    /**
     * Refuses a conflicting copy: an RS-ERROR (702, the id was reused) to its sender, then an RC-REF
     * {@code refused} naming it, both through the outbox in one transaction. The same copy delivered again
     * gets the very same two messages again.
     */
    @Override
    public void refuse(HubMessage received, ErrorCode code, String cause) {
        if (!received.type().needsReference()) {
            return;
        }
        String copy = "REFUS:" + ContentDigest.of(outgoing.codec().toTree(received)).substring(0, 16);
        database.inTransaction(c -> {
            String errorId = sentFor(c, received.distributionID(), copy + ":error");
            String referenceId = sentFor(c, received.distributionID(), copy);
            if (errorId != null && referenceId != null) {
                outbox.sendAgain(c, errorId);
                outbox.sendAgain(c, referenceId);
                return null;
            }
            HubMessage error = outgoing.errorReport(received, code, cause).orElseThrow();
            HubMessage refusal = outgoing.refusal(received, error.distributionID()).orElseThrow();
            outbox.enqueueIn(c, error);
            outbox.enqueueIn(c, refusal);
            remember(c, received.distributionID(), copy + ":error", error.distributionID());
            remember(c, received.distributionID(), copy, refusal.distributionID());
            return null;
        });
        outbox.nudge();
    }

    private static String sentFor(java.sql.Connection c, String receivedId, String step) throws java.sql.SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT reference_id FROM sent_references WHERE received_id = ? AND step = ?")) {
            select.setString(1, receivedId);
            select.setString(2, step);
            try (ResultSet r = select.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private static void remember(java.sql.Connection c, String receivedId, String step, String sentId) throws java.sql.SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO sent_references (received_id, step, reference_id) VALUES (?, ?, ?)")) {
            insert.setString(1, receivedId);
            insert.setString(2, step);
            insert.setString(3, sentId);
            insert.executeUpdate();
        }
    }

    /** The RC-REF sent for a received message at a step, if any. */
    public String referenceOf(String receivedId, ReferenceStep step) {
        return database.inTransaction(c -> sentFor(c, receivedId, step.code()));
    }
}
