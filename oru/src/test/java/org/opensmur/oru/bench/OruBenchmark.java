package org.opensmur.oru.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opensmur.core.hub.transport.Delivery;
import org.opensmur.core.hub.transport.HubQueue;
import org.opensmur.core.hub.transport.Inbound;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.testing.FakeTransport;
import org.opensmur.oru.Oru;
import org.opensmur.oru.Records;
import org.opensmur.oru.TestDatabases;
import org.opensmur.oru.quality.Nomenclatures;
import org.opensmur.oru.store.OruDatabase;
import org.opensmur.oru.web.Users;

/**
 * {@code ./bin/bench oru}: the concentrator's two figures, each beside a baseline measured the same way in
 * the same run.
 * <ol>
 *   <li>Ingest: RS-RPIS deliveries through the concentrator (decode, validate, store, consolidate, assess,
 *       commit, then the broker's ack and the RC-REFs RECU and INTEGRE built and published to an in-process
 *       transport) against a bare loop inserting the same payload text, one row per commit, on the same
 *       database, one of each in turn. On SQLite and on PostgreSQL. Goal: ratio at least 0.5.</li>
 *   <li>The dashboard's month view over HTTP (logged in, the whole page: months, per-SMUR figures and
 *       medians, records to review) on 1,000,000 records on PostgreSQL, p50 and p95 over the months;
 *       baseline: the bare count of a month's records. Goal: p95 under 500 ms.</li>
 * </ol>
 * Arguments: {@code [deliveries] [records]} (default 2000 and 1000000).
 */
public final class OruBenchmark {

    public static void main(String[] args) throws Exception {
        int deliveries = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path dir = Files.createTempDirectory("opensmur-oru-bench");
        try {
            for (String kind : TestDatabases.KINDS) {
                ingest(kind, dir, deliveries);
            }
            if (records > 0) {
                monthView(dir, records);
            }
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static OruDatabase open(String kind, Path dir) {
        if (kind.equals("postgresql")) {
            String schema = "oru_bench_" + Long.toHexString(System.nanoTime());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> TestDatabases.drop(schema)));
            return OruDatabase.open(TestDatabases.POSTGRES_URL, schema);
        }
        return OruDatabase.open(OruDatabase.embeddedUrl(dir.resolve(kind + "-" + System.nanoTime())), null);
    }

    /** Distinct missions, each record sent by the tablet then copied by the LRM: what a region receives. */
    private static void ingest(String kind, Path dir, int deliveries) throws Exception {
        Records records = new Records(ModelLine.CURRENT);
        List<byte[]> bodies = new ArrayList<>();
        List<String> payloads = new ArrayList<>();
        ObjectNode example = records.example("AliceNormand");
        for (int i = 0; bodies.size() < deliveries; i++) {
            ObjectNode rpis = example.deepCopy();
            ((ObjectNode) rpis.get("patient")).put("patientId", example.at("/patient/patientId").asText() + "." + i);
            bodies.add(records.bytes(Records.TABLET, rpis));
            payloads.add(rpis.toString());
            if (bodies.size() < deliveries) {
                bodies.add(records.bytes(Records.LRM, rpis));
                payloads.add(rpis.toString());
            }
        }
        OruDatabase opened;
        try {
            opened = open(kind, dir);
        } catch (RuntimeException e) {
            System.out.println("ingest " + kind + ": skipped, the database cannot be opened (" + e.getMessage() + ")");
            return;
        }
        try (OruDatabase database = opened) {
            Oru oru = new Oru(database, Nomenclatures.none(), Users.Cost.DEFAULT, Clock.systemUTC());
            FakeTransport transport = new FakeTransport();
            oru.receive(transport, Records.ORU, ModelLine.CURRENT, Clock.systemUTC());
            try (Connection c = database.connection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bare (id BIGINT PRIMARY KEY, payload TEXT NOT NULL)");
            }
            // warm-up, then one of each in turn (the machine's load and the disk's moods fall on both alike)
            int warm = Math.min(200, deliveries / 10);
            long oursNanos = 0;
            long bareNanos = 0;
            for (int i = 0; i < deliveries; i++) {
                long t0 = System.nanoTime();
                Inbound.Disposition d = transport.inbound().onDelivery(new Delivery(HubQueue.MESSAGE, bodies.get(i), "application/json", false));
                long t1 = System.nanoTime();
                if (d != Inbound.Disposition.STORED) {
                    throw new IllegalStateException("not stored: " + d);
                }
                bare(database, i, payloads.get(i));
                if (i >= warm) {
                    bareNanos += System.nanoTime() - t1;
                    oursNanos += t1 - t0;
                }
            }
            int done = deliveries - warm;
            double ours = done / (oursNanos / 1e9);
            double bare = done / (bareNanos / 1e9);
            System.out.printf(Locale.ROOT, "ingest %-10s %6d deliveries: concentrator %8.0f/s (%d RC-REFs published, %d records)"
                    + " | bare insert+commit %8.0f/s | ratio %.2f (goal >= 0.5)%n", kind, done, ours, transport.published().size(),
                    oru.store().count(), bare, ours / bare);
        }
    }

