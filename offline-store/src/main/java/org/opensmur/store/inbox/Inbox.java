package org.opensmur.store.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import org.opensmur.core.hub.client.ReceivedStore;
import org.opensmur.core.hub.codec.Decoded;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.mission.CreateCaseHealth;
import org.opensmur.core.mission.CreateCaseHealthUpdate;
import org.opensmur.store.cases.CaseStore;
import org.opensmur.store.crypto.Vault;
import org.opensmur.store.db.StoreDatabase;

/**
 * Every received message, stored (encrypted, exactly as received, unknown fields included) under its
 * distributionID before the delivery is acknowledged. A redelivery or a duplicate is recognised: it has
 * no second effect. Cases and their updates go to the case store in the same transaction.
 */
public final class Inbox implements ReceivedStore {

    private final StoreDatabase database;
    private final Vault vault;
    private final HubCodec codec;
    private final CaseStore cases;
    private final Clock clock;

    public Inbox(StoreDatabase database, Vault vault, HubCodec codec, CaseStore cases, Clock clock) {
        this.database = database;
        this.vault = vault;
        this.codec = codec;
        this.cases = cases;
        this.clock = clock;
    }

    @Override
    public boolean store(Decoded decoded) {
        HubMessage message = decoded.envelope();
        byte[] sealed = vault.seal(codec.encode(decoded), message.distributionID());
        return database.inTransaction(c -> {
            if (!insert(c, message, sealed)) {
                try (PreparedStatement again = c.prepareStatement(
                        "UPDATE inbox SET times_received = times_received + 1 WHERE distribution_id = ?")) {
                    again.setString(1, message.distributionID());
                    again.executeUpdate();
                }
                return false;
            }
            if (message.payload() instanceof CreateCaseHealth || message.payload() instanceof CreateCaseHealthUpdate) {
                cases.record(c, message);
            }
            return true;
        });
    }

    private boolean insert(Connection c, HubMessage message, byte[] sealed) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT OR IGNORE INTO inbox (distribution_id, type, sender, case_id, received_at, body)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, message.distributionID());
            insert.setString(2, message.type().code());
            insert.setString(3, message.senderID());
            insert.setString(4, CaseStore.caseIdOf(message));
            insert.setLong(5, clock.millis());
            insert.setBytes(6, sealed);
            return insert.executeUpdate() == 1;
        }
    }

    /** How many times a message was delivered (1 unless redelivered or duplicated). */
    public int timesReceived(String distributionId) {
        return database.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT times_received FROM inbox WHERE distribution_id = ?")) {
                select.setString(1, distributionId);
                try (var r = select.executeQuery()) {
                    return r.next() ? r.getInt(1) : 0;
                }
            }
        });
    }

    /** A stored message, decoded again from what was received. */
    public Decoded read(String distributionId) {
        byte[] sealed = database.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT body FROM inbox WHERE distribution_id = ?")) {
                select.setString(1, distributionId);
                try (var r = select.executeQuery()) {
                    return r.next() ? r.getBytes(1) : null;
                }
            }
        });
        return sealed == null ? null : codec.decode(vault.open(sealed, distributionId));
    }
}
