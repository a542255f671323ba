package org.opensmur.app.connection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.opensmur.app.ui.Labels;
import org.opensmur.core.hub.transport.ConnectionState;
import org.opensmur.tablet.StorageState;

/** The always-visible strip: is the SAMU reachable, since when not, what waits to leave, the last error. */
public final class StatusBarViewModel {

    private final Labels labels;
    private final Clock clock;
    private final StringProperty connection = new SimpleStringProperty();
    private final BooleanProperty online = new SimpleBooleanProperty();
    /** The link cannot come back by itself (the tablet's settings or certificate): red, not amber. */
    private final BooleanProperty failed = new SimpleBooleanProperty();
    private final IntegerProperty waiting = new SimpleIntegerProperty();
    private final StringProperty waitingText = new SimpleStringProperty();
    private final StringProperty lastError = new SimpleStringProperty("");
    private final StringProperty warning = new SimpleStringProperty("");
    private ConnectionState state;
    private StorageState storage;
    private Duration clockOffset;
    /** The client certificate's end of validity (null: not known, e.g. plain AMQP). */
    private Instant certificateNotAfter;
    private java.time.LocalDate certificateLoggedOn;
    /** The certificate is said on the strip from this long before it ends. */
    public static final Duration CERTIFICATE_WARNING = Duration.ofDays(30);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StatusBarViewModel.class);

    public StatusBarViewModel(Labels labels, Clock clock) {
        this.labels = labels;
        this.clock = clock;
        setWaiting(0);
        onConnection(new ConnectionState.Connecting(clock.instant()));
    }

    public void onConnection(ConnectionState next) {
        state = next;
        online.set(next.isConnected());
        // Red when a person must act: given up, or this certificate in use on another device (retried meanwhile).
        boolean identityInUse = next instanceof ConnectionState.Reconnecting r && r.cause() == ConnectionState.Cause.IDENTITY_IN_USE;
        failed.set(next instanceof ConnectionState.Failed || identityInUse || triedElsewhereRecently());
        if (next instanceof ConnectionState.Failed f) {
            // The crew reads what to do; the integrator reads the cause beside it.
            lastError.set(labels.format("connection.failed.detail", f.reason()));
        } else if (identityInUse) {
            lastError.set(labels.get("connection.identityInUse"));
        }
        refresh();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed;
    }

    /** How long the holder of the certificate keeps saying that another device tried it (it retries every few minutes). */
    private static final Duration TRIED_ELSEWHERE_SHOWN = Duration.ofMinutes(10);
    private Instant triedElsewhere;

    /**
     * Another device with this tablet's certificate was refused (it said so through the Hub): red, with what to
     * do, until ten minutes after the last time it tried.
     */
    public void onIdentityTriedElsewhere(Instant at) {
        triedElsewhere = at;
        lastError.set(labels.format("connection.identityTriedElsewhere",
                java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(at.atZone(clock.getZone()))));
        failed.set(true);
    }

    private boolean triedElsewhereRecently() {
        return triedElsewhere != null && clock.instant().isBefore(triedElsewhere.plus(TRIED_ELSEWHERE_SHOWN));
    }

    /** Called every few seconds so that "offline for 3 min" keeps counting. */
    public void refresh() {
        Instant now = clock.instant();
        if (triedElsewhere != null && !triedElsewhereRecently()) {
            triedElsewhere = null;
            failed.set(state instanceof ConnectionState.Failed
                    || state instanceof ConnectionState.Reconnecting r && r.cause() == ConnectionState.Cause.IDENTITY_IN_USE);
        }
        if (certificateNotAfter != null) {
            refreshWarning(); // the days left count down
        }
        connection.set(switch (state) {
            case ConnectionState.Connected c -> labels.get("connection.online");
            case ConnectionState.Connecting c -> labels.get("connection.connecting");
            case ConnectionState.Reconnecting r -> labels.format("connection.offline", ago(Duration.between(r.since(), now)))
                    + " · " + labels.get("connection.cause." + r.cause().name())
                    + " · " + (r.nextAttempt() != null && r.nextAttempt().isAfter(now)
                    ? labels.format("connection.nextAttempt", Math.max(1, Duration.between(now, r.nextAttempt()).toSeconds()))
                    : labels.get("connection.retrying"));
            case ConnectionState.Failed f -> labels.format("connection.failedBecause", labels.get("connection.cause." + f.cause().name()));
            case ConnectionState.Closed c -> labels.get("connection.closed");
        });
    }

    private String ago(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s < 60 ? labels.format("duration.seconds", s) : labels.format("duration.minutes", s / 60);
    }

    private final StringProperty unconfirmed = new SimpleStringProperty("");

    /** How many messages the SAMU (or the ORU) has not confirmed past their deadline: said in amber, beside the queue. */
    public void setUnconfirmed(int count) {
        unconfirmed.set(count == 0 ? "" : labels.format("owed.count", count));
    }

    public ReadOnlyStringProperty unconfirmedProperty() {
        return unconfirmed;
    }

    public void setWaiting(int count) {
        setWaiting(count, 0, null, null);
    }

    /**
     * {@code blocked}: messages written in another model line than the vhost's ({@code blockedLine}, the
     * vhost's being {@code line}); they are kept, never sent there, and the crew is told.
     */
    public void setWaiting(int count, int blocked, String blockedLine, String line) {
        waiting.set(count);
        String text = count == 0 ? labels.get("outbox.none") : labels.format("outbox.waiting", count);
        if (blocked > 0) {
            text += " · " + labels.format("outbox.blocked", blocked, blockedLine, line);
        }
        waitingText.set(text);
    }

    /** The device's storage: a problem that stops saving, or space running low, stays shown until it is gone. */
    public void onStorage(StorageState state) {
        storage = state;
        refreshWarning();
    }

    /** The tablet's clock against the Hub side's ({@code null}: not off enough to matter). */
    public void onClockOffset(Duration offset) {
        onClockOffset(offset, false);
    }

    /**
     * {@code setIt}: the offset is beyond what the tablet corrects by itself (±10 min): the crew must set
     * the clock, nothing it sends is corrected meanwhile.
     */
    public void onClockOffset(Duration offset, boolean setIt) {
        if (java.util.Objects.equals(offset, clockOffset) && setIt == clockToSet) {
            return;
        }
        clockOffset = offset;
        clockToSet = setIt;
        refreshWarning();
    }

    private boolean clockToSet;

    /**
     * The tablet's certificate ends at {@code notAfter}: from {@link #CERTIFICATE_WARNING} before, the strip says
     * when and what to do, and the log says it once a day.
     */
    public void onCertificateExpiry(Instant notAfter) {
        certificateNotAfter = notAfter;
        refreshWarning();
    }

    private String certificateWarning() {
        Instant now = clock.instant();
        if (certificateNotAfter == null || now.isBefore(certificateNotAfter.minus(CERTIFICATE_WARNING))) {
            return null;
        }
        java.time.LocalDate today = java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
        if (!today.equals(certificateLoggedOn)) {
            certificateLoggedOn = today;
            LOG.warn("the tablet's Hub certificate {} on {}: a new provisioning bundle is needed",
                    now.isBefore(certificateNotAfter) ? "expires" : "expired", certificateNotAfter);
        }
        java.util.Date day = java.util.Date.from(certificateNotAfter);
        if (!now.isBefore(certificateNotAfter)) {
            return labels.format("certificate.expired", day);
        }
        long days = Math.max(1, (Duration.between(now, certificateNotAfter).toHours() + 23) / 24);
        return labels.format("certificate.expiresSoon", day, days);
    }

    private void refreshWarning() {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (storage != null && storage.problem() != null) {
            parts.add(labels.storageProblem(storage.problem()));
        } else if (storage != null && storage.low()) {
            parts.add(labels.format("storage.low", Math.max(0, storage.usableBytes() / (1024 * 1024))));
        }
        if (clockOffset != null) {
            parts.add(labels.format(clockToSet ? "clock.setIt" : "clock.skewed", ago(clockOffset.abs())));
        }
        String certificate = certificateWarning();
        if (certificate != null) {
            parts.add(certificate);
        }
        warning.set(String.join(" · ", parts));
    }

    /** The last problem, in plain words (never patient data: error texts name fields, not values). */
    public void setLastError(String text) {
        lastError.set(text == null ? "" : text);
    }

    public ReadOnlyStringProperty connectionProperty() {
        return connection;
    }

    public ReadOnlyBooleanProperty onlineProperty() {
        return online;
    }

    public ReadOnlyIntegerProperty waitingProperty() {
        return waiting;
    }

    public ReadOnlyStringProperty waitingTextProperty() {
        return waitingText;
    }

    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError;
    }

    /** What threatens the crew's work although nothing failed yet: storage low or gone, a wrong clock. */
    public ReadOnlyStringProperty warningProperty() {
        return warning;
    }
}
