package org.opensmur.store.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensmur.core.hub.client.HubClock;
import org.opensmur.core.tablet.RetentionOutcome;
import org.opensmur.store.db.StoreDatabase;
import org.opensmur.store.drafts.Drafts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Patient data is not kept forever. A mission is over when the crew saved a status that ends it (see
 * {@link org.opensmur.core.rules.StatusFlow#endsMission}) or the SAMU closed the case ({@code CLOTURE},
 * {@code CLASSE}, {@code ARCHIVE}); {@code keepFor} later (72 h by default), or at once when the crew asks,
 * everything the tablet holds of it goes: received messages and their conflicting copies, the case and its
 * history, the bilan draft, what it sent and the ledger of each. Never while one of its messages is not yet
 * delivered (queued, or sent and not acknowledged): that is said, and it is tried again later. Each purge
 * writes one log line: the case id and the counts, nothing of the patient.
 */
public final class MissionRetention {

    public static final Duration DEFAULT_KEEP = Duration.ofHours(72);
    /** The drafts the app keeps of its open mission (their bodies name the case). */
    private static final List<String> SESSION_DRAFTS = List.of("session:mission");

    private static final Logger LOG = LoggerFactory.getLogger(MissionRetention.class);

    private final StoreDatabase database;
    private final Drafts drafts;
    private final Clock clock;
    private volatile Duration keepFor = DEFAULT_KEEP;

    /**
     * {@code clock}: when it is the tablet's corrected clock ({@link HubClock}), the device's own clock under
     * it is used. Retention measures a time on the tablet, never exchanged: nothing received, however dated,
     * moves when a mission is purged (a correction would, by up to its bound each way).
     */
    public MissionRetention(StoreDatabase database, Drafts drafts, Clock clock) {
        this.database = database;
        this.drafts = drafts;
        this.clock = clock instanceof HubClock corrected ? corrected.device() : clock;
    }

    public void keepFor(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("retention of closed missions: " + delay + " is negative");
        }
        this.keepFor = delay;
    }

    public Duration keepFor() {
        return keepFor;
    }

    /** The mission of {@code caseId} is over (a first closure counts; a later one does not move its time). */
    public void closed(String caseId, String reason) {
        database.inTransaction(c -> {
            closed(c, caseId, reason);
            return null;
        });
    }

    /** The same, inside the caller's transaction (the one that stored the message closing it). */
    public void closed(Connection c, String caseId, String reason) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT OR IGNORE INTO mission_closures (case_id, closed_at, reason) VALUES (?, ?, ?)")) {
            insert.setString(1, caseId);
            insert.setLong(2, clock.millis());
            insert.setString(3, reason);
            insert.executeUpdate();
        }
    }

    /**
     * The crew took back the status that ended the mission of {@code caseId}: it is not over (its retention
     * clock must not purge it while it goes on), inside the caller's transaction (the correction's).
     */
    public void reopened(String caseId) {
        database.inTransaction(c -> {
            reopened(c, caseId);
            return null;
        });
    }

    /** The same, within the caller's transaction. */
    public void reopened(Connection c, String caseId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM mission_closures WHERE case_id = ?")) {
            delete.setString(1, caseId);
            delete.executeUpdate();
        }
    }

    /**
     * The closure a case message made ({@code CLOTURE}...) no longer counts: its sender no longer steers the case
     * ({@link org.opensmur.store.cases.CaseStore#disowned}); a closure by the crew's own status stays.
     */
    public void caseClosureWithdrawn(Connection c, String caseId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM mission_closures WHERE case_id = ? AND substr(reason, 1, 5) = 'case '")) {
            delete.setString(1, caseId);
            delete.executeUpdate();
        }
    }

    /** When the mission of {@code caseId} was closed, if it was. */
    public java.util.Optional<Instant> closedAt(String caseId) {
        return database.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT closed_at FROM mission_closures WHERE case_id = ?")) {
                select.setString(1, caseId);
                try (ResultSet r = select.executeQuery()) {
                    return r.next() ? java.util.Optional.of(Instant.ofEpochMilli(r.getLong(1))) : java.util.Optional.<Instant>empty();
                }
            }
        });
    }

    /** Every mission closed more than {@code keepFor} ago: purged, or kept with the reason. */
    public List<RetentionOutcome> purgeDue() {
        long cutoff = clock.millis() - keepFor.toMillis();
        List<String> due = database.inTransaction(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT case_id FROM mission_closures WHERE closed_at <= ? ORDER BY closed_at")) {
                select.setLong(1, cutoff);
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getString(1));
                    }
                }
            }
            return ids;
        });
        List<RetentionOutcome> outcomes = new ArrayList<>();
        for (String caseId : due) {
            outcomes.add(purge(caseId, cutoff));
        }
        purgeCaseless(cutoff);
        return outcomes;
    }

    /**
     * What was received about no case (acknowledgements, error reports, position requests) and the record of
     * copies refused beyond the quota: kept as long as a mission's messages, then purged. The broker keeps a
     * message 24 h at most, so no redelivery can come after.
     */
    /** Answers (RC-REF, error reports) sent before the cutoff ({@code ?}) about a received message no longer kept. */
    private static final String ORPHAN_ANSWERS = "type IN ('RC-REF', 'RS-ERROR') AND state <> 'QUEUED' AND updated_at <= ?"
            + " AND substr(order_key, 1, 10) = 'reference:'"
            + " AND substr(order_key, 11) NOT IN (SELECT distribution_id FROM inbox)"
            + " AND substr(order_key, 11) NOT IN (SELECT distribution_id FROM inbox_conflicts)";

    private void purgeCaseless(long cutoff) {
        int purged = database.inTransaction(c -> {
            int n = 0;
            for (String sql : List.of(
                    "DELETE FROM sent_references WHERE received_id IN (SELECT distribution_id FROM inbox WHERE case_id IS NULL AND received_at <= ?)",
                    "DELETE FROM inbox WHERE case_id IS NULL AND received_at <= ?",
                    "DELETE FROM inbox_conflicts WHERE case_id IS NULL AND received_at <= ?",
                    "DELETE FROM inbox_refused_copies WHERE first_at <= ?",
                    // The answers (RC-REF, error reports) to what is no longer kept, and their ledger: what they
                    // refused or acknowledged is gone.
                    "DELETE FROM delivery_events WHERE distribution_id IN (SELECT distribution_id FROM outbox WHERE " + ORPHAN_ANSWERS + ")",
                    "DELETE FROM outbox WHERE " + ORPHAN_ANSWERS)) {
                try (PreparedStatement delete = c.prepareStatement(sql)) {
                    delete.setLong(1, cutoff);
                    n += delete.executeUpdate();
                }
            }
            try (PreparedStatement orphans = c.prepareStatement("DELETE FROM sent_references"
                    + " WHERE received_id NOT IN (SELECT distribution_id FROM inbox)"
                    + " AND received_id NOT IN (SELECT distribution_id FROM inbox_conflicts)")) {
                n += orphans.executeUpdate();
            }
            return n;
        });
        if (purged > 0) {
            LOG.info("retention: {} row(s) received about no case purged", purged);
        }
    }

    /** The crew's "erase now": a closed mission goes at once, under the same rule of delivery. */
    public RetentionOutcome purgeNow(String caseId) {
        return purge(caseId, Long.MAX_VALUE);
    }

    /**
     * What was written of an erased mission after its purge (a draft saved as it was purged): erased too, unless
     * the case is back on the tablet (shared again, or a mission on it). Returns how many drafts went.
     */
    public int forgetLateDrafts(String caseId) {
        int removed = database.inTransaction(c -> {
            // Back means its case shared again or a mission on it: a message anyone may send about a case id (a
            // status, a document link) does not keep what was written of the erased one.
            try (PreparedStatement held = c.prepareStatement("SELECT 1 FROM case_messages WHERE case_id = ?1"
                    + " UNION ALL SELECT 1 FROM status_taps WHERE case_id = ?1"
                    + " UNION ALL SELECT 1 FROM mission_closures WHERE case_id = ?1 LIMIT 1")) {
                held.setString(1, caseId);
                try (ResultSet r = held.executeQuery()) {
                    if (r.next()) {
                        return -1;
                    }
                }
            }
            return delete(c, DRAFTS_OF_CASE, caseId, null);
        });
        if (removed < 0) {
            return 0; // back on the tablet: its session is the new mission's
        }
        removed += forgetSession(caseId);
        if (removed > 0) {
            LOG.info("mission purged: case {} {} draft(s) written as it was purged", caseId, removed);
        }
        return removed;
    }

    /** The drafts of a case ({@code ?1}): keyed "kind:case" or "kind:case:patient". */
    private static final String DRAFTS_OF_CASE = "DELETE FROM drafts WHERE substr(draft_key, instr(draft_key, ':') + 1) = ?1"
            + " OR instr(draft_key, ':' || ?1 || ':') > 0";

    /** {@code caseId}'s mission, if it was closed at {@code cutoff} or before (and still is, in this transaction). */
    private RetentionOutcome purge(String caseId, long cutoff) {
        String tail = caseId.substring(caseId.lastIndexOf('.') + 1);
        // The outbox rows of this case: ordered by it (case:ID), its RPIS (rpis:ORG.SENDERCASEID), and the
        // acknowledgements of what it received (reference:DISTRIBUTIONID). An RS-RPIS names the case's number only:
        // while another case of that number holds the crew's taps (the mission the RPIS was made on), its RPIS rows
        // are that case's, and go with its purge (a look-alike case id, opened and closed by another party, does
        // not take them with its own).
        // Exact comparisons (instr, substr), never LIKE: a case id may hold '_', a LIKE wildcard, and then
        // match another case's rows.
        String ofCase = """
                (instr(' ' || order_key || ' ', ' case:' || ?1 || ' ') > 0
                 OR (substr(order_key, 1, 5) = 'rpis:' AND substr(order_key, length(order_key) - length(?2)) = '.' || ?2
                     AND NOT EXISTS (SELECT 1 FROM status_taps WHERE case_id <> ?1
                                     AND substr(case_id, length(case_id) - length(?2)) = '.' || ?2))
                 OR order_key IN (SELECT 'reference:' || distribution_id FROM inbox WHERE case_id = ?1)
                 OR order_key IN (SELECT 'reference:' || distribution_id FROM inbox_conflicts WHERE case_id = ?1))""";
        RetentionOutcome outcome = database.inTransaction(c -> {
            // Read again inside the purge: a correction may have reopened the mission since it was found due.
            try (PreparedStatement closure = c.prepareStatement("SELECT closed_at FROM mission_closures WHERE case_id = ?")) {
                closure.setString(1, caseId);
                try (ResultSet r = closure.executeQuery()) {
                    if (!r.next() || r.getLong(1) > cutoff) {
                        return new RetentionOutcome(caseId, false, false, 0, "mission not over", Map.of());
                    }
                }
            }
            int undelivered;
            try (PreparedStatement count = c.prepareStatement(
                    // Queued, or sent and awaiting the recipient's RC-REF (acknowledgements themselves get none).
                    "SELECT COUNT(*) FROM outbox WHERE (state = 'QUEUED' OR (state = 'SENT' AND type NOT IN ('RC-REF', 'RS-ERROR')))"
                            + " AND " + ofCase)) {
                count.setString(1, caseId);
                count.setString(2, tail);
                try (ResultSet r = count.executeQuery()) {
                    undelivered = r.next() ? r.getInt(1) : 0;
                }
            }
            if (undelivered > 0) {
                return new RetentionOutcome(caseId, false, true, undelivered, undelivered + " message(s) of the mission not yet delivered", Map.of());
            }
            Map<String, Integer> counts = new LinkedHashMap<>();
            counts.put("ledger", delete(c, "DELETE FROM delivery_events WHERE distribution_id IN (SELECT distribution_id FROM outbox WHERE "
                    + ofCase + ")", caseId, tail));
            counts.put("sent", delete(c, "DELETE FROM outbox WHERE " + ofCase, caseId, tail));
            counts.put("references", delete(c, "DELETE FROM sent_references WHERE received_id IN (SELECT distribution_id FROM inbox"
                    + " WHERE case_id = ?1)", caseId, null));
            counts.put("received", delete(c, "DELETE FROM inbox WHERE case_id = ?1", caseId, null));
            counts.put("conflicts", delete(c, "DELETE FROM inbox_conflicts WHERE case_id = ?1", caseId, null));
            counts.put("case", delete(c, "DELETE FROM case_messages WHERE case_id = ?1", caseId, null));
            counts.put("statuses", delete(c, "DELETE FROM status_taps WHERE case_id = ?1", caseId, null));
            delete(c, "DELETE FROM case_owners WHERE case_id = ?1", caseId, null);
            counts.put("drafts", delete(c, DRAFTS_OF_CASE, caseId, null));
            delete(c, "DELETE FROM mission_closures WHERE case_id = ?1", caseId, null);
            return new RetentionOutcome(caseId, true, true, 0, null, counts);
        });
        if (outcome.purged()) {
            int sessionDrafts = forgetSession(caseId);
            if (sessionDrafts > 0) {
                Map<String, Integer> counts = new LinkedHashMap<>(outcome.counts());
                counts.merge("drafts", sessionDrafts, Integer::sum);
                outcome = new RetentionOutcome(caseId, true, true, 0, null, counts);
            }
            LOG.info("mission purged: case {} {}", caseId, outcome.counts());
        } else {
            LOG.info("mission kept: case {} ({})", caseId, outcome.why());
        }
        return outcome;
    }

    /** The app's own memory of the mission (encrypted: read to see which case it names). */
    private int forgetSession(String caseId) {
        int removed = 0;
        for (String key : SESSION_DRAFTS) {
            var draft = drafts.load(key);
            if (draft.isPresent() && caseId.equals(draft.get().get("caseId"))) {
                drafts.remove(key);
                removed++;
            }
        }
        return removed;
    }

    private static int delete(Connection c, String sql, String caseId, String tail) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(sql)) {
            delete.setString(1, caseId);
            if (tail != null) {
                delete.setString(2, tail);
            }
            return delete.executeUpdate();
        }
    }
}
