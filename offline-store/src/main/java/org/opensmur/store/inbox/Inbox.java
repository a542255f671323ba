package org.opensmur.store.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.opensmur.core.hub.client.ReceivedStore;
import org.opensmur.core.hub.codec.ContentDigest;
import org.opensmur.core.hub.codec.Decoded;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.error.HubError;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.mission.CreateCaseHealth;
import org.opensmur.core.mission.CreateCaseHealthUpdate;
import org.opensmur.core.rules.Steering;
import org.opensmur.store.cases.CaseStore;
import org.opensmur.store.crypto.Vault;
import org.opensmur.store.db.StoreDatabase;

/**
 * Every received message, stored (encrypted, exactly as received, unknown fields included) under its
 * distributionID before the delivery is acknowledged. A redelivery (same id, same content digest) has no
 * second effect; the same id with other content is a conflict, kept apart and never applied. Cases and
 * their updates go to the case store in the same transaction.
 */
public final class Inbox implements ReceivedStore, org.opensmur.core.tablet.ReceivedMessages {

    /**
     * Differing copies kept apart per distributionID: enough to show a sender's mistake to the crew and
     * to an integrator, not a place to fill the disk (200 copies of 500 KB once took 100 MB).
     */
    public static final int COPIES_KEPT_PER_ID = 3;
    /** Bytes of differing copies kept apart per sender, whatever their ids. */
    public static final long BYTES_KEPT_PER_SENDER = 8L * 1024 * 1024;
    /**
     * Bytes of new messages kept per sender that is neither the tablet's SAMU nor a partner (a neighbouring
     * SAMU sharing cases): enough for hundreds of cases, not a way to fill the disk.
     */
    public static final long BYTES_RECEIVED_PER_UNTRUSTED_SENDER = 32L * 1024 * 1024;

    private final StoreDatabase database;
    private final Vault vault;
    private final HubCodec codec;
    private final CaseStore cases;
    private final Clock clock;
    /** The tablet's own SAMU and its partners: they may speak about any case ({@link Steering}). */
    private volatile Set<String> trusted = Set.of();

    public Inbox(StoreDatabase database, Vault vault, HubCodec codec, CaseStore cases, Clock clock) {
        this.database = database;
        this.vault = vault;
        this.codec = codec;
        this.cases = cases;
        this.clock = clock;
    }

    /**
     * Free space the inbox leaves to the outbox: below it, a received message is given back to the broker
     * (which keeps it and delivers it again later) so that what senders write can never take the room the
     * crew's taps need. 20 MiB hold some ten thousand taps.
     */
    public static final long RESERVE_FOR_THE_OUTBOX = 20L * 1024 * 1024;
    private volatile long reserve = RESERVE_FOR_THE_OUTBOX;

    /** The space left to the outbox (tests, and a device that knows better). */
    public void keepFree(long bytes) {
        reserve = bytes;
    }

    /** The parties that may speak about any case: the tablet's LRM and the partners its settings list. */
    public void trust(Set<String> parties) {
        trusted = Set.copyOf(parties);
    }

    /** Whether {@code sender} is the tablet's SAMU or one of its partners. */
    public boolean trusts(String sender) {
        return trusted.contains(sender);
    }

