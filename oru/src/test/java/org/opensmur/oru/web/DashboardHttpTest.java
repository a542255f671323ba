package org.opensmur.oru.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.oru.Oru;
import org.opensmur.oru.Records;
import org.opensmur.oru.TestDatabases;
import org.opensmur.oru.hub.Concentrator;
import org.opensmur.oru.hub.NoHub;
import org.opensmur.oru.quality.Nomenclatures;
import org.opensmur.oru.store.Audit;

/** The dashboard's exports over HTTP: identities for administrators only, every export in the audit log. */
class DashboardHttpTest {

    @TempDir
    Path dir;
    private Oru oru;
    private String base;
    private List<String> patients;

    @BeforeEach
    void start() {
        oru = new Oru(TestDatabases.open("sqlite", dir), Nomenclatures.none(), UsersTest.CHEAP, Clock.systemUTC());
        oru.users().add("admin", "admin password for the test".toCharArray(), Users.Role.ADMINISTRATOR);
        oru.users().add("lecteur", "viewer password for the test".toCharArray(), Users.Role.VIEWER);
        Concentrator concentrator = oru.receive(new NoHub(), Records.ORU, ModelLine.CURRENT, Clock.systemUTC());
        Records records = new Records(ModelLine.CURRENT);
        // a SMUR unit whose name has characters with a meaning in a URL (the schema does not forbid them)
        concentrator.receive(records.bytes(Records.TABLET, records.example("DelphineVigneau",
                r -> ((com.fasterxml.jackson.databind.node.ObjectNode) r.get("context")).put("ressourceFinessGeo", "75&A#1+2"))));
        patients = List.of("AliceNormand", "GregoireNormand").stream().map(records::example)
                .peek(r -> concentrator.receive(records.bytes(Records.TABLET, r)))
                .map(r -> r.at("/patient/patientId").asText()).toList();
        base = "http://127.0.0.1:" + oru.serve("127.0.0.1", 0) + "/";
    }

    @AfterEach
    void stop() {
        oru.close();
    }

    @Test
    void nothingWithoutALoginAndAWrongPasswordIsRefused() throws Exception {
        HttpClient http = Browsers.browser();
        HttpResponse<String> export = Browsers.get(http, base, "export?from=2000-01-01&to=2100-01-01");
        assertTrue(export.uri().getPath().endsWith("/login"), "sent to the login: " + export.uri());
        assertFalse(export.body().contains(patients.get(0)));
        assertEquals(401, Browsers.login(http, base, "admin", "not the password").statusCode());
        assertTrue(Browsers.get(http, base, "month/2024-05").uri().getPath().endsWith("/login"), "still not logged in");
    }

    @Test
    void identitiesAreExportedForAnAdministratorOnlyAndEveryExportIsAudited() throws Exception {
        HttpClient admin = Browsers.browser();
        assertEquals(200, Browsers.login(admin, base, "admin", "admin password for the test").statusCode());
        HttpResponse<String> full = Browsers.get(admin, base, "export?from=2000-01-01&to=2100-01-01&format=csv&identities=1");
        assertEquals(200, full.statusCode());
        assertTrue(full.body().lines().findFirst().orElseThrow().contains("patient/patientId"));
        patients.forEach(p -> assertTrue(full.body().contains(p), "the administrator's export names " + p));
        assertEquals(patients.size() + 2, full.body().lines().count(), "one row per record");

        HttpClient viewer = Browsers.browser();
        assertEquals(200, Browsers.login(viewer, base, "lecteur", "viewer password for the test").statusCode());
        HttpResponse<String> plain = Browsers.get(viewer, base, "export?from=2000-01-01&to=2100-01-01&format=jsonl");
        assertEquals(200, plain.statusCode());
        assertEquals(patients.size() + 1, plain.body().lines().count());
        patients.forEach(p -> assertFalse(plain.body().contains(p), "no identity for a viewer"));
        assertEquals(403, Browsers.get(viewer, base, "export?from=2000-01-01&to=2100-01-01&identities=1").statusCode());

        List<Audit.Entry> log = oru.audit().latest(50);
        assertTrue(log.stream().anyMatch(e -> e.user().equals("admin") && e.action().equals("export with identities")));
        assertTrue(log.stream().anyMatch(e -> e.user().equals("lecteur") && e.action().equals("export")));
        assertTrue(log.stream().anyMatch(e -> e.user().equals("lecteur") && e.action().equals("identities refused")));
    }

    @Test
    void anImpossibleMonthIsNotFoundAndNotAuditedAsAView() throws Exception {
        HttpClient admin = Browsers.browser();
        assertEquals(200, Browsers.login(admin, base, "admin", "admin password for the test").statusCode());
        for (String month : List.of("2026-13", "2026-00", "26-1")) {
            HttpResponse<String> page = Browsers.get(admin, base, "month/" + month);
            assertEquals(404, page.statusCode(), month);
            assertTrue(page.body().contains("AAAA-MM"), "says what is expected");
        }
        // (the login's landing page, the latest month, is a view and is audited as one)
        assertFalse(oru.audit().latest(50).stream().anyMatch(e -> e.action().equals("view month")
                && List.of("2026-13", "2026-00", "26-1").contains(e.detail())), "no view was given");
    }

    @Test
    void aSmurUnitWithUrlCharactersIsLinkedToItsOwnRecords() throws Exception {
        HttpClient admin = Browsers.browser();
        assertEquals(200, Browsers.login(admin, base, "admin", "admin password for the test").statusCode());
        List<String> found = oru.store().query("SELECT month, smur_unit FROM rpis_record WHERE smur_unit LIKE '75&A%'",
                r -> List.of(r.getString(1), r.getString(2))).get(0);
        String month = found.get(0);
        String unit = found.get(1);
        String page = Browsers.get(admin, base, "month/" + month).body();
        String link = "/month/" + month + "?smur=" + URLEncoder.encode(unit, StandardCharsets.UTF_8);
        assertTrue(page.contains("href=\"" + link + "\""), "the unit encoded in its link: " + page);
        HttpResponse<String> ofTheUnit = Browsers.get(admin, base, link.substring(1));
        assertEquals(200, ofTheUnit.statusCode());
        assertTrue(ofTheUnit.body().contains("Dossiers du SMUR 75&amp;A#1+2"), "the records of that unit, not of \"75\"");
        assertTrue(oru.audit().latest(5).stream().anyMatch(e -> e.detail().equals(month + " smur " + unit)));
    }
}
