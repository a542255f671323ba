package org.opensmur.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import org.opensmur.core.hub.client.HubEvent;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.transport.HubTransport;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.store.cases.CaseStore;
import org.opensmur.store.crypto.StoreKeyProvider;
import org.opensmur.store.crypto.Vault;
import org.opensmur.store.db.OwnerOnly;
import org.opensmur.store.db.StoreDatabase;
import org.opensmur.store.db.StoreException;
import org.opensmur.store.drafts.Drafts;
import org.opensmur.store.inbox.Inbox;
import org.opensmur.store.inbox.StoredAcknowledger;
import org.opensmur.store.outbox.LedgerVerdict;
import org.opensmur.store.outbox.Outbox;
import org.opensmur.store.outbox.OutboxPolicy;
import org.opensmur.store.outbox.OutboxRelay;
import org.opensmur.store.retention.MissionRetention;

/**
 * The tablet's offline store in one place: {@code store.db} (outbox, inbox, cases, ledger) and
 * {@code store-key.json} (the encryption key, wrapped under the crew's PIN or an integrator's secret).
 */
public final class OfflineStore implements AutoCloseable {

    private final StoreDatabase database;
    private final Outbox outbox;
    private final Inbox inbox;
    private final CaseStore cases;
    private final StoredAcknowledger acknowledger;
    private final Drafts drafts;
    private final MissionRetention retention;
    private final org.opensmur.store.timeline.StatusTaps statusTaps;

    private OfflineStore(StoreDatabase database, Outbox outbox, Inbox inbox, CaseStore cases, StoredAcknowledger acknowledger,
                         Drafts drafts, MissionRetention retention, org.opensmur.store.timeline.StatusTaps statusTaps) {
        this.database = database;
        this.statusTaps = statusTaps;
        this.drafts = drafts;
        this.retention = retention;
        this.outbox = outbox;
        this.inbox = inbox;
        this.cases = cases;
        this.acknowledger = acknowledger;
    }

    /** With a secret a program holds (tests, the headless demo); the tablet opens with {@link StoreKeyProvider}s. */
    public static OfflineStore open(Path folder, char[] secret, OutgoingMessages outgoing, HubCodec codec,
                                    OutboxPolicy policy, Clock clock) {
        return open(folder, StoreKeyProvider.secret(secret), outgoing, codec, policy, clock);
    }

    public static OfflineStore open(Path folder, StoreKeyProvider keys, OutgoingMessages outgoing, HubCodec codec,
                                    OutboxPolicy policy, Clock clock) {
        Path databaseFile = folder.resolve("store.db");
        Path keyFile = java.util.stream.Stream.of("store-key.json", "store-key.p12").map(folder::resolve)
                .filter(Files::exists).findFirst().orElse(folder.resolve("store-key.json"));
        if (Files.exists(keyFile) && !Files.exists(databaseFile)) {
            // A key without its database: the data was moved or deleted. Never start an empty store over it.
            throw new StoreException(StoreException.Kind.MISSING, "base de données introuvable: " + databaseFile
                    + " is missing while its key " + keyFile + " is there; nothing was created. " + rescueHint(folder));
        }
        OwnerOnly.folder(folder);
        Vault vault = keys.open(folder);
        OwnerOnly.createFile(databaseFile); // SQLite gives its journal files the database file's mode
        StoreDatabase database = StoreDatabase.open(databaseFile);
        OwnerOnly.filesIn(folder);
        Outbox outbox = new Outbox(database, vault, codec, policy, clock);
        Drafts drafts = new Drafts(database, vault, clock);
        MissionRetention retention = new MissionRetention(database, drafts, clock);
        CaseStore cases = new CaseStore(database, vault, codec, clock, retention);
        Inbox inbox = new Inbox(database, vault, codec, cases, clock);
        return new OfflineStore(database, outbox, inbox, cases, new StoredAcknowledger(database, outbox, outgoing),
                drafts, retention, new org.opensmur.store.timeline.StatusTaps(database, vault));
    }

    private static String rescueHint(Path storeFolder) {
        Path folder = storeFolder.toAbsolutePath().normalize();
        java.util.List<Path> copies = new java.util.ArrayList<>();
        try (var files = Files.list(folder)) {
            files.filter(f -> f.getFileName().toString().startsWith("store-rescued-")).sorted().forEach(copies::add);
        } catch (java.io.IOException e) {
            // no listing: no hint
        }
        return copies.isEmpty()
                ? "Put the database back, or restore a copy of it: " + StoreDatabase.restoreCommand(Path.of("COPY"), folder)
                : "Rescue copies: " + copies + "; to restore the newest: "
                        + StoreDatabase.restoreCommand(copies.get(copies.size() - 1), folder);
    }

    /** Checks that the database file is still the one opened (deleted or replaced under the tablet?). */
    public void verify() {
        database.verify();
    }

    /** Bytes left on the device that holds the store (-1 when unknown). */
    public long usableSpace() {
        return database.usableSpace();
    }

    public Outbox outbox() {
        return outbox;
    }

    public Inbox inbox() {
        return inbox;
    }

    public CaseStore cases() {
        return cases;
    }

    /** The crew's status taps, per mission, in the order tapped. */
    public org.opensmur.store.timeline.StatusTaps statusTaps() {
        return statusTaps;
    }

    public Drafts drafts() {
        return drafts;
    }

    /** Closed missions and their purge after the retention delay. */
    public MissionRetention retention() {
        return retention;
    }

    public StoredAcknowledger acknowledger() {
        return acknowledger;
    }

    public StoreDatabase database() {
        return database;
    }

    /** A relay draining this outbox through {@code transport}, at most {@code window} messages unconfirmed. */
    public OutboxRelay relay(HubTransport transport, Clock clock, int window) {
        return new OutboxRelay(outbox, transport, clock, window);
    }

    /** The same, its loop on a thread made by {@code threads}. */
    public OutboxRelay relay(HubTransport transport, Clock clock, int window, java.util.concurrent.ThreadFactory threads) {
        return new OutboxRelay(outbox, transport, clock, window, threads);
    }

    /** Feeds RC-REFs and error reports about our messages into the delivery ledger. */
    public Consumer<HubEvent> ledgerUpdates() {
        return this::applyToLedger;
    }

    /** What the ledger made of an RC-REF or an error report; empty for any other event. */
    public Optional<LedgerVerdict> applyToLedger(HubEvent event) {
        return switch (event) {
            case HubEvent.ReferenceReceived ref -> Optional.of(
                    outbox.onReference(ref.referencedDistributionId(), ref.step(), ref.refused(), ref.from()));
            case HubEvent.ErrorReported error -> Optional.of(outbox.onError(error.error(), error.from()));
            default -> Optional.empty();
        };
    }

    @Override
    public void close() {
        database.close();
    }
}
