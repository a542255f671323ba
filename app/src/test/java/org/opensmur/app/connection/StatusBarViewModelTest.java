package org.opensmur.app.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opensmur.app.ui.Labels;
import org.opensmur.core.testing.MutableClock;
import org.opensmur.store.db.StoreException;
import org.opensmur.tablet.StorageState;

/** What threatens the crew's work is always on screen, in their words, and goes when it is over. */
class StatusBarViewModelTest {

    private final StatusBarViewModel bar = new StatusBarViewModel(Labels.french(), new MutableClock(Instant.parse("2026-11-30T10:00:00Z")));

    @Test
    void storageRunningLowThenFullThenFreedIsSaidAndCleared() {
        bar.onStorage(StorageState.of(40L * 1024 * 1024, null));
        assertEquals("Stockage presque plein : 40 Mo libres", bar.warningProperty().get());

        StoreException full = new StoreException(StoreException.Kind.FULL, "the device is full: /x/store.db cannot grow");
        bar.onStorage(StorageState.of(0, full));
        assertEquals("Stockage plein : libérez de l'espace", bar.warningProperty().get());

        bar.onStorage(StorageState.of(2L * 1024 * 1024 * 1024, null));
        assertEquals("", bar.warningProperty().get());
    }

    @Test
    void aClockOffTheHubsIsShownWithHowFar() {
        bar.onClockOffset(Duration.ofMinutes(-10));
        assertEquals("Horloge de la tablette décalée de 10 min par rapport au Hub", bar.warningProperty().get());
        bar.onClockOffset(null);
        assertEquals("", bar.warningProperty().get());
        bar.onClockOffset(Duration.ofMinutes(45), true);
        assertEquals("Horloge de la tablette décalée de 45 min : réglez l'heure (non corrigée au-delà de 10 min)",
                bar.warningProperty().get(), "beyond what the tablet corrects: the crew must act");
    }

    @Test
    void offlineSaysSinceWhenAndTheNextTryAndAFailureSaysWhatToDoInRed() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
        StatusBarViewModel strip = new StatusBarViewModel(Labels.french(), clock);
        strip.onConnection(new org.opensmur.core.hub.transport.ConnectionState.Reconnecting(clock.instant(),
                clock.instant().plusSeconds(8), "no answer at the Hub's address", org.opensmur.core.hub.transport.ConnectionState.Cause.UNREACHABLE));
        clock.advance(Duration.ofSeconds(3));
        strip.refresh();
        // The reason in the crew's words, not the transport's English.
        assertEquals("Hors ligne depuis 3 s · pas de réseau ou Hub injoignable · nouvel essai dans 5 s", strip.connectionProperty().get());
        org.junit.jupiter.api.Assertions.assertFalse(strip.failedProperty().get(), "amber: it comes back by itself");
        clock.advance(Duration.ofSeconds(10));
        strip.refresh();
        assertEquals("Hors ligne depuis 13 s · pas de réseau ou Hub injoignable · reconnexion en cours", strip.connectionProperty().get());
        StatusBarViewModel english = new StatusBarViewModel(new Labels(java.util.Locale.ENGLISH), clock);
        english.onConnection(new org.opensmur.core.hub.transport.ConnectionState.Reconnecting(clock.instant(), null,
                "PKIX path validation failed: validity check failed", org.opensmur.core.hub.transport.ConnectionState.Cause.CLOCK));
        assertEquals("Offline for 0 s · certificate not valid at the tablet's time: check the clock · reconnecting",
                english.connectionProperty().get());

