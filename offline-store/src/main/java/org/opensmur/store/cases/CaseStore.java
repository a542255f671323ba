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

    /**
     * A trusted party took the case over from {@code formerOwner} (within the inbox's transaction): what that owner
     * said of the case no longer makes it (its messages stay received, in the journal), nor does its closure start
     * the purge of a mission it no longer steers. A claim on a case id before its SAMU shares it changes nothing.
     */
    public void disowned(Connection c, String caseId, String formerOwner) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM case_messages WHERE case_id = ? AND distribution_id IN"
                + " (SELECT distribution_id FROM inbox WHERE case_id = ? AND sender = ?)")) {
            delete.setString(1, caseId);
            delete.setString(2, caseId);
            delete.setString(3, formerOwner);
            delete.executeUpdate();
        }
        retention.caseClosureWithdrawn(c, caseId);
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
        ItemIndex index = new ItemIndex(target);
        for (JsonNode item : items) {
            int match = index.firstMatch(item);
            if (match >= 0 && target.get(match) instanceof ObjectNode existing && item instanceof ObjectNode patch) {
                index.remove(match);
                merge(existing, patch, path + "[" + match + "]", changed);
                index.add(match, existing);
            } else if (match < 0) {
                target.add(item.deepCopy());
                index.add(target.size() - 1, target.get(target.size() - 1));
                changed.add(path + "[" + (target.size() - 1) + "]");
            }
        }
    }

    /**
     * Where each item of a list is, by its whole value and by each of its identifiers ({@link #ITEM_IDS}): the item
     * an update's item merges into is found at once, not by comparing it with every item. A sender's update of
     * tens of thousands of notes must not cost their square on the store's thread, where the crew's taps wait.
     * The first such item wins, as a scan from the start would find it.
     */
    private static final class ItemIndex {
        private final java.util.Map<JsonNode, java.util.TreeSet<Integer>> byValue = new java.util.HashMap<>();
        private final java.util.Map<String, java.util.Map<JsonNode, java.util.TreeSet<Integer>>> byId = new java.util.HashMap<>();
        /** The value each place was filed under: a copy, since an item merged in place changes. */
        private final java.util.Map<Integer, JsonNode> filed = new java.util.HashMap<>();

        ItemIndex(ArrayNode target) {
            for (int i = 0; i < target.size(); i++) {
                add(i, target.get(i));
            }
        }

        void add(int place, JsonNode item) {
            JsonNode copy = item.deepCopy();
            filed.put(place, copy);
            byValue.computeIfAbsent(copy, k -> new java.util.TreeSet<>()).add(place);
            for (String id : ITEM_IDS) {
                JsonNode value = copy.get(id);
                if (value != null) {
                    byId.computeIfAbsent(id, k -> new java.util.HashMap<>()).computeIfAbsent(value, k -> new java.util.TreeSet<>()).add(place);
                }
            }
        }

        void remove(int place) {
            JsonNode copy = filed.remove(place);
            drop(byValue, copy, place);
            for (String id : ITEM_IDS) {
                JsonNode value = copy.get(id);
                if (value != null) {
                    drop(byId.get(id), value, place);
                }
            }
        }

        private static void drop(java.util.Map<JsonNode, java.util.TreeSet<Integer>> places, JsonNode key, int place) {
            java.util.TreeSet<Integer> at = places.get(key);
            at.remove(place);
            if (at.isEmpty()) {
                places.remove(key);
            }
        }

        /** The first place holding {@code item}, or an item with one of its identifiers' values; -1 when none. */
        int firstMatch(JsonNode item) {
            int first = first(byValue.get(item));
            for (String id : ITEM_IDS) {
                if (item.has(id)) {
                    var values = byId.get(id);
                    int at = first(values == null ? null : values.get(item.get(id)));
                    first = first < 0 ? at : at < 0 ? first : Math.min(first, at);
                }
            }
            return first;
        }

        private static int first(java.util.TreeSet<Integer> places) {
            return places == null || places.isEmpty() ? -1 : places.first();
        }
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
