package org.opensmur.oru.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.oru.Oru;
import org.opensmur.oru.Records;
import org.opensmur.oru.TestDatabases;
import org.opensmur.oru.consolidate.Version;
import org.opensmur.oru.quality.Nomenclatures;
import org.opensmur.oru.store.Export;

/**
 * A large export over HTTP, as a viewer asking for every year there is gets it: written to the response
 * as the rows are read, the same rows, in the same order, as the export made in memory.
 */
class DashboardExportTest {

    static final java.util.List<String> KINDS = TestDatabases.KINDS;
    /** More than two of PostgreSQL's fetches, and more than Jetty's output buffer. */
    private static final int RECORDS = 1_100;

    @TempDir
    Path dir;
    private Oru oru;

    @AfterEach
    void stop() {
        if (oru != null) {
            oru.close();
            oru.store().database().schema().ifPresent(TestDatabases::drop);
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("KINDS")
    void anExportOfEveryYearIsStreamedWithTheSameRowsAsTheExportInMemory(String kind) throws Exception {
        oru = new Oru(TestDatabases.open(kind, dir), Nomenclatures.none(), UsersTest.CHEAP, Clock.systemUTC());
        oru.users().add("lecteur", "viewer password for the test".toCharArray(), Users.Role.VIEWER);
        Records records = new Records(ModelLine.CURRENT);
        for (int i = 0; i < RECORDS; i++) {
            String n = Integer.toString(i);
            ObjectNode rpis = records.example("AliceNormand", r -> {
                ((ObjectNode) r.get("context")).put("senderCaseId", "DRFR15440" + n);
                ((ObjectNode) r.get("patient")).put("patientId", "fr.health.samu440.P" + n);
            });
            oru.store().ingest(new Version("fr.health.test.smurtab_" + n, Records.TABLET, Instant.parse("2026-11-02T08:00:00Z"), rpis),
                    "digest-" + n, Instant.parse("2026-11-02T08:00:01Z"));
        }
        String base = "http://127.0.0.1:" + oru.serve("127.0.0.1", 0) + "/";
        HttpClient viewer = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
        viewer.send(HttpRequest.newBuilder(URI.create(base + "login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=lecteur&password="
                        + URLEncoder.encode("viewer password for the test", StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());

        for (Export.Format format : Export.Format.values()) {
            HttpResponse<String> http = viewer.send(HttpRequest.newBuilder(URI.create(base + "export?from=0001-01-01&to=9999-12-31&format="
                    + format.name().toLowerCase(java.util.Locale.ROOT))).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, http.statusCode());
            StringWriter inMemory = new StringWriter();
            assertEquals(RECORDS, Export.write(oru.store(), oru.store().startOf(LocalDate.parse("0001-01-01")),
                    oru.store().startOf(LocalDate.parse("9999-12-31")), format, false, inMemory));
            assertEquals(inMemory.toString(), http.body(), format + ": the same rows, in the same order");
            assertEquals(RECORDS + (format == Export.Format.CSV ? 1 : 0), http.body().lines().count());
            assertTrue(http.body().contains("DRFR154401099"), "the last record is there");
        }
    }
}
