package org.opensmur.store.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.error.HubError;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.outgoing.Built;
import org.opensmur.core.reference.ReferenceStep;
import org.opensmur.core.tablet.DeliveryState;
import org.opensmur.core.tablet.Ledger;
import org.opensmur.core.tablet.OutboxEntry;
import org.opensmur.store.crypto.Vault;
import org.opensmur.store.db.StoreDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable outbox and its delivery ledger. {@link #enqueue} has committed the complete, validated
 * message to disk when it returns: only then may the UI say "saved". The distributionID minted by the
 * builder is kept for every retry. Rows are never deleted but by {@link #purge}, which says what it purged.
 */
public final class Outbox implements Ledger {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final String COLUMNS = "id, distribution_id, type, recipient, order_key, state, enqueued_at, expires_at,"
            + " attempts, sent_at, error_code, model_line";

    private final StoreDatabase database;
    private final Vault vault;
    private final HubCodec codec;
    private final OutboxPolicy policy;
    private final Clock clock;
    private final List<Consumer<OutboxEntry>> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> wakers = new CopyOnWriteArrayList<>();
    private final List<Runnable> rewinders = new CopyOnWriteArrayList<>();
    /** The model line of the vhost in use: rows written in another line wait, blocked. */
    private final String line;
    /** Some row holds a recipient's word until it is sent (checked on each confirm only then). */
    private volatile boolean anyHeld;

    public Outbox(StoreDatabase database, Vault vault, HubCodec codec, OutboxPolicy policy, Clock clock) {
        this.database = database;
        this.vault = vault;
        this.codec = codec;
        this.policy = policy;
        this.clock = clock;
        this.line = codec.line().name();
        this.anyHeld = database.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM outbox WHERE held_state IS NOT NULL LIMIT 1");
                 ResultSet r = select.executeQuery()) {
                return r.next();
            }
        });
    }

    public OutboxPolicy policy() {
        return policy;
    }

    /** Stores a built message; refuses one that did not pass validation. Returns when it is on disk. */
    public OutboxEntry enqueue(Built built) {
        return enqueue(built, (c, queued) -> { });
    }

    /** What else must be written in the transaction that queues a message (both saved, or neither). */
    @FunctionalInterface
    public interface AlongWith {
        void write(Connection c, OutboxEntry queued) throws SQLException;
    }

    /** Stores a built message and {@code alongWith}'s rows in one transaction. Returns when both are on disk. */
    public OutboxEntry enqueue(Built built, AlongWith alongWith) {
        HubMessage message = built.orElseThrow();
        OutboxEntry entry = database.inTransaction(c -> {
            OutboxEntry queued = enqueueIn(c, message);
            alongWith.write(c, queued);
            return queued;
        });
        changed(entry);
        wakers.forEach(Runnable::run);
        return entry;
    }

    /** Inserts within the caller's transaction (e.g. with the inbox row the message answers). */
    public OutboxEntry enqueueIn(Connection c, HubMessage message) throws SQLException {
        long now = clock.millis();
        byte[] sealed = vault.seal(codec.encode(message), message.distributionID());
        String coalesceKey = policy.coalesceKey(message);
        if (coalesceKey != null) {
            supersedeOlderPositions(c, coalesceKey, now);
        }
        String orderKeys = policy.orderKeys(message);
        long expires = message.dateTimeExpires().toInstant().toEpochMilli();
        PreparedStatement insert = database.statement("""
                INSERT INTO outbox (distribution_id, type, recipient, order_key, priority, enqueued_at, expires_at, state,
                                    updated_at, coalesce_key, body, model_line)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?)""");
        insert.setString(1, message.distributionID());
        insert.setString(2, message.type().code());
        insert.setString(3, message.recipientID());
        insert.setString(4, orderKeys);
        insert.setInt(5, policy.priority(message));
        insert.setLong(6, now);
        insert.setLong(7, expires);
        insert.setLong(8, now);
        insert.setString(9, coalesceKey);
        insert.setBytes(10, sealed);
        insert.setString(11, line);
        insert.executeUpdate();
        long id;
        try (ResultSet r = database.statement("SELECT last_insert_rowid()").executeQuery()) {
            id = r.next() ? r.getLong(1) : -1;
        }
        // No QUEUED event row: the outbox row itself says when it was queued (one write less per tap).
        return new OutboxEntry(id, message.distributionID(), message.type(), message.recipientID(), orderKeys,
                DeliveryState.QUEUED, Instant.ofEpochMilli(now), Instant.ofEpochMilli(expires), 0, null, null, line);
    }

    /**
     * Without a track interval every queued fix of the resource is replaced by the new one. With one, the
     * queue keeps a track of fixes at least that interval apart plus the latest: the newest queued fix is
     * replaced when it is closer than the interval to the one before it (it was only kept as "latest").
     */
    private void supersedeOlderPositions(Connection c, String coalesceKey, long now) throws SQLException {
        List<String> ids = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT distribution_id, enqueued_at FROM outbox WHERE coalesce_key = ? AND state = 'QUEUED' ORDER BY id DESC"
                        + (policy.positionTrack() == null ? "" : " LIMIT 2"))) {
            select.setString(1, coalesceKey);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                    times.add(rows.getLong(2));
                }
            }
        }
        List<String> superseded = policy.positionTrack() == null ? ids
                : ids.size() == 2 && times.get(0) - times.get(1) < policy.positionTrack().toMillis() ? List.of(ids.get(0)) : List.of();
        for (String id : superseded) {
            setState(c, id, DeliveryState.SUPERSEDED, now, null, null);
        }
    }

    // ---- what the relay needs

    /** Queued rows after {@code afterId}, in enqueue order, with their sealed bodies, for the relay to choose from. */
    List<Candidate> queued(long afterId, int limit) {
        return database.inTransaction(c -> {
            List<Candidate> rows = new ArrayList<>();
            PreparedStatement select = database.statement("""
                    SELECT id, distribution_id, order_key, priority, next_attempt_at, expires_at, body
                    FROM outbox WHERE state = 'QUEUED' AND model_line = ? AND id > ? ORDER BY id LIMIT ?""");
            select.setString(1, line);
            select.setLong(2, afterId);
            select.setInt(3, limit);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    rows.add(new Candidate(r.getLong(1), r.getString(2), r.getString(3).split(" "), r.getInt(4),
                            r.getLong(5), r.getLong(6), r.getBytes(7)));
                }
            }
            return rows;
        });
    }

    record Candidate(long id, String distributionId, String[] keys, int priority, long nextAttemptAt, long expiresAt,
                     byte[] sealedBody) {
    }

    byte[] open(Candidate candidate) {
        return vault.open(candidate.sealedBody(), candidate.distributionId());
    }

    @Override
    public byte[] body(String distributionId) {
        byte[] sealed = database.inTransaction(c -> {
            PreparedStatement select = database.statement("SELECT body FROM outbox WHERE distribution_id = ?");
            select.setString(1, distributionId);
            try (ResultSet r = select.executeQuery()) {
                return r.next() ? r.getBytes(1) : null;
            }
        });
        if (sealed == null) {
            throw new IllegalArgumentException("no outgoing message " + distributionId);
        }
        return vault.open(sealed, distributionId);
    }

    /** Outcome of a publication: confirmed means SENT; otherwise the row waits for its next attempt. */
    record Outcome(String distributionId, boolean confirmed) {
    }

    void record(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        long now = clock.millis();
        List<OutboxEntry> changed = database.inTransaction(c -> {
            List<OutboxEntry> entries = new ArrayList<>();
            PreparedStatement sent = database.statement("""
                    UPDATE outbox SET state = 'SENT', sent_at = ?, updated_at = ?, attempts = attempts + 1
                    WHERE distribution_id = ? AND state IN ('QUEUED', 'SUPERSEDED', 'EXPIRED')""");
            PreparedStatement retry = database.statement("""
                    UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, updated_at = ?
                    WHERE distribution_id = ? AND state = 'QUEUED'""");
            boolean watched = !listeners.isEmpty();
            for (Outcome outcome : outcomes) {
                if (outcome.confirmed()) {
                    sent.setLong(1, now);
                    sent.setLong(2, now);
                    sent.setString(3, outcome.distributionId());
                    if (sent.executeUpdate() == 1) {
                        // No SENT event row: sent_at records it (history() reads it there).
                        if (anyHeld) {
                            releaseHeld(c, outcome.distributionId(), now);
                        }
                        if (watched) {
                            entries.add(find(c, outcome.distributionId()));
                        }
                    }
                } else {
                    OutboxEntry entry = find(c, outcome.distributionId());
                    retry.setLong(1, now + policy.retryDelay(entry.attempts()).toMillis());
                    retry.setLong(2, now);
                    retry.setString(3, outcome.distributionId());
                    retry.executeUpdate();
                }
            }
            return entries;
        });
        changed.forEach(this::changed);
    }

    /** Queued messages whose expiry has passed are not sent: they become EXPIRED. */
    int expire(java.util.Set<String> inFlight) {
        long now = clock.millis();
        List<OutboxEntry> expired = database.inTransaction(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT distribution_id FROM outbox WHERE state = 'QUEUED' AND model_line = ? AND expires_at <= ?")) {
                select.setString(1, line);
                select.setLong(2, now);
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        if (!inFlight.contains(r.getString(1))) {
                            ids.add(r.getString(1));
                        }
                    }
                }
            }
            List<OutboxEntry> entries = new ArrayList<>();
            for (String id : ids) {
                if (setState(c, id, DeliveryState.EXPIRED, now, null, null)) {
                    entries.add(find(c, id));
                }
            }
            return entries;
        });
        expired.forEach(this::changed);
        return expired.size();
    }

    /** Makes an already sent message go again, unchanged (same distributionID): e.g. an RC-REF for a redelivery. */
    public void sendAgain(Connection c, String distributionId) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE outbox SET state = 'QUEUED', next_attempt_at = 0, updated_at = ?
                WHERE distribution_id = ? AND state NOT IN ('QUEUED')""")) {
            update.setLong(1, clock.millis());
            update.setString(2, distributionId);
            update.executeUpdate();
        }
    }

    // ---- the delivery ledger

    /**
     * An RC-REF about one of our messages, from {@code from}. Only the party the message went to can move
     * its state, and never while the broker has not confirmed the row: the word is held until it is sent,
     * so that no acknowledgement, true or forged, can keep a message from leaving.
     */
    public LedgerVerdict onReference(String distributionId, ReferenceStep step, boolean refused, String from) {
        DeliveryState state = refused ? DeliveryState.REFUSED : switch (step == null ? ReferenceStep.RECU : step) {
            case RECU -> DeliveryState.RECEIVED;
            case INTEGRE -> DeliveryState.INTEGRATED;
            case CONSULTE -> DeliveryState.CONSULTED;
            case ERREUR -> DeliveryState.ERROR;
            case SUPPRIME -> null;
        };
        return apply(distributionId, state, from, false, null, null);
    }

    /** An error report about one of our messages: trusted from the Hub and from the message's recipient only. */
    public LedgerVerdict onError(HubError error, String from) {
        Integer code = error.errorCode().statusCode() == null ? null : error.errorCode().statusCode().intValue();
        return apply(error.referencedDistributionID(), DeliveryState.ERROR, from, HubError.HUB_ID.equals(from), code,
                error.errorCause());
    }

    private LedgerVerdict apply(String distributionId, DeliveryState state, String from, boolean fromHub, Integer code,
                                String cause) {
        long now = clock.millis();
        LedgerVerdict verdict = database.inTransaction(c -> {
            OutboxEntry current = find(c, distributionId);
            if (current == null) {
                return LedgerVerdict.UNKNOWN_MESSAGE;
            }
            if (!fromHub && !current.recipient().equals(from)) {
                return LedgerVerdict.UNEXPECTED_SENDER;
            }
            if (state == null) {
                return LedgerVerdict.NO_CHANGE;
            }
            if (current.state() == DeliveryState.QUEUED) {
                return hold(c, current, state, code, cause) ? LedgerVerdict.HELD_UNTIL_SENT : LedgerVerdict.NO_CHANGE;
            }
            return setState(c, distributionId, state, now, code, cause) ? LedgerVerdict.APPLIED : LedgerVerdict.NO_CHANGE;
        });
        switch (verdict) {
            case APPLIED -> changed(find(distributionId));
            case UNEXPECTED_SENDER -> LOG.warn("ledger: {} about {} from {} ignored: that message went to another party",
                    state, distributionId, from);
            default -> LOG.info("ledger: {} about {} from {}: {}", state, distributionId, from, verdict);
        }
        return verdict;
    }

    /** Keeps the recipient's word about a row not yet confirmed by the broker; the row still leaves as usual. */
    private boolean hold(Connection c, OutboxEntry current, DeliveryState state, Integer code, String cause) throws SQLException {
        DeliveryState held;
        try (PreparedStatement select = c.prepareStatement("SELECT held_state FROM outbox WHERE distribution_id = ?")) {
            select.setString(1, current.distributionId());
            try (ResultSet r = select.executeQuery()) {
                held = r.next() && r.getString(1) != null ? DeliveryState.valueOf(r.getString(1)) : null;
            }
        }
        if (held != null && !held.canMoveTo(state)) {
            return false;
        }
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE outbox SET held_state = ?, error_code = COALESCE(?, error_code), detail = COALESCE(?, detail)"
                        + " WHERE distribution_id = ?")) {
            update.setString(1, state.name());
            if (code == null) {
                update.setNull(2, java.sql.Types.INTEGER);
            } else {
                update.setInt(2, code);
            }
            update.setBytes(3, sealDetail(current.distributionId(), cause));
            update.setString(4, current.distributionId());
            update.executeUpdate();
        }
        anyHeld = true;
        return true;
    }

    /** Once a row is sent, the word held for it applies. */
    private boolean releaseHeld(Connection c, String distributionId, long now) throws SQLException {
        DeliveryState held;
        PreparedStatement select = database.statement("SELECT held_state FROM outbox WHERE distribution_id = ?");
        select.setString(1, distributionId);
        try (ResultSet r = select.executeQuery()) {
            held = r.next() && r.getString(1) != null ? DeliveryState.valueOf(r.getString(1)) : null;
        }
        if (held == null) {
            return false;
        }
        PreparedStatement clear = database.statement("UPDATE outbox SET held_state = NULL WHERE distribution_id = ?");
        clear.setString(1, distributionId);
        clear.executeUpdate();
        return setState(c, distributionId, held, now, null, null);
    }

    private byte[] sealDetail(String distributionId, String cause) {
        return cause == null ? null : vault.seal(cause.getBytes(java.nio.charset.StandardCharsets.UTF_8), distributionId + "#detail");
    }

    private boolean setState(Connection c, String distributionId, DeliveryState state, long now, Integer code, String cause)
            throws SQLException {
        OutboxEntry current = find(c, distributionId);
        if (current == null || !current.state().canMoveTo(state)) {
            return false;
        }
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE outbox SET state = ?, updated_at = ?, error_code = COALESCE(?, error_code), detail = COALESCE(?, detail)"
                        + " WHERE distribution_id = ?")) {
            update.setString(1, state.name());
            update.setLong(2, now);
            if (code == null) {
                update.setNull(3, java.sql.Types.INTEGER);
            } else {
                update.setInt(3, code);
            }
            update.setBytes(4, sealDetail(distributionId, cause));
            update.setString(5, distributionId);
            update.executeUpdate();
        }
        event(c, distributionId, state, now);
        return true;
    }

    private void event(Connection c, String distributionId, DeliveryState state, long now) throws SQLException {
        PreparedStatement insert = database.statement("INSERT INTO delivery_events (distribution_id, state, at) VALUES (?, ?, ?)");
        insert.setString(1, distributionId);
        insert.setString(2, state.name());
        insert.setLong(3, now);
        insert.executeUpdate();
    }

    @Override
    public String errorDetail(String distributionId) {
        byte[] sealed = database.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT detail FROM outbox WHERE distribution_id = ?")) {
                select.setString(1, distributionId);
                try (ResultSet r = select.executeQuery()) {
                    return r.next() ? r.getBytes(1) : null;
                }
            }
        });
        return sealed == null ? null : new String(vault.open(sealed, distributionId + "#detail"), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public OutboxEntry find(String distributionId) {
        return database.inTransaction(c -> find(c, distributionId));
    }

    private OutboxEntry find(Connection c, String distributionId) throws SQLException {
        PreparedStatement select = database.statement("SELECT " + COLUMNS + " FROM outbox WHERE distribution_id = ?");
        select.setString(1, distributionId);
        try (ResultSet r = select.executeQuery()) {
            return r.next() ? entry(r) : null;
        }
    }

    @Override
    public List<OutboxEntry> list(String caseId, int limit) {
        return database.inTransaction(c -> {
            // instr, not LIKE: a case id may hold '_', which LIKE takes for any character (another case's rows).
            String where = caseId == null ? "" : " WHERE instr(' ' || order_key || ' ', ?) > 0";
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox" + where + " ORDER BY id DESC LIMIT ?")) {
                int i = 1;
                if (caseId != null) {
                    select.setString(i++, " case:" + caseId + " ");
                }
                select.setInt(i, limit);
                List<OutboxEntry> entries = new ArrayList<>();
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        entries.add(entry(r));
                    }
                }
                return entries;
            }
        });
    }

    @Override
    public List<DeliveryState> history(String distributionId) {
        return database.inTransaction(c -> {
            List<DeliveryState> states = new ArrayList<>();
            if (find(c, distributionId) == null) {
                return states;
            }
            states.add(DeliveryState.QUEUED);
            PreparedStatement sentAt = database.statement("SELECT sent_at FROM outbox WHERE distribution_id = ?");
            sentAt.setString(1, distributionId);
            try (ResultSet r = sentAt.executeQuery()) {
                if (r.next() && r.getObject(1) != null) {
                    states.add(DeliveryState.SENT);
                }
            }
            PreparedStatement select = database.statement("SELECT state FROM delivery_events WHERE distribution_id = ? ORDER BY id");
            select.setString(1, distributionId);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    states.add(DeliveryState.valueOf(r.getString(1)));
                }
            }
            return states;
        });
    }

    @Override
    public int waiting() {
        return count("SELECT COUNT(*) FROM outbox WHERE state = 'QUEUED' AND model_line = ?");
    }

    @Override
    public int blocked() {
        return count("SELECT COUNT(*) FROM outbox WHERE state = 'QUEUED' AND model_line != ?");
    }

    @Override
    public String line() {
        return line;
    }

    private int count(String sql) {
        return database.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement(sql)) {
                select.setString(1, line);
                try (ResultSet r = select.executeQuery()) {
                    return r.next() ? r.getInt(1) : 0;
                }
            }
        });
    }

    private static OutboxEntry entry(ResultSet r) throws SQLException {
        long sentAt = r.getLong(10);
        boolean noSent = r.wasNull();
        int code = r.getInt(11);
        boolean noCode = r.wasNull();
        return new OutboxEntry(r.getLong(1), r.getString(2), MessageType.ofCode(r.getString(3)).orElseThrow(), r.getString(4),
                r.getString(5), DeliveryState.valueOf(r.getString(6)), Instant.ofEpochMilli(r.getLong(7)),
                Instant.ofEpochMilli(r.getLong(8)), r.getInt(9), noSent ? null : Instant.ofEpochMilli(sentAt), noCode ? null : code,
                r.getString(12));
    }

    /** Called with every entry whose state changed (on the thread that changed it). */
    public void subscribe(Consumer<OutboxEntry> listener) {
        listeners.add(listener);
    }

    /** Tells the relay that rows were added or queued again inside another transaction. */
    public void nudge() {
        rewinders.forEach(Runnable::run);
        wakers.forEach(Runnable::run);
    }

    void onEnqueue(Runnable waker) {
        wakers.add(waker);
    }

    /** Called when rows may have gone back to QUEUED behind the relay's position. */
    void onRequeue(Runnable rewinder) {
        rewinders.add(rewinder);
    }

    private void changed(OutboxEntry entry) {
        for (Consumer<OutboxEntry> listener : listeners) {
            try {
                listener.accept(entry);
            } catch (RuntimeException e) {
                LOG.warn("ledger listener failed: {}", e.toString());
            }
        }
    }

    /** Removes final rows older than the retention; returns how many per state, and logs it. */
    public Map<DeliveryState, Integer> purge() {
        long cutoff = clock.millis() - policy.retention().toMillis();
        Map<DeliveryState, Integer> purged = database.inTransaction(c -> {
            Map<DeliveryState, Integer> counts = new EnumMap<>(DeliveryState.class);
            try (PreparedStatement count = c.prepareStatement(
                    "SELECT state, COUNT(*) FROM outbox WHERE state != 'QUEUED' AND updated_at < ? GROUP BY state")) {
                count.setLong(1, cutoff);
                try (ResultSet r = count.executeQuery()) {
                    while (r.next()) {
                        counts.put(DeliveryState.valueOf(r.getString(1)), r.getInt(2));
                    }
                }
            }
            try (PreparedStatement events = c.prepareStatement("""
                    DELETE FROM delivery_events WHERE distribution_id IN
                      (SELECT distribution_id FROM outbox WHERE state != 'QUEUED' AND updated_at < ?)""");
                 PreparedStatement rows = c.prepareStatement("DELETE FROM outbox WHERE state != 'QUEUED' AND updated_at < ?")) {
                events.setLong(1, cutoff);
                events.executeUpdate();
                rows.setLong(1, cutoff);
                rows.executeUpdate();
            }
            return counts;
        });
        LOG.info("outbox purge (older than {}): {}", policy.retention(), purged.isEmpty() ? "nothing" : purged);
        return purged;
    }
}