    @Override
    public Outcome store(Decoded decoded) {
        HubMessage message = decoded.envelope();
        boolean fromTrusted = trusted.contains(message.senderID());
        long free = database.usableSpace();
        if (!fromTrusted && free >= 0 && free < reserve) {
            // The tablet's SAMU still gets through (its requests, its RC-REFs for the crew's taps) until the
            // disk itself is full; the others wait at the Hub.
            throw new org.opensmur.store.db.StoreException(org.opensmur.store.db.StoreException.Kind.FULL,
                    "only " + free / (1024 * 1024) + " MiB free: the rest is kept for the crew's taps; received messages wait at the Hub");
        }
        String digest = ContentDigest.of(decoded.tree());
        // Encoded and sealed only once it is known to be kept: a redelivery, another copy of a known id, a foreign or an
        // over-quota message is not sealed for nothing (a flood of 500 KB copies cost two seals each, most of the CPU
        // of receiving it). Both now happen in the transaction: for a usual message of some kilobytes, well under a
        // millisecond more; for one of 500 KB, a few milliseconds that a crew's tap may wait.
        return database.inTransaction(c -> {
            String before = storedDigest(c, message.distributionID());
            if (before == null) {
                // Never seen: who may say it is decided now, once; a redelivery (below) has no second verdict.
                String caseId = Steering.steers(message.type()) ? message.caseId() : null;
                if (caseId != null) {
                    String owner = ownerOf(c, caseId);
                    if (!Steering.mayChange(owner, message.senderID(), trusted)) {
                        return keepForeign(c, message, digest, decoded);
                    }
                    String next = Steering.ownerAfter(owner, message.senderID(), trusted);
                    if (!next.equals(owner)) {
                        setOwner(c, caseId, next);
                        if (owner != null) { // taken over: the former owner's word about the case no longer counts
                            cases.disowned(c, caseId, owner);
                        }
                    }
                }
                byte[] plain = codec.encode(kept(decoded));
                if (!fromTrusted && bytesReceived(c, message.senderID()) + Vault.sealedLength(plain.length) > BYTES_RECEIVED_PER_UNTRUSTED_SENDER) {
                    return refuseOverQuota(c, message);
                }
                insert(c, message, digest, vault.seal(plain, message.distributionID()));
                if (message.payload() instanceof CreateCaseHealth || message.payload() instanceof CreateCaseHealthUpdate) {
                    cases.record(c, message);
                }
                return Outcome.NEW;
            }
            if (digest.equals(before)) {
                try (PreparedStatement again = c.prepareStatement(
                        "UPDATE inbox SET times_received = times_received + 1 WHERE distribution_id = ?")) {
                    again.setString(1, message.distributionID());
                    again.executeUpdate();
                }
                return Outcome.REDELIVERY;
            }
            if (alreadyKeptApart(c, message.distributionID(), digest)) {
                keepApart(c, message, digest, null, "CONFLICT"); // counted again, nothing more kept
                return Outcome.CONFLICT;
            }
            byte[] copy = codec.encode(decoded);
            if (copiesKept(c, message.distributionID()) >= COPIES_KEPT_PER_ID
                    || bytesKept(c, message.senderID()) + Vault.sealedLength(copy.length) > BYTES_KEPT_PER_SENDER) {
                return refuseOverQuota(c, message);
            }
            keepApart(c, message, digest, vault.seal(copy, conflictAad(message.distributionID(), digest)), "CONFLICT");
            return Outcome.CONFLICT;
        });
    }

    /** Who steers {@code caseId} (null: nobody spoke about it yet). */
    public String ownerOf(String caseId) {
        return database.inTransaction(c -> ownerOf(c, caseId));
    }

