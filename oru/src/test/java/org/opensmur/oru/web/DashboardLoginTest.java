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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.core.testing.MutableClock;
import org.opensmur.oru.Oru;
import org.opensmur.oru.TestDatabases;
import org.opensmur.oru.quality.Nomenclatures;

/**
 * The login as an attacker meets it: a name guessed at is held back after a few failures, whatever the
 * password, and a flood of attempts is turned away before it costs an Argon2 each.
 */
class DashboardLoginTest {

    private static final String PASSWORD = "admin password for the test";

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
    private Oru oru;
    private String base;

    private void start(Users.Cost cost) {
        start(cost, Dashboard.Settings.DEFAULT);
    }

    private void start(Users.Cost cost, Dashboard.Settings settings) {
        oru = new Oru(TestDatabases.open("sqlite", dir), Nomenclatures.none(), cost, clock);
        oru.users().add("admin", PASSWORD.toCharArray(), Users.Role.ADMINISTRATOR);
        base = "http://127.0.0.1:" + oru.serve("127.0.0.1", 0, settings) + "/";
    }

    @AfterEach
    void stop() {
        if (oru != null) {
            oru.close();
        }
    }

    @Test
    void aNameThatFailedFiveTimesIsRefusedEvenWithTheRightPasswordUntilItsDelayPasses() throws Exception {
        start(UsersTest.CHEAP);
        HttpClient http = Browsers.browser();
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertEquals(401, Browsers.login(http, base, "admin", "guess number " + i).statusCode());
        }
        HttpResponse<String> held = Browsers.login(http, base, "admin", PASSWORD);
        assertEquals(429, held.statusCode(), "the right password, but the name is held back");
        assertTrue(held.body().contains("Trop d’essais : réessayez dans 30 s"), held.body());
        clock.advance(Duration.ofSeconds(29));
        assertEquals(429, Browsers.login(http, base, "admin", PASSWORD).statusCode(), "not before the delay has passed");

        // a name nobody has is held back the same way: the refusal says nothing of which names exist
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertEquals(401, Browsers.login(http, base, "personne", "guess number " + i).statusCode());
        }
        assertTrue(Browsers.login(http, base, "personne", "another guess").body().contains("Trop d’essais : réessayez dans 30 s"));

        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> in = Browsers.login(http, base, "admin", PASSWORD);
        assertEquals(200, in.statusCode());
        assertTrue(in.uri().getPath().startsWith("/month/"), "logged in once the delay passed: " + in.uri());
        assertEquals(1, oru.audit().latest(50).stream().filter(e -> e.user().equals("admin") && e.action().equals("login refused")
                && e.detail().contains("too many failures")).count(), "the name held back is in the audit log, once per delay");
    }

    @Test
    void aFloodOfParallelLoginsIsTurnedAwayAtOnceBeyondTheChecksRunning() throws Exception {
        // production's 19 MiB, what the cap is for; one check at a time, so that any two attempts that overlap show it
        // (forty sent at once overlap on any machine; the cap's own arithmetic is LoginThrottleTest's)
        start(Users.Cost.DEFAULT, new Dashboard.Settings(Dashboard.Settings.DEFAULT.idleTimeout(), false, 1));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(); // a connection per attempt
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // each its own name: the per-name delay stays out of it
            sent.add(http.sendAsync(Browsers.loginRequest(base, "visiteur" + i, "a wrong password"), HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers = sent.stream().map(CompletableFuture::join).toList();
        List<HttpResponse<String>> busy = answers.stream().filter(r -> r.statusCode() == 503).toList();
        assertFalse(busy.isEmpty(), "beyond the checks running, attempts are turned away: "
                + answers.stream().map(HttpResponse::statusCode).toList());
        assertTrue(busy.get(0).body().contains("Trop de connexions en cours"), busy.get(0).body());
        assertTrue(busy.get(0).headers().firstValue("Retry-After").isPresent());
        assertTrue(answers.stream().allMatch(r -> r.statusCode() == 401 || r.statusCode() == 503), "never let in, never an error");
    }
}