        strip.onConnection(new org.opensmur.core.hub.transport.ConnectionState.Failed(clock.instant(),
                "cannot use the key in /x/client.p12: keystore password was incorrect"));
        org.junit.jupiter.api.Assertions.assertTrue(strip.failedProperty().get(), "red: it will not come back by itself");
        assertEquals("Connexion impossible : réglages ou certificat de la tablette à corriger · appelez l'intégrateur",
                strip.connectionProperty().get());
        assertEquals("Détail pour l'intégrateur : cannot use the key in /x/client.p12: keystore password was incorrect",
                strip.lastErrorProperty().get());
        strip.onConnection(new org.opensmur.core.hub.transport.ConnectionState.Connected(clock.instant()));
        org.junit.jupiter.api.Assertions.assertFalse(strip.failedProperty().get());
    }

    @Test
    void aCertificateInUseOnAnotherDeviceIsSaidInRedWhileTheTabletKeepsTrying() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
        StatusBarViewModel strip = new StatusBarViewModel(Labels.french(), clock);
        strip.onConnection(new org.opensmur.core.hub.transport.ConnectionState.Reconnecting(clock.instant(), clock.instant().plusSeconds(4),
                "another connection consumes fr.health.x.message", org.opensmur.core.hub.transport.ConnectionState.Cause.IDENTITY_IN_USE));
        org.junit.jupiter.api.Assertions.assertTrue(strip.failedProperty().get(), "red: a person must act");
        assertEquals("Hors ligne depuis 0 s · certificat déjà utilisé par un autre appareil · nouvel essai dans 4 s",
                strip.connectionProperty().get());
        org.junit.jupiter.api.Assertions.assertTrue(strip.lastErrorProperty().get().startsWith("Ce certificat est déjà utilisé par un autre appareil"),
                strip.lastErrorProperty().get());

        // The device that holds the queues is told too, in red, for ten minutes after the last try.
        StatusBarViewModel holder = new StatusBarViewModel(Labels.french(), clock);
        holder.onConnection(new org.opensmur.core.hub.transport.ConnectionState.Connected(clock.instant()));
        holder.onIdentityTriedElsewhere(clock.instant());
        org.junit.jupiter.api.Assertions.assertTrue(holder.failedProperty().get());
        org.junit.jupiter.api.Assertions.assertTrue(holder.lastErrorProperty().get().startsWith(
                "Un autre appareil a tenté de se connecter avec le certificat de cette tablette"), holder.lastErrorProperty().get());
        clock.advance(Duration.ofMinutes(11));
        holder.refresh();
        org.junit.jupiter.api.Assertions.assertFalse(holder.failedProperty().get(), "gone once the other device stopped trying");

        // Our own link cut a moment ago is not another device: amber, it clears by itself.
        strip.onConnection(new org.opensmur.core.hub.transport.ConnectionState.Reconnecting(clock.instant(), null,
                "previous connection", org.opensmur.core.hub.transport.ConnectionState.Cause.PREVIOUS_CONNECTION));
        org.junit.jupiter.api.Assertions.assertFalse(strip.failedProperty().get());
        strip.onConnection(new org.opensmur.core.hub.transport.ConnectionState.Connected(clock.instant()));
        org.junit.jupiter.api.Assertions.assertFalse(strip.failedProperty().get());
    }

    @Test
    void aCertificateEndingWithin30DaysIsSaidOnTheStripAndInTheLogOnceADay() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
        StatusBarViewModel strip = new StatusBarViewModel(Labels.french(), clock);
        // A certificate the dev CA made for 31 days: nothing to say yet.
        Instant notAfter = org.opensmur.signing.DevCa.create("test CA", clock.instant(), Duration.ofDays(60))
                .client("fr.health.test.smurtab", clock.instant(), Duration.ofDays(31)).certificate().getNotAfter().toInstant();
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        java.io.PrintStream err = System.err;
        System.setErr(new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            strip.onCertificateExpiry(notAfter);
            assertEquals("", strip.warningProperty().get());

            clock.advance(Duration.ofDays(2));
            strip.refresh();
            assertEquals("Certificat de la tablette valable jusqu'au 31 décembre 2026 (encore 29 j) : demandez un nouveau fichier"
                    + " de mise en service à l'intégrateur", strip.warningProperty().get());
            for (int i = 0; i < 100; i++) {
                clock.advance(Duration.ofMinutes(10));
                strip.refresh();
            }
            clock.advance(Duration.ofDays(1));
            strip.refresh();
            // 102 refreshes over three days (2, 3 and 4 December): three lines.
            assertEquals(3, log.toString(java.nio.charset.StandardCharsets.UTF_8).split("the tablet's Hub certificate expires on "
                    + notAfter, -1).length - 1, "once a day, not at every refresh: " + log);

            strip.onClockOffset(Duration.ofMinutes(5));
            assertEquals("Horloge de la tablette décalée de 5 min par rapport au Hub · Certificat de la tablette valable jusqu'au"
                    + " 31 décembre 2026 (encore 28 j) : demandez un nouveau fichier de mise en service à l'intégrateur",
                    strip.warningProperty().get());
            clock.advance(Duration.ofDays(28));
            strip.onClockOffset(null);
            assertEquals("Certificat de la tablette expiré le 31 décembre 2026 : demandez un nouveau fichier de mise en service"
                    + " à l'intégrateur", strip.warningProperty().get());
        } finally {
            System.setErr(err);
        }
        StatusBarViewModel english = new StatusBarViewModel(new Labels(java.util.Locale.ENGLISH), clock);
        english.onCertificateExpiry(clock.instant().plus(Duration.ofDays(3)));
        assertEquals("The tablet's certificate is valid until January 4, 2027 (3 days left): ask the integrator for a new"
                + " provisioning file", english.warningProperty().get());
    }
}
