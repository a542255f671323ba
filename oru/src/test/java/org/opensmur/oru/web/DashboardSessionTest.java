package org.opensmur.oru.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.testing.MutableClock;
import org.opensmur.oru.Oru;
import org.opensmur.oru.Records;
import org.opensmur.oru.TestDatabases;
import org.opensmur.oru.hub.NoHub;
import org.opensmur.oru.quality.Nomenclatures;

/**
 * An open session is worth what its user is worth now: a role taken away, a password changed, a user
 * removed take effect at the session's next request; an idle session ends; the cookie can be Secure.
 */
class DashboardSessionTest {

    private static final String ADMIN = "admin password for the test";
    private static final String VIEWER = "viewer password for the test";
    private static final String EXPORT_WITH_IDENTITIES = "export?from=2000-01-01&to=2100-01-01&format=csv&identities=1";

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
    private Oru oru;
    private String base;
    private String patient;

    private void start(Dashboard.Settings settings) {
        oru = new Oru(TestDatabases.open("sqlite", dir), Nomenclatures.none(), UsersTest.CHEAP, clock);
        oru.users().add("admin", ADMIN.toCharArray(), Users.Role.ADMINISTRATOR);
        oru.users().add("lecteur", VIEWER.toCharArray(), Users.Role.VIEWER);
        Records records = new Records(ModelLine.CURRENT);
        var rpis = records.example("AliceNormand");
        patient = rpis.at("/patient/patientId").asText();
        oru.receive(new NoHub(), Records.ORU, ModelLine.CURRENT, clock).receive(records.bytes(Records.TABLET, rpis));
        base = "http://127.0.0.1:" + oru.serve("127.0.0.1", 0, settings) + "/";
    }

    @AfterEach
    void stop() {
        if (oru != null) {
            oru.close();
        }
    }

    private static boolean atLogin(HttpResponse<String> response) {
        return response.uri().getPath().equals("/login");
    }

    @Test
    void anAdministratorMadeViewerLosesTheIdentitiesAtTheNextRequest() throws Exception {
        start(Dashboard.Settings.DEFAULT);
        HttpClient admin = Browsers.browser();
        assertEquals(200, Browsers.login(admin, base, "admin", ADMIN).statusCode());
        assertTrue(Browsers.get(admin, base, EXPORT_WITH_IDENTITIES).body().contains(patient), "an administrator's export names the patient");

        oru.store().update("UPDATE app_user SET role = 'VIEWER' WHERE name = 'admin'"); // the role alone, as stored
        HttpResponse<String> after = Browsers.get(admin, base, EXPORT_WITH_IDENTITIES);
        assertEquals(403, after.statusCode(), "the session holds the role the user has now");
        assertFalse(after.body().contains(patient));
        assertEquals(403, Browsers.get(admin, base, "audit").statusCode(), "nor the audit log");
        assertEquals(200, Browsers.get(admin, base, "export?from=2000-01-01&to=2100-01-01").statusCode(), "still what a viewer may do");
    }

    @Test
    void aRemovedUserIsLoggedOutAtTheNextRequest() throws Exception {
        start(Dashboard.Settings.DEFAULT);
        HttpClient viewer = Browsers.browser();
        assertEquals(200, Browsers.login(viewer, base, "lecteur", VIEWER).statusCode());
        assertFalse(atLogin(Browsers.get(viewer, base, "export?from=2000-01-01&to=2100-01-01")));

        assertTrue(oru.users().remove("lecteur"));
        HttpResponse<String> after = Browsers.get(viewer, base, "export?from=2000-01-01&to=2100-01-01");
        assertTrue(atLogin(after), "sent to the login: " + after.uri());
        assertFalse(oru.users().remove("lecteur"), "removed once");
        assertEquals(401, Browsers.login(viewer, base, "lecteur", VIEWER).statusCode(), "and cannot log in again");
    }

    @Test
    void aChangedPasswordLogsTheOpenSessionsOut() throws Exception {
        start(Dashboard.Settings.DEFAULT);
        HttpClient viewer = Browsers.browser();
        assertEquals(200, Browsers.login(viewer, base, "lecteur", VIEWER).statusCode());
        oru.users().add("lecteur", "a new password, maybe stolen".toCharArray(), Users.Role.VIEWER);
        assertTrue(atLogin(Browsers.get(viewer, base, "month/2024-05")), "the session opened with the old password is over");
    }

    @Test
    void aSessionIdleForLongerThanTheTimeoutIsOver() throws Exception {
        start(Dashboard.Settings.DEFAULT);
        HttpClient viewer = Browsers.browser();
        assertEquals(200, Browsers.login(viewer, base, "lecteur", VIEWER).statusCode());
        clock.advance(Duration.ofMinutes(29));
        assertFalse(atLogin(Browsers.get(viewer, base, "month/2024-05")), "29 minutes idle: still open, and used again now");
        clock.advance(Duration.ofMinutes(29));
        assertFalse(atLogin(Browsers.get(viewer, base, "month/2024-05")), "idle time counts from the last request");
        clock.advance(Duration.ofMinutes(31));
        assertTrue(atLogin(Browsers.get(viewer, base, "month/2024-05")), "31 minutes idle: logged out");
    }

    @Test
    void theSessionCookieIsSecureWhenTheDashboardIsBehindTls() throws Exception {
        start(new Dashboard.Settings(Duration.ofMinutes(30), true, Dashboard.Settings.DEFAULT.concurrentPasswordChecks()));
        HttpClient noRedirects = HttpClient.newBuilder().build();
        HttpResponse<String> in = Browsers.login(noRedirects, base, "lecteur", VIEWER);
        assertEquals(302, in.statusCode());
        String cookie = in.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("Secure"), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
    }
}
