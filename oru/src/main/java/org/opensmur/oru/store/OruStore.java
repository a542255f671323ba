package org.opensmur.oru.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.opensmur.oru.consolidate.Change;
import org.opensmur.oru.consolidate.Consolidation;
import org.opensmur.oru.consolidate.FieldState;
import org.opensmur.oru.consolidate.RecordKey;
import org.opensmur.oru.consolidate.Version;
import org.opensmur.oru.quality.Quality;

/**
 * The concentrator's records: each received version kept as received, one consolidated record per
 * (SMUR unit, mission, patient), each field with its provenance, every change in the history. One
 * received message is one transaction: when {@link #ingest} returns, it is committed.
 */
public final class OruStore {

    /** The result of storing one version: what it did, to which record, field by field. */
    public record Ingested(Outcome outcome, Long recordId, List<Change> changes, boolean redelivery) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    /** The region's time zone when none is set: the months of the observatory are those of its clock. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Paris");

    private final OruDatabase database;
    private final Quality quality;
    private final ZoneId zone;
    /** The query of {@link #summary(ResultSet)}'s columns, on {@code rpis_record r}: what the lists show. */
    private final String summary;
    /** The same, then the record's fields (column 15): for a record's page and the exports, not the lists. */
    private final String summaryAndFields;

    public OruStore(OruDatabase database, Quality quality) {
        this(database, quality, DEFAULT_ZONE);
    }

    /**
     * {@code zone}: the region's time zone, which cuts the months (the month view) and the days (the exports'
     * bounds) alike, whatever offset a sender wrote its times with.
     */
    public OruStore(OruDatabase database, Quality quality, ZoneId zone) {
        this.database = database;
        this.quality = quality;
        this.zone = zone;
        // the other units' records of the same patient, as a JSON array of their units
        String otherUnits = database.isPostgres()
                ? "COALESCE((SELECT json_agg(o.smur_unit) FROM rpis_record o WHERE " + SAME_PATIENT_OTHER_UNIT + ")::text, '[]')"
                : "(SELECT json_group_array(o.smur_unit) FROM rpis_record o WHERE " + SAME_PATIENT_OTHER_UNIT + ")";
        String columns = "SELECT r.id, r.smur_unit, r.org_id, r.case_id, r.patient_id, r.month, r.decision_at, r.versions, r.completeness,"
                + " r.missing, r.doubtful, r.conflicts, r.updated_at, " + otherUnits;
        this.summary = columns + " FROM rpis_record r";
        this.summaryAndFields = columns + ", r.fields FROM rpis_record r";
    }

