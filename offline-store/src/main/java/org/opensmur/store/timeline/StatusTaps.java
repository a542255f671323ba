package org.opensmur.store.timeline;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.store.crypto.Vault;
import org.opensmur.store.db.StoreDatabase;
import org.opensmur.store.db.StoreException;

/**
 * The crew's status taps of each mission, one typed row per tap in the order tapped, written in the
 * transaction that queues the tap's RS-SR (a tap is in both or in neither). What was tapped and when is
 * sealed like every payload; the case and the message it went in stay readable for the retention's purge.
 */
public final class StatusTaps {

    /**
     * One tap as stored: the status, when the crew tapped it, the RS-SR that carries it, when the crew
     * corrected it (null: it stands; its message stays sent: a correction is a new message, the history is
     * kept), whether it is itself the status a correction sent again, and the message it was last sent again
     * in (null: never; the crew's "send again" of a status the SAMU did not confirm in time).
     */
    public record Row(ResourceStatus status, OffsetDateTime at, String distributionId, java.time.Instant correctedAt, boolean correction,
                      String resentAs) {

        public Row(ResourceStatus status, OffsetDateTime at, String distributionId, java.time.Instant correctedAt, boolean correction) {
            this(status, at, distributionId, correctedAt, correction, null);
        }
    }

    private final StoreDatabase database;
    private final Vault vault;

    public StatusTaps(StoreDatabase database, Vault vault) {
        this.database = database;
        this.vault = vault;
    }

    /** Appends a tap within the caller's transaction (the one that queues its RS-SR). */
    public void appendIn(Connection c, String caseId, Row tap) throws SQLException {
        byte[] sealed = vault.seal((tap.status().name() + "|" + tap.at()).getBytes(StandardCharsets.UTF_8), "tap:" + tap.distributionId());
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO status_taps (case_id, distribution_id, corrected_at, correction, body, resent_as) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, caseId);
            insert.setString(2, tap.distributionId());
            if (tap.correctedAt() == null) {
                insert.setNull(3, java.sql.Types.INTEGER);
            } else {
                insert.setLong(3, tap.correctedAt().toEpochMilli());
            }
            insert.setInt(4, tap.correction() ? 1 : 0);
            insert.setBytes(5, sealed);
            insert.setString(6, tap.resentAs());
            insert.executeUpdate();
        }
    }

    /** Marks a tap corrected within the caller's transaction (the one that queues the correction, if any). */
    public void markCorrectedIn(Connection c, String distributionId, java.time.Instant at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE status_taps SET corrected_at = ? WHERE distribution_id = ?")) {
            update.setLong(1, at.toEpochMilli());
            update.setString(2, distributionId);
            if (update.executeUpdate() != 1) {
                throw new StoreException("no status tap " + distributionId + " to correct");
            }
        }
    }

    /**
     * Records, within the caller's transaction (the one that queues {@code again}), that the message
     * {@code previous} was sent again as {@code again}: the tap it carries (directly, or through an earlier
     * "send again") now follows {@code again}. Says whether {@code previous} carried a tap.
     */
    public boolean resentIn(Connection c, String previous, String again) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE status_taps SET resent_as = ? WHERE distribution_id = ? OR resent_as = ?")) {
            update.setString(1, again);
            update.setString(2, previous);
            update.setString(3, previous);
            return update.executeUpdate() > 0;
        }
    }

    /** Marks a tap corrected when the correction sends nothing (there was no status before it). */
    public void markCorrected(String distributionId, java.time.Instant at) {
        database.inTransaction(c -> {
            markCorrectedIn(c, distributionId, at);
            return null;
        });
    }

    /** Appends taps in one transaction (taps of a mission that began before this table existed). */
    public void append(String caseId, List<Row> taps) {
        database.inTransaction(c -> {
            for (Row tap : taps) {
                appendIn(c, caseId, tap);
            }
            return null;
        });
    }

    /** The taps of a mission, in the order tapped; none when it has none (or was purged). */
    public List<Row> of(String caseId) {
        record Sealed(String distributionId, java.time.Instant correctedAt, boolean correction, byte[] body, String resentAs) {
        }
        List<Sealed> rows = database.inTransaction(c -> {
            List<Sealed> found = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT distribution_id, corrected_at, correction, body, resent_as FROM status_taps WHERE case_id = ? ORDER BY seq")) {
                select.setString(1, caseId);
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        long corrected = r.getLong(2);
                        java.time.Instant correctedAt = r.wasNull() ? null : java.time.Instant.ofEpochMilli(corrected); // before the next read
                        found.add(new Sealed(r.getString(1), correctedAt, r.getInt(3) != 0, r.getBytes(4), r.getString(5)));
                    }
                }
            }
            return found;
        });
        List<Row> taps = new ArrayList<>(rows.size());
        for (Sealed row : rows) {
            String plain = new String(vault.open(row.body(), "tap:" + row.distributionId()), StandardCharsets.UTF_8);
            int bar = plain.indexOf('|');
            ResourceStatus status;
            try {
                status = ResourceStatus.valueOf(plain.substring(0, bar));
            } catch (IllegalArgumentException e) {
                throw new StoreException("status tap " + row.distributionId() + " names no known status", e);
            }
            taps.add(new Row(status, OffsetDateTime.parse(plain.substring(bar + 1)), row.distributionId(), row.correctedAt(), row.correction(),
                    row.resentAs()));
        }
        return taps;
    }
}
