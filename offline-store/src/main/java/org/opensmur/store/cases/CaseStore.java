package org.opensmur.store.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.opensmur.core.bilan.InterventionReport;
import org.opensmur.core.document.DocumentLink;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.mission.CreateCaseHealthUpdate;
import org.opensmur.core.mission.MergedCase;
import org.opensmur.core.mission.ResourcesEngagement;
import org.opensmur.core.mission.ResourcesInfo;
import org.opensmur.core.status.ResourcesStatus;
import org.opensmur.core.tablet.CaseView;
import org.opensmur.store.crypto.Vault;
import org.opensmur.store.db.StoreDatabase;

/**
 * Cases as the SAMU shared them: the RS-EDA as received, then each RS-EDA-MAJ applied in the order the
 * SAMU sent them (whatever the order they arrived in), with the history of what changed and when so that
 * the screen can highlight it. Updates are partial: objects merge, list items with an id (patient,
 * medical note...) merge into the item with that id, other items are added.
 */
public final class CaseStore {

    private static final List<String> ITEM_IDS = List.of("patientId", "medicalNoteId", "resourceId", "key");
    /** How far ahead of the tablet's time a sender's date is believed, to order a case's messages. */
    static final java.time.Duration MAX_AHEAD = java.time.Duration.ofMinutes(5);

    private final StoreDatabase database;
    private final Vault vault;
    private final HubCodec codec;
    private final Clock clock;

    private final org.opensmur.store.retention.MissionRetention retention;

    public CaseStore(StoreDatabase database, Vault vault, HubCodec codec, Clock clock,
                     org.opensmur.store.retention.MissionRetention retention) {
        this.retention = retention;
        this.database = database;
        this.vault = vault;
        this.codec = codec;
        this.clock = clock;
    }

    /** Records a received RS-EDA or RS-EDA-MAJ, within the inbox's transaction. */
    public void record(Connection c, HubMessage message) throws SQLException {
        boolean update = message.payload() instanceof CreateCaseHealthUpdate;
        JsonNode payload = codec.toTree(message.payload()).get(message.type().key());
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT OR IGNORE INTO case_messages (case_id, distribution_id, kind, sent_at, applied_at, body)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, message.caseId());
            insert.setString(2, message.distributionID());
            insert.setString(3, update ? "UPDATE" : "CASE");
            // Ordered by the sender's date, but never beyond a few minutes ahead of ours: a date in the future
            // must not let a message win over every later one.
            long sent = (message.header() != null ? message.header().sentAt() : message.dateTimeSent()).toInstant().toEpochMilli();
            insert.setLong(4, Math.min(sent, clock.millis() + MAX_AHEAD.toMillis()));
            insert.setLong(5, clock.millis());
            insert.setBytes(6, vault.seal(codec.mapper().writeValueAsBytes(payload), message.distributionID()));
            insert.executeUpdate();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String state = payload.at("/qualification/details/status").asText("");
        if (MergedCase.CLOSED_STATES.contains(state)) {
            retention.closed(c, message.caseId(), "case " + state); // in the same transaction as the message
        }
    }

    public CaseView view(String caseId) {
        record Row(String distributionId, String kind, long sentAt, byte[] body) {
        }
        List<Row> rows = database.inTransaction(c -> {
            List<Row> found = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT distribution_id, kind, sent_at, body FROM case_messages WHERE case_id = ? ORDER BY sent_at, id")) {
                select.setString(1, caseId);
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        found.add(new Row(r.getString(1), r.getString(2), r.getLong(3), r.getBytes(4)));
                    }
                }
            }
            return found;
        });
        if (rows.isEmpty()) {
            return null;
        }
        ObjectNode current = codec.mapper().createObjectNode();
        List<CaseView.Change> changes = new ArrayList<>();
        boolean shared = false;
        // The case itself first (the latest RS-EDA if it was shared again), then the updates in sending order.
        for (Row row : rows) {
            if (row.kind().equals("CASE")) {
                current = (ObjectNode) read(row.body(), row.distributionId());
                shared = true;
            }
        }
        for (Row row : rows) {
            if (row.kind().equals("UPDATE")) {
                List<String> paths = new ArrayList<>();
                merge(current, (ObjectNode) read(row.body(), row.distributionId()), "", paths);
                Instant at = Instant.ofEpochMilli(row.sentAt());
                paths.forEach(p -> changes.add(new CaseView.Change(p, row.distributionId(), at)));
            }
        }
        return new CaseView(caseId, current, changes, shared);
    }

    private JsonNode read(byte[] sealed, String distributionId) {
        try {
            return codec.mapper().readTree(vault.open(sealed, distributionId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Merges a partial update into {@code target}, adding the JSON path of every value it changed. */
    static void merge(ObjectNode target, ObjectNode update, String path, List<String> changed) {
        for (Iterator<String> names = update.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            JsonNode value = update.get(name);
            JsonNode existing = target.get(name);
            String at = path.isEmpty() ? name : path + "." + name;
            if (existing instanceof ObjectNode object && value instanceof ObjectNode patch) {
                merge(object, patch, at, changed);
            } else if (existing instanceof ArrayNode array && value instanceof ArrayNode items) {
                mergeItems(array, items, at, changed);
            } else if (!value.equals(existing)) {
                target.set(name, value.deepCopy());
                changed.add(at);
            }
        }
    }

    private static void mergeItems(ArrayNode target, ArrayNode items, String path, List<String> changed) {
        for (JsonNode item : items) {
            int match = indexOfSameItem(target, item);
            if (match >= 0 && target.get(match) instanceof ObjectNode existing && item instanceof ObjectNode patch) {
                merge(existing, patch, path + "[" + match + "]", changed);
            } else if (match < 0) {
                target.add(item.deepCopy());
                changed.add(path + "[" + (target.size() - 1) + "]");
            }
        }
    }

    private static int indexOfSameItem(ArrayNode target, JsonNode item) {
        for (int i = 0; i < target.size(); i++) {
            JsonNode candidate = target.get(i);
            if (candidate.equals(item)) {
                return i;
            }
            for (String id : ITEM_IDS) {
                if (item.has(id) && item.get(id).equals(candidate.get(id))) {
                    return i;
                }
            }
        }
        return -1;
    }

    public List<String> caseIds() {
        return database.inTransaction(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT case_id FROM case_messages GROUP BY case_id ORDER BY MAX(applied_at) DESC");
                 ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
            return ids;
        });
    }
}