    private static void bare(OruDatabase database, int id, String payload) throws Exception {
        try (Connection c = database.connection(); PreparedStatement insert = c.prepareStatement("INSERT INTO bare (id, payload) VALUES (?, ?)")) {
            c.setAutoCommit(false);
            insert.setInt(1, id);
            insert.setString(2, payload);
            insert.executeUpdate();
            c.commit();
        }
    }

    private static void monthView(Path dir, int records) throws Exception {
        OruDatabase database;
        try {
            database = open("postgresql", dir);
        } catch (RuntimeException e) {
            System.out.println("month view: skipped, PostgreSQL not reachable at " + TestDatabases.POSTGRES_URL + " (" + e.getMessage() + ")");
            return;
        }
        try (Oru oru = new Oru(database, Nomenclatures.none(), Users.Cost.DEFAULT, Clock.systemUTC())) {
            long t0 = System.nanoTime();
            try (Connection c = database.connection(); Statement s = c.createStatement()) {
                // 50 SMUR units over 24 months, the delays spread like real ones, one record in 17 with a doubt
                s.execute("""
                        INSERT INTO rpis_record (smur_unit, org_id, case_id, patient_id, month, decision_at, first_received_at, updated_at,
                          versions, completeness, missing, doubtful, conflicts, delay_departure, delay_on_scene, delay_available, fields)
                        SELECT '4400' || lpad((g % 50)::text, 5, '0') || '-0', 'fr.health.samu' || (g % 13), 'DRFR15' || g, 'P' || g,
                          to_char(date '2024-01-01' + (g % 730), 'YYYY-MM'), to_char(date '2024-01-01' + (g % 730), 'YYYY-MM-DD') || 'T10:00:00Z',
                          '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 1 + g % 3, 0.7 + (g % 31) / 100.0, '[]',
                          CASE WHEN g % 17 = 0 THEN '["/intervention/smurStatus/arrivedSmur: before /intervention/smurStatus/departSmur"]' ELSE '[]' END,
                          CASE WHEN g % 101 = 0 THEN 1 ELSE 0 END, 60 + (g * 7) % 900, 300 + (g * 13) % 1800, 900 + (g * 11) % 5400, '{}'
                        FROM generate_series(1, """ + records + ") g");
                s.execute("ANALYZE rpis_record");
            }
            System.out.printf(Locale.ROOT, "month view: %d records generated on PostgreSQL in %.1f s%n", records, (System.nanoTime() - t0) / 1e9);
            oru.users().add("bench", "bench password, long enough".toCharArray(), Users.Role.VIEWER);
            String base = "http://127.0.0.1:" + oru.serve("127.0.0.1", 0) + "/";
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            http.send(HttpRequest.newBuilder(URI.create(base + "login")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("name=bench&password=bench+password%2C+long+enough")).build(),
                    HttpResponse.BodyHandlers.discarding());
            List<String> months = oru.store().months().stream().map(m -> m.month()).toList();
            List<Double> page = new ArrayList<>();
            List<Double> count = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (String month : months) {
                    long a = System.nanoTime();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "month/" + month)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200 || !r.body().contains("smur-table")) {
                        throw new IllegalStateException("month view " + month + ": " + r.statusCode());
                    }
                    page.add((System.nanoTime() - a) / 1e6);
                    long b = System.nanoTime();
                    oru.store().query("SELECT COUNT(*) FROM rpis_record WHERE month = ?", rs -> rs.getLong(1), month);
                    count.add((System.nanoTime() - b) / 1e6);
                }
            }
            System.out.printf(Locale.ROOT, "month view on %d records (PostgreSQL, %d months x 3, over HTTP): p50 %.0f ms, p95 %.0f ms (goal < 500 ms)"
                    + " | bare count of the month: p50 %.1f ms, p95 %.1f ms | ratio p95 %.1f%n", records, months.size(),
                    percentile(page, 50), percentile(page, 95), percentile(count, 50), percentile(count, 95),
                    percentile(page, 95) / percentile(count, 95));
        }
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
