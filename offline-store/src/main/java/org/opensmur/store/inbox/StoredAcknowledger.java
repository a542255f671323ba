package org.opensmur.store.inbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.opensmur.core.hub.client.Acknowledger;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.reference.ReferenceStep;
import org.opensmur.store.db.StoreDatabase;
import org.opensmur.store.outbox.Outbox;

/**
 * Sends RC-REFs through the outbox, so they survive a coverage gap, and answers a redelivered message
 * with the very same RC-REF (same distributionID) rather than a new one.
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
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT reference_id FROM sent_references WHERE received_id = ? AND step = ?")) {
                select.setString(1, received.distributionID());
                select.setString(2, step.code());
                try (ResultSet r = select.executeQuery()) {
                    if (r.next()) {
                        outbox.sendAgain(c, r.getString(1));
                        return null;
                    }
                }
            }
            HubMessage reference = outgoing.reference(received, step).orElseThrow();
            outbox.enqueueIn(c, reference);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO sent_references (received_id, step, reference_id) VALUES (?, ?, ?)")) {
                insert.setString(1, received.distributionID());
                insert.setString(2, step.code());
                insert.setString(3, reference.distributionID());
                insert.executeUpdate();
            }
            return null;
        });
        outbox.nudge();
    }

    /** The RC-REF sent for a received message at a step, if any. */
    public String referenceOf(String receivedId, ReferenceStep step) {
        return database.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT reference_id FROM sent_references WHERE received_id = ? AND step = ?")) {
                select.setString(1, receivedId);
                select.setString(2, step.code());
                try (ResultSet r = select.executeQuery()) {
                    return r.next() ? r.getString(1) : null;
                }
            }
        });
    }
}