    public OruDatabase database() {
        return database;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The instant {@code day} starts in the region: an export's bound. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** Stores, consolidates and assesses one received version, in one transaction. */
    public Ingested ingest(Version version, String digest, Instant receivedAt) {
        RecordKey key = RecordKey.of(version.payload()).orElseThrow(
                () -> new IllegalArgumentException("an RPIS record without its SMUR unit, mission or patient"));
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try {
                Ingested result = ingest(c, key, version, digest, receivedAt);
                c.commit();
                return result;
            } catch (AlreadyReceived again) {
                c.rollback();
                c.setAutoCommit(true);
                try (PreparedStatement kept = c.prepareStatement("SELECT digest, record_id FROM delivery WHERE distribution_id = ?")) {
                    kept.setString(1, version.distributionId());
                    try (ResultSet r = kept.executeQuery()) {
                        r.next();
                        return digest.equals(r.getString(1))
                                ? new Ingested(Outcome.DUPLICATE, r.getLong(2), List.of(), true)
                                : new Ingested(Outcome.REUSED_ID, r.getLong(2), List.of(), false);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store RPIS " + version.distributionId() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Two writes per version: the record (inserted or updated whole) and the version itself, with what it
     * did. A version already here (its distributionID) is found by the second: then nothing is kept.
     */
    private Ingested ingest(Connection c, RecordKey key, Version version, String digest, Instant receivedAt) throws SQLException {
        String now = receivedAt.toString();
        Long recordId = null;
        Map<String, FieldState> fields = new LinkedHashMap<>();
        try (PreparedStatement find = c.prepareStatement("SELECT id, fields FROM rpis_record"
                + " WHERE smur_unit = ? AND org_id = ? AND case_id = ? AND patient_id = ?" + (database.isPostgres() ? " FOR UPDATE" : ""))) {
            bindKey(find, key);
            try (ResultSet r = find.executeQuery()) {
                if (r.next()) {
                    recordId = r.getLong(1);
                    fields = fields(r.getString(2));
                }
            }
        }
        Consolidation.Result result = Consolidation.apply(fields, version);
        fields.putAll(result.changed());
        Outcome outcome = outcome(recordId == null, result.changes());
        Quality.Assessment assessment = quality.assess(consolidated(fields));
        int conflicts = (int) fields.values().stream().filter(FieldState::inConflict).count();
        OffsetDateTime decision = OffsetDateTime.parse(fields.get("/context/decisionDate").value().asText());
        try (PreparedStatement write = c.prepareStatement(recordId == null ? """
                INSERT INTO rpis_record (updated_at, completeness, missing, doubtful, conflicts, delay_departure, delay_on_scene,
                  delay_available, month, decision_at, fields, smur_unit, org_id, case_id, patient_id, first_received_at, versions)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING id""" : """
                UPDATE rpis_record SET updated_at = ?, completeness = ?, missing = ?, doubtful = ?, conflicts = ?, delay_departure = ?,
                  delay_on_scene = ?, delay_available = ?, month = ?, decision_at = ?, fields = ?, versions = versions + 1
                WHERE id = ? RETURNING id""")) {
            write.setString(1, now);
            write.setDouble(2, assessment.completeness());
            write.setString(3, json(JSON.valueToTree(assessment.missing())));
            write.setString(4, json(JSON.valueToTree(assessment.doubtful())));
            write.setInt(5, conflicts);
            write.setObject(6, assessment.delayDeparture());
            write.setObject(7, assessment.delayOnScene());
            write.setObject(8, assessment.delayAvailable());
            write.setString(9, decision.atZoneSameInstant(zone).toLocalDate().toString().substring(0, 7)); // the region's month
            write.setString(10, decision.toInstant().toString());
            write.setString(11, fieldsJson(fields));
            if (recordId == null) {
                write.setString(12, key.smurUnit());
                write.setString(13, key.orgId());
                write.setString(14, key.caseId());
                write.setString(15, key.patientId());
                write.setString(16, now);
            } else {
                write.setLong(12, recordId);
            }
            try (ResultSet r = write.executeQuery()) {
                r.next();
                recordId = r.getLong(1);
            }
        }
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO delivery (distribution_id, sender_id, sent_at, received_at, digest, record_id, outcome, payload, changes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (distribution_id) DO NOTHING""")) {
            insert.setString(1, version.distributionId());
            insert.setString(2, version.senderId());
            insert.setString(3, version.sentAt().toString());
            insert.setString(4, now);
            insert.setString(5, digest);
            insert.setLong(6, recordId);
            insert.setString(7, outcome.name());
            insert.setString(8, json(version.payload()));
            insert.setString(9, changesJson(result.changes()));
            if (insert.executeUpdate() == 0) {
                throw new AlreadyReceived();
            }
        }
        return new Ingested(outcome, recordId, result.changes(), false);
    }

    /** The version's distributionID is already here: what was written for it is rolled back. */
    private static final class AlreadyReceived extends RuntimeException {
        AlreadyReceived() {
            super(null, null, false, false);
        }
    }

    private static void bindKey(PreparedStatement s, RecordKey key) throws SQLException {
        s.setString(1, key.smurUnit());
        s.setString(2, key.orgId());
        s.setString(3, key.caseId());
        s.setString(4, key.patientId());
    }

    /**
     * The fields as one small document: the versions they came from once ({@code [distributionID, sender,
     * sentAt]}), then each field as {@code [value, version]}, or {@code [value, version, other value, other
     * sender]} when another sender disagrees, with a fifth element, {@code [version, ...]}, when other senders
     * gave the same value (the third and fourth are then null if nobody disagrees).
     */
    private static String fieldsJson(Map<String, FieldState> fields) {
        ObjectNode all = JSON.createObjectNode();
        com.fasterxml.jackson.databind.node.ArrayNode versions = all.putArray("versions");
        Map<String, Integer> index = new HashMap<>();
        java.util.function.ToIntFunction<FieldState.Agreeing> version = a -> index.computeIfAbsent(a.distributionId(), id -> {
            versions.addArray().add(id).add(a.source()).add(a.sentAt().toString());
            return versions.size() - 1;
        });
        ObjectNode byPath = all.putObject("fields");
        for (FieldState f : fields.values()) {
            int v = version.applyAsInt(new FieldState.Agreeing(f.source(), f.distributionId(), f.sentAt()));
            com.fasterxml.jackson.databind.node.ArrayNode field = byPath.putArray(f.path()).add(f.value()).add(v);
            if (f.conflictValue() != null || !f.agreeing().isEmpty()) {
                field.add(f.conflictValue()).add(f.conflictSource());
            }
            if (!f.agreeing().isEmpty()) {
                com.fasterxml.jackson.databind.node.ArrayNode agreeing = field.addArray();
                f.agreeing().forEach(a -> agreeing.add(version.applyAsInt(a)));
            }
        }
        return json(all);
    }

    private static Map<String, FieldState> fields(String text) {
        Map<String, FieldState> fields = new LinkedHashMap<>();
        JsonNode all = tree(text);
        JsonNode versions = all.path("versions");
        all.path("fields").fields().forEachRemaining(e -> {
            JsonNode f = e.getValue();
            JsonNode v = versions.get(f.get(1).asInt());
            List<FieldState.Agreeing> agreeing = new ArrayList<>();
            f.path(4).forEach(i -> {
                JsonNode a = versions.get(i.asInt());
                agreeing.add(new FieldState.Agreeing(a.get(1).asText(), a.get(0).asText(), Instant.parse(a.get(2).asText())));
            });
            boolean conflict = f.size() > 2 && !f.get(2).isNull();
            fields.put(e.getKey(), new FieldState(e.getKey(), f.get(0), v.get(1).asText(), v.get(0).asText(), Instant.parse(v.get(2).asText()),
                    conflict ? f.get(2) : null, conflict ? f.get(3).asText() : null, agreeing));
        });
        return fields;
    }

    /**
     * What a version did: the fields it set first as one entry of their paths (their values are the
     * version's, kept beside), then each other change with its old and new value.
     */
    private static String changesJson(List<Change> changes) {
        com.fasterxml.jackson.databind.node.ArrayNode all = JSON.createArrayNode();
        com.fasterxml.jackson.databind.node.ArrayNode set = JSON.createArrayNode();
        changes.stream().filter(c -> c.kind() == Change.Kind.SET).forEach(c -> set.add(c.path()));
        if (!set.isEmpty()) {
            all.addObject().put("kind", Change.Kind.SET.name()).set("paths", set);
        }
        for (Change change : changes) {
            if (change.kind() == Change.Kind.SET) {
                continue;
            }
            ObjectNode o = all.addObject();
            o.put("path", change.path());
            o.put("kind", change.kind().name());
            if (change.oldValue() != null) {
                o.set("old", change.oldValue());
            }
            if (change.newValue() != null) {
                o.set("new", change.newValue());
            }
        }
        return json(all);
    }

    private static Outcome outcome(boolean created, List<Change> changes) {
        if (created) {
            return Outcome.STORED;
        }
        if (changes.stream().anyMatch(ch -> ch.kind() == Change.Kind.SET || ch.kind() == Change.Kind.SUPERSEDED
                || ch.kind() == Change.Kind.RESOLVED)) {
            return Outcome.SUPERSEDED;
        }
        if (changes.stream().anyMatch(ch -> ch.kind() == Change.Kind.CONFLICT)) {
            return Outcome.CONFLICT;
        }
        if (changes.stream().anyMatch(ch -> ch.kind() == Change.Kind.OLDER)) {
            return Outcome.OLDER;
        }
        return Outcome.DUPLICATE;
    }

    /** The record the fields make, in the payload's shape. */
    static ObjectNode consolidated(Map<String, FieldState> fields) {
        ObjectNode root = JSON.createObjectNode();
        for (FieldState f : fields.values()) {
            String[] parts = f.path().substring(1).split("/");
            ObjectNode node = root;
            for (int i = 0; i < parts.length - 1; i++) {
                node = node.has(parts[i]) && node.get(parts[i]).isObject() ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
            }
            node.set(parts[parts.length - 1], f.value());
        }
        return root;
    }

    /** What became of a refusal's row. */
    public enum Refusal {
        RECORDED,
        /** The same message (its distributionID) was refused and recorded before: a redelivery. */
        ALREADY_RECORDED,
        /** The sender's refusals of the region's day reached the cap: answered, not recorded. */
        OVER_CAP
    }

    /**
     * A message refused before it could be stored: the rule and the path it broke, never its values. Once per
     * distributionID, and at most {@code perSenderPerDay} a day (the region's day) per sender: a sender
     * sending invalid messages in a loop does not fill the database.
     */
    public Refusal refuse(String distributionId, String senderId, String path, String rule, Instant at, int perSenderPerDay) {
        if (distributionId != null
                && !query("SELECT 1 FROM refusal WHERE distribution_id = ?", r -> r.getInt(1), distributionId).isEmpty()) {
            return Refusal.ALREADY_RECORDED;
        }
        String dayStart = startOf(at.atZone(zone).toLocalDate()).toString();
        int today = query("SELECT COUNT(*) FROM refusal WHERE sender_id = ? AND received_at >= ?", r -> r.getInt(1), senderId, dayStart).get(0);
        if (today >= perSenderPerDay) {
            return Refusal.OVER_CAP;
        }
        // a copy recorded in between by another consumer is a redelivery too
        return update("INSERT INTO refusal (distribution_id, sender_id, received_at, path, rule) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (distribution_id) DO NOTHING", distributionId, senderId, at.toString(), path, rule) == 1
                ? Refusal.RECORDED : Refusal.ALREADY_RECORDED;
    }

    public List<Views.Refused> refusals(int limit) {
        return query("SELECT distribution_id, sender_id, received_at, path, rule FROM refusal ORDER BY id DESC LIMIT " + limit,
                r -> new Views.Refused(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5)));
    }

    // ---- reading ----

    public List<Views.Month> months() {
        return query("SELECT month, COUNT(*) FROM rpis_record GROUP BY month ORDER BY month DESC",
                r -> new Views.Month(r.getString(1), r.getInt(2)));
    }

    /** Per SMUR unit of {@code month}: interventions, mean completeness, median delays, records with problems. */
    public List<Views.SmurMonth> month(String month) {
        String medians = database.isPostgres()
                ? ", percentile_cont(0.5) WITHIN GROUP (ORDER BY delay_departure), percentile_cont(0.5) WITHIN GROUP (ORDER BY delay_on_scene),"
                  + " percentile_cont(0.5) WITHIN GROUP (ORDER BY delay_available)"
                : "";
        List<Views.SmurMonth> rows = query("SELECT smur_unit, COUNT(*), AVG(completeness), SUM(CASE WHEN " + TO_REVIEW + " THEN 1 ELSE 0 END)"
                + medians + " FROM rpis_record r WHERE month = ? GROUP BY smur_unit ORDER BY smur_unit",
                r -> new Views.SmurMonth(r.getString(1), r.getInt(2), r.getDouble(3),
                        database.isPostgres() ? (Double) r.getObject(5) : null,
                        database.isPostgres() ? (Double) r.getObject(6) : null,
                        database.isPostgres() ? (Double) r.getObject(7) : null, r.getInt(4)), month);
        if (database.isPostgres()) {
            return rows;
        }
        // SQLite has no percentile: the delays of the month, in order, per unit.
        Map<String, List<List<Long>>> delays = new HashMap<>();
        query("SELECT smur_unit, delay_departure, delay_on_scene, delay_available FROM rpis_record WHERE month = ?", r -> {
            List<List<Long>> lists = delays.computeIfAbsent(r.getString(1), u -> List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
            for (int i = 0; i < 3; i++) {
                long value = r.getLong(i + 2);
                if (!r.wasNull()) {
                    lists.get(i).add(value);
                }
            }
            return null;
        }, month);
        return rows.stream().map(row -> {
            List<List<Long>> lists = delays.getOrDefault(row.smurUnit(), List.of(List.of(), List.of(), List.of()));
            return new Views.SmurMonth(row.smurUnit(), row.records(), row.completeness(), median(lists.get(0)),
                    median(lists.get(1)), median(lists.get(2)), row.withProblems());
        }).toList();
    }

    /** The median as PostgreSQL's percentile_cont(0.5) computes it (the mean of the two middle values). */
    static Double median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2).doubleValue() : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    /**
     * Another record {@code o} of the same patient of the same mission as record {@code r} under another SMUR unit: a
     * correction of the unit, the LRM coding the structure differently from the tablet, or two units caring for one
     * patient. The two are kept apart; the ORU's staff decide.
     */
    static final String SAME_PATIENT_OTHER_UNIT =
            "o.org_id = r.org_id AND o.case_id = r.case_id AND o.patient_id = r.patient_id AND o.smur_unit <> r.smur_unit";

    /**
     * A record {@code r} to review: a doubt, a conflict between senders, or the same patient under another SMUR unit.
     * The month view's counts and its list of records to review are both made of it.
     */
    static final String TO_REVIEW = "(r.conflicts > 0 OR r.doubtful <> '[]' OR EXISTS (SELECT 1 FROM rpis_record o WHERE "
            + SAME_PATIENT_OTHER_UNIT + "))";

    /** The records of a month (of one unit when given) with doubts or conflicts first, then the least complete. */
    public List<Views.RecordSummary> records(String month, String smurUnit, boolean problemsOnly, int limit) {
        String where = "month = ?" + (smurUnit == null ? "" : " AND smur_unit = ?") + (problemsOnly ? " AND " + TO_REVIEW : "");
        Object[] args = smurUnit == null ? new Object[] {month} : new Object[] {month, smurUnit};
        return query(summary + " WHERE " + where + " ORDER BY conflicts DESC, completeness ASC, id LIMIT " + limit, OruStore::summary, args);
    }

    private static Views.RecordSummary summary(ResultSet r) throws SQLException {
        return new Views.RecordSummary(r.getLong(1), new RecordKey(r.getString(2), r.getString(3), r.getString(4), r.getString(5)),
                r.getString(6), r.getString(7), r.getInt(8), r.getDouble(9), strings(r.getString(10)), strings(r.getString(11)),
                r.getInt(12), r.getString(13), strings(r.getString(14)).stream().sorted().toList());
    }

    public Optional<Views.RecordDetail> record(long id) {
        List<Views.RecordSummary> summary = new ArrayList<>();
        List<String> text = query(summaryAndFields + " WHERE id = ?", r -> {
            summary.add(summary(r));
            return r.getString(15);
        }, id);
        if (summary.isEmpty()) {
            return Optional.empty();
        }
        Map<String, FieldState> stored = fields(text.get(0));
        JsonNode consolidated = consolidated(stored);
        List<Views.Field> fields = stored.values().stream().sorted(java.util.Comparator.comparing(FieldState::path))
                .map(f -> new Views.Field(f.path(), f.value(), f.source(), f.distributionId(), f.sentAt().toString(), f.conflictValue(), f.conflictSource()))
                .toList();
        List<Views.Received> history = query("""
                SELECT id, distribution_id, sender_id, sent_at, received_at, outcome, changes FROM delivery WHERE record_id = ? ORDER BY id""",
                r -> new Views.Received(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6),
                        changes(r.getString(7))), id);
        List<Views.SamePatient> samePatient = query("SELECT o.id, o.smur_unit, o.month FROM rpis_record r JOIN rpis_record o ON "
                + SAME_PATIENT_OTHER_UNIT + " WHERE r.id = ? ORDER BY o.smur_unit, o.id",
                r -> new Views.SamePatient(r.getLong(1), r.getString(2), r.getString(3)), id);
        return Optional.of(new Views.RecordDetail(summary.get(0), consolidated, fields, history, samePatient));
    }

    /** Rows PostgreSQL sends at a time to an export: a few megabytes of records, whatever the range asked for. */
    static final int EXPORT_FETCH_SIZE = 500;

    /**
     * Every consolidated record whose decision falls in [{@code from}, {@code to}), in decision order, one at
     * a time: nothing is collected. PostgreSQL's driver reads the whole result at once unless it is read
     * through a cursor, which takes a transaction (autocommit off) and a fetch size; SQLite steps row by row.
     */
    public void eachRecord(Instant from, Instant to, Consumer<ExportRow> row) {
        try (Connection c = database.connection()) {
            // PostgreSQL fetches a result whole unless it is read through a cursor, which needs a transaction. SQLite
            // steps row by row anyway, and a transaction there is BEGIN IMMEDIATE (the pool's mode): it would hold the
            // write lock for as long as a browser takes to download, and every delivery and login would wait.
            boolean cursor = database.isPostgres();
            if (cursor) {
                c.setAutoCommit(false);
            }
            try (PreparedStatement s = c.prepareStatement(summaryAndFields + " WHERE decision_at >= ? AND decision_at < ? ORDER BY decision_at, id")) {
                s.setFetchSize(EXPORT_FETCH_SIZE);
                s.setString(1, from.toString());
                s.setString(2, to.toString());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        row.accept(new ExportRow(summary(r), consolidated(fields(r.getString(15)))));
                    }
                }
            } finally {
                if (cursor) {
                    c.rollback(); // nothing was written: the read's transaction just ends
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
    }

    /** A consolidated record as exported: its summary and its latest values. */
    public record ExportRow(Views.RecordSummary summary, JsonNode record) {
    }

    public int count() {
        return query("SELECT COUNT(*) FROM rpis_record", r -> r.getInt(1)).get(0);
    }

    // ---- plumbing ----

    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet r) throws SQLException;
    }

    public <T> List<T> query(String sql, Row<T> row, Object... args) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    T value = row.read(r);
                    if (value != null) {
                        out.add(value);
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
    }

    public int update(String sql, Object... args) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
    }

    static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode tree(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored value is not JSON", e);
        }
    }

    private static List<Views.FieldChange> changes(String text) {
        List<Views.FieldChange> changes = new ArrayList<>();
        for (JsonNode c : tree(text)) {
            if (c.has("paths")) {
                c.get("paths").forEach(path -> changes.add(new Views.FieldChange(path.asText(), c.get("kind").asText(), null, null)));
                continue;
            }
            changes.add(new Views.FieldChange(c.get("path").asText(), c.get("kind").asText(),
                    c.has("old") ? json(c.get("old")) : null, c.has("new") ? json(c.get("new")) : null));
        }
        return changes;
    }

    private static List<String> strings(String json) {
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
