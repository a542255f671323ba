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
import org.opensmur.core.tablet.StatusTapStore;

/**
 * The crew's status taps of each mission ({@link StatusTapStore}, the mission core's port), one typed row per
 * tap in the order tapped, written in the transaction that queues the tap's RS-SR (a tap is in both or in
 * neither). What was tapped and when is sealed like every payload; the case and the message it went in (and the
 * one it was sent again in) stay readable for the retention's purge.
 */
public final class StatusTaps implements StatusTapStore {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StatusTaps.class);

    private final StoreDatabase database;
    private final Vault vault;

    public StatusTaps(StoreDatabase database, Vault vault) {
        this.database = database;
        this.vault = vault;
    }

    private void appendIn(Connection c, String caseId, Row tap) throws SQLException {
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

    private void markCorrectedIn(Connection c, String distributionId, java.time.Instant at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE status_taps SET corrected_at = ? WHERE distribution_id = ?")) {
            update.setLong(1, at.toEpochMilli());
            update.setString(2, distributionId);
            if (update.executeUpdate() != 1) {
                throw new StoreException("no status tap " + distributionId + " to correct");
            }
        }
    }

    @Override
    public boolean resent(String previous, String again) {
        return database.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE status_taps SET resent_as = ? WHERE distribution_id = ? OR resent_as = ?")) {
                update.setString(1, again);
                update.setString(2, previous);
                update.setString(3, previous);
                return update.executeUpdate() > 0;
            }
        });
    }

    @Override
    public void markCorrected(String distributionId, java.time.Instant at) {
        database.inTransaction(c -> {
            markCorrectedIn(c, distributionId, at);
            return null;
        });
    }

    @Override
    public void append(String caseId, List<Row> taps) {
        database.inTransaction(c -> {
            for (Row tap : taps) {
                appendIn(c, caseId, tap);
            }
            return null;
        });
    }

    @Override
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
            ResourceStatus status;
            OffsetDateTime at;
            try {
                String plain = new String(vault.open(row.body(), "tap:" + row.distributionId()), StandardCharsets.UTF_8);
                int bar = plain.indexOf('|');
                status = ResourceStatus.valueOf(plain.substring(0, bar));
                at = OffsetDateTime.parse(plain.substring(bar + 1));
            } catch (RuntimeException e) {
                // One row altered on disk does not cost the crew the others: left out, named by its id (never its content).
                LOG.warn("status tap {} left out: it cannot be read ({})", row.distributionId(), e.getClass().getSimpleName());
                continue;
            }
            taps.add(new Row(status, at, row.distributionId(), row.correctedAt(), row.correction(), row.resentAs()));
        }
        return taps;
    }
}