    private static String ownerOf(Connection c, String caseId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT owner FROM case_owners WHERE case_id = ?")) {
            select.setString(1, caseId);
            try (ResultSet r = select.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private void setOwner(Connection c, String caseId, String owner) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO case_owners (case_id, owner, since) VALUES (?, ?, ?)
                ON CONFLICT (case_id) DO UPDATE SET owner = excluded.owner, since = excluded.since""")) {
            upsert.setString(1, caseId);
            upsert.setString(2, owner);
            upsert.setLong(3, clock.millis());
            upsert.executeUpdate();
        }
    }

    /**
     * A third party's message about a case it does not steer: kept apart (encrypted, within the sender's
     * budget), never applied; the same copy again is answered again, nothing more is kept.
     */
    private Outcome keepForeign(Connection c, HubMessage message, String digest, Decoded decoded) throws SQLException {
        if (!alreadyKeptApart(c, message.distributionID(), digest)) {
            byte[] copy = codec.encode(decoded);
            if (bytesKept(c, message.senderID()) + Vault.sealedLength(copy.length) > BYTES_KEPT_PER_SENDER) {
                return refuseOverQuota(c, message);
            }
            keepApart(c, message, digest, vault.seal(copy, conflictAad(message.distributionID(), digest)), "FOREIGN");
            return Outcome.FOREIGN;
        }
        keepApart(c, message, digest, null, "FOREIGN"); // counted again
        return Outcome.FOREIGN;
    }

    /** Messages from third parties about {@code caseId}, kept apart: who sent what, and when. */
    public List<Conflict> fromThirdParties(String caseId) {
        return keptApart(caseId, "FOREIGN");
    }

    /**
     * What is stored of a received message: all of it, except the copy of our own message that an error
     * report quotes ({@code sourceMessage}): the outbox has it already, and a peer could make it large.
     */
    private Decoded kept(Decoded decoded) {
        if (decoded.envelope().payload() instanceof HubError error && error.sourceMessage() != null
                && decoded.tree() instanceof ObjectNode tree) {
            ObjectNode copy = tree.deepCopy();
            if (copy.at("/content/0/jsonContent/embeddedJsonContent/message/error") instanceof ObjectNode payload) {
                payload.remove("sourceMessage");
                return codec.decodeTree(copy);
            }
        }
        return decoded;
    }

    private static boolean alreadyKeptApart(Connection c, String distributionId, String digest) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT 1 FROM inbox_conflicts WHERE distribution_id = ? AND digest = ?")) {
            select.setString(1, distributionId);
            select.setString(2, digest);
            try (ResultSet r = select.executeQuery()) {
                return r.next();
            }
        }
    }

    private static int copiesKept(Connection c, String distributionId) throws SQLException {
        try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM inbox_conflicts WHERE distribution_id = ?")) {
            count.setString(1, distributionId);
            try (ResultSet r = count.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        }
    }

    private static long bytesReceived(Connection c, String sender) throws SQLException {
        try (PreparedStatement sum = c.prepareStatement("SELECT COALESCE(SUM(LENGTH(body)), 0) FROM inbox WHERE sender = ?")) {
            sum.setString(1, sender);
            try (ResultSet r = sum.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }

    private static long bytesKept(Connection c, String sender) throws SQLException {
        try (PreparedStatement sum = c.prepareStatement("SELECT COALESCE(SUM(LENGTH(body)), 0) FROM inbox_conflicts WHERE sender = ?")) {
            sum.setString(1, sender);
            try (ResultSet r = sum.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }

    /**
     * Counts a message beyond the quota (its sender, no content). The sender's first one is refused (one error
     * report tells it), later ones are dropped unanswered, whatever their ids: a flood is not answered in kind.
     */
    private Outcome refuseOverQuota(Connection c, HubMessage message) throws SQLException {
        String key = "sender:" + message.senderID();
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO inbox_refused_copies (distribution_id, sender, copies, first_at) VALUES (?, ?, 1, ?)
                ON CONFLICT (distribution_id) DO UPDATE SET copies = copies + 1""")) {
            insert.setString(1, key);
            insert.setString(2, message.senderID());
            insert.setLong(3, clock.millis());
            insert.executeUpdate();
        }
        try (PreparedStatement select = c.prepareStatement("SELECT copies FROM inbox_refused_copies WHERE distribution_id = ?")) {
            select.setString(1, key);
            try (ResultSet r = select.executeQuery()) {
                return r.next() && r.getInt(1) == 1 ? Outcome.OVER_QUOTA : Outcome.DROPPED;
            }
        }
    }

    private boolean insert(Connection c, HubMessage message, String digest, byte[] sealed) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT OR IGNORE INTO inbox (distribution_id, type, sender, case_id, received_at, body, digest)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, message.distributionID());
            insert.setString(2, message.type().code());
            insert.setString(3, message.senderID());
            insert.setString(4, message.caseId());
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

    /**
     * A copy kept apart (encrypted, never applied): {@code reason} CONFLICT, its id taken by other content, or
     * FOREIGN, a third party's about a case it does not steer. {@code sealed} null: kept already, counted again.
     */
    private void keepApart(Connection c, HubMessage message, String digest, byte[] sealed, String reason) throws SQLException {
        if (sealed == null) {
            try (PreparedStatement again = c.prepareStatement(
                    "UPDATE inbox_conflicts SET times_received = times_received + 1 WHERE distribution_id = ? AND digest = ?")) {
                again.setString(1, message.distributionID());
                again.setString(2, digest);
                again.executeUpdate();
            }
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO inbox_conflicts (distribution_id, digest, type, sender, case_id, received_at, body, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (distribution_id, digest) DO UPDATE SET times_received = times_received + 1""")) {
            insert.setString(8, reason);
            insert.setString(1, message.distributionID());
            insert.setString(2, digest);
            insert.setString(3, message.type().code());
            insert.setString(4, message.senderID());
            insert.setString(5, message.caseId());
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
    @Override
    public int conflictCount(String caseId) {
        return conflicts(caseId).size();
    }

    public List<Conflict> conflicts(String caseId) {
        return keptApart(caseId, "CONFLICT");
    }

    private List<Conflict> keptApart(String caseId, String reason) {
        return database.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT distribution_id, type, sender, case_id, received_at, times_received FROM inbox_conflicts WHERE reason = ?"
                            + (caseId == null ? "" : " AND case_id = ?") + " ORDER BY id")) {
                select.setString(1, reason);
                if (caseId != null) {
                    select.setString(2, caseId);
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

    @Override
    public List<Received> about(String caseId) {
        return database.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT distribution_id, type, case_id, received_at FROM inbox WHERE case_id = ? ORDER BY received_at DESC, rowid DESC")) {
                select.setString(1, caseId);
                return received(select);
            }
        });
    }

    /** The {@code limit} messages received last, newest first: the journal's incoming side, kept across restarts. */
    @Override
    public List<Received> recent(int limit) {
        return database.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT distribution_id, type, case_id, received_at FROM inbox ORDER BY received_at DESC LIMIT ?")) {
                select.setInt(1, limit);
                return received(select);
            }
        });
    }

    /** The rows of a query selecting distribution_id, type, case_id, received_at, in its order. */
    private static List<Received> received(PreparedStatement select) throws java.sql.SQLException {
        List<Received> found = new java.util.ArrayList<>();
        try (var r = select.executeQuery()) {
            while (r.next()) {
                found.add(new Received(r.getString(1), r.getString(2), r.getString(3), Instant.ofEpochMilli(r.getLong(4))));
            }
        }
        return found;
    }

    /** A stored message, decoded again from what was received. */
    @Override
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
