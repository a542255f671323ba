package org.opensmur.store.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.opensmur.core.hub.client.ReceivedStore;
import org.opensmur.core.hub.codec.ContentDigest;
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
 * distributionID before the delivery is acknowledged. A redelivery (same id, same content digest) has no
 * second effect; the same id with other content is a conflict, kept apart and never applied. Cases and
 * their updates go to the case store in the same transaction.
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
    public Outcome store(Decoded decoded) {
        HubMessage message = decoded.envelope();
        String digest = ContentDigest.of(decoded.tree());
        byte[] sealed = vault.seal(codec.encode(decoded), message.distributionID());
        return database.inTransaction(c -> {
            if (insert(c, message, digest, sealed)) {
                if (message.payload() instanceof CreateCaseHealth || message.payload() instanceof CreateCaseHealthUpdate) {
                    cases.record(c, message);
                }
                return Outcome.NEW;
            }
            if (digest.equals(storedDigest(c, message.distributionID()))) {
                try (PreparedStatement again = c.prepareStatement(
                        "UPDATE inbox SET times_received = times_received + 1 WHERE distribution_id = ?")) {
                    again.setString(1, message.distributionID());
                    again.executeUpdate();
                }
                return Outcome.REDELIVERY;
            }
            keepApart(c, message, digest, decoded);
            return Outcome.CONFLICT;
        });
    }

    private boolean insert(Connection c, HubMessage message, String digest, byte[] sealed) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT OR IGNORE INTO inbox (distribution_id, type, sender, case_id, received_at, body, digest)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, message.distributionID());
            insert.setString(2, message.type().code());
            insert.setString(3, message.senderID());
            insert.setString(4, CaseStore.caseIdOf(message));
            insert.setLong(5, clock.millis());
            insert.setBytes(6, sealed);
            insert.setString(7, digest);
            return insert.executeUpdate() == 1;
        }
    }

    /** The digest of the copy stored first; rows stored before digests were kept get theirs now. */
    private String storedDigest(Connection c, String distributionId) throws SQLException {
        String digest;
        byte[] sealed;
        try (PreparedStatement select = c.prepareStatement("SELECT digest, body FROM inbox WHERE distribution_id = ?")) {
            select.setString(1, distributionId);
            try (ResultSet r = select.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                digest = r.getString(1);
                sealed = r.getBytes(2);
            }
        }
        if (digest == null) {
            digest = ContentDigest.of(codec.decode(vault.open(sealed, distributionId)).tree());
            try (PreparedStatement update = c.prepareStatement("UPDATE inbox SET digest = ? WHERE distribution_id = ?")) {
                update.setString(1, digest);
                update.setString(2, distributionId);
                update.executeUpdate();
            }
        }
        return digest;
    }

    /** A copy whose id was taken by other content: kept, encrypted, never applied to the case. */
    private void keepApart(Connection c, HubMessage message, String digest, Decoded decoded) throws SQLException {
        byte[] sealed = vault.seal(codec.encode(decoded), conflictAad(message.distributionID(), digest));
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO inbox_conflicts (distribution_id, digest, type, sender, case_id, received_at, body)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (distribution_id, digest) DO UPDATE SET times_received = times_received + 1""")) {
            insert.setString(1, message.distributionID());
            insert.setString(2, digest);
            insert.setString(3, message.type().code());
            insert.setString(4, message.senderID());
            insert.setString(5, CaseStore.caseIdOf(message));
            insert.setLong(6, clock.millis());
            insert.setBytes(7, sealed);
            insert.executeUpdate();
        }
    }

    private static String conflictAad(String distributionId, String digest) {
        return distributionId + "#conflict:" + digest;
    }

    /** A copy kept apart: same distributionID as a message received before, other content. */
    public record Conflict(String distributionId, String type, String sender, String caseId, Instant receivedAt,
                           int timesReceived) {
    }

    /** The conflicting copies of a case ({@code caseId} null: of every case), oldest first. */
    public List<Conflict> conflicts(String caseId) {
        return database.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT distribution_id, type, sender, case_id, received_at, times_received FROM inbox_conflicts"
                            + (caseId == null ? "" : " WHERE case_id = ?") + " ORDER BY id")) {
                if (caseId != null) {
                    select.setString(1, caseId);
                }
                List<Conflict> conflicts = new ArrayList<>();
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        conflicts.add(new Conflict(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                                Instant.ofEpochMilli(r.getLong(5)), r.getInt(6)));
                    }
                }
                return conflicts;
            }
        });
    }

    /** The conflicting copies received under {@code distributionId}, decoded again, in arrival order. */
    public List<Decoded> conflictingCopies(String distributionId) {
        List<byte[]> bodies = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        database.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT digest, body FROM inbox_conflicts WHERE distribution_id = ? ORDER BY id")) {
                select.setString(1, distributionId);
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        digests.add(r.getString(1));
                        bodies.add(r.getBytes(2));
                    }
                }
            }
            return null;
        });
        List<Decoded> copies = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            copies.add(codec.decode(vault.open(bodies.get(i), conflictAad(distributionId, digests.get(i)))));
        }
        return copies;
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

    /** One received message as the journal lists it (no body: its type, case and time only). */
    public record Received(String distributionId, String type, String caseId, Instant receivedAt) {
    }

    /** The {@code limit} messages received last, newest first: the journal's incoming side, kept across restarts. */
    public List<Received> recent(int limit) {
        return database.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT distribution_id, type, case_id, received_at FROM inbox ORDER BY received_at DESC LIMIT ?")) {
                select.setInt(1, limit);
                List<Received> found = new java.util.ArrayList<>();
                try (var r = select.executeQuery()) {
                    while (r.next()) {
                        found.add(new Received(r.getString(1), r.getString(2), r.getString(3), Instant.ofEpochMilli(r.getLong(4))));
                    }
                }
                return found;
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
