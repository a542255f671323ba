package org.opensmur.store.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.tablet.DeliveryState;
import org.opensmur.store.OfflineStore;
import org.opensmur.store.TestStore;

class StoreDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void aWrongSecretIsAClearErrorNotGarbage() {
        new TestStore(dir).store.close();
        StoreException wrong = assertThrows(StoreException.class,
                () -> org.opensmur.store.crypto.StoreKeyProvider.secret("guess".toCharArray()).open(dir));
        assertEquals(StoreException.Kind.WRONG_SECRET, wrong.kind());
        assertTrue(wrong.getMessage().contains("does not open the store's key"), wrong.getMessage());
    }

    @Test
    void patientDataIsNeverOnDiskInClearAndAlteredRecordsAreRefused() throws Exception {
        TestStore t = new TestStore(dir);
        var bilan = t.out.bilan((org.opensmur.core.bilan.InterventionReport) SharedCorpus.examplePayload(MessageType.RS_BPV, "DelphineVigneau"), TestStore.LRM);
        String id = t.store.outbox().enqueue(bilan).distributionId();
        t.store.close();
        String lastName = ((org.opensmur.core.bilan.InterventionReport) bilan.message().payload()).patient().lastName();
        for (Path file : Files.list(dir).toList()) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertFalse(bytes.contains(lastName), file + " holds the patient's name in clear");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("store.db"));
             Statement s = c.createStatement()) {
            s.execute("UPDATE outbox SET body = CAST(substr(body, 1, 40) || X'00' || substr(body, 42) AS BLOB)"); // one byte changed
        }
        TestStore reopened = new TestStore(dir);
        StoreException altered = assertThrows(StoreException.class, () -> reopened.store.outbox().body(id));
        assertTrue(altered.getMessage().contains("cannot be decrypted"), altered.getMessage());
        reopened.store.close();
    }

    @Test
    void everyEarlierSchemaMigratesWithItsRowsIntact() throws Exception {
        for (int version = 1; version < Migrations.latest(); version++) {
            Path file = dir.resolve("v" + version + ".db");
            try (StoreDatabase old = StoreDatabase.open(file, version)) {
                assertEquals(version, old.version());
                old.inTransaction(c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("INSERT INTO outbox (distribution_id, type, recipient, order_key, priority, enqueued_at, expires_at,"
                                + " state, updated_at, body) VALUES ('a_1', 'RS-SR', 'b', 'case:x', 0, 1, 2, 'QUEUED', 1, X'01')");
                        s.execute("INSERT INTO inbox (distribution_id, type, sender, received_at, body) VALUES ('c_1', 'RS-EDA', 'c', 1, X'02')");
                    }
                    return null;
                });
            }
            try (StoreDatabase migrated = StoreDatabase.open(file)) {
                assertEquals(Migrations.latest(), migrated.version());
                migrated.inTransaction(c -> {
                    try (Statement s = c.createStatement();
                         ResultSet r = s.executeQuery("SELECT o.state, o.coalesce_key, i.sender FROM outbox o, inbox i")) {
                        assertTrue(r.next());
                        assertEquals("QUEUED", r.getString(1));
                        assertEquals(null, r.getString(2));
                        assertEquals("c", r.getString(3));
                    }
                    try (Statement s = c.createStatement()) {
                        s.execute("INSERT INTO case_messages (case_id, distribution_id, kind, sent_at, applied_at, body) VALUES ('x', 'd_1', 'CASE', 1, 1, X'03')");
                    }
                    return null;
                });
            }
        }
    }

    @Test
    void aLockedDatabaseIsAClearErrorAndLosesNothing() throws Exception {
        TestStore t = new TestStore(dir);
        String saved = t.store.outbox().enqueue(t.status(TestStore.CASE_A, ResourceStatus.DEPART)).distributionId();
        t.store.close();
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("store.db"));
             Statement s = other.createStatement()) {
            s.execute("BEGIN EXCLUSIVE");
            StoreException locked = assertThrows(StoreException.class, () -> StoreDatabase.open(dir.resolve("store.db"),
                    Migrations.latest(), 200).inTransaction(c -> {
                        try (Statement w = c.createStatement()) {
                            return w.executeUpdate("UPDATE outbox SET attempts = attempts + 1");
                        }
                    }));
            assertTrue(locked.getMessage().contains("locked by another program"), locked.getMessage());
            s.execute("ROLLBACK");
        }
        TestStore again = new TestStore(dir);
        assertEquals(DeliveryState.QUEUED, again.store.outbox().find(saved).state());
        again.store.close();
    }

    @Test
    void aDamagedDatabaseIsRefusedUntouchedAndItsIntactRowsCanBeSalvaged() throws Exception {
        TestStore t = new TestStore(dir);
        for (int i = 0; i < 300; i++) {
            t.store.outbox().enqueue(t.status(i % 2 == 0 ? TestStore.CASE_A : TestStore.CASE_B, org.opensmur.core.hub.validation.ModelLine.CURRENT.codes(ResourceStatus.class).get(i % 18)));
        }
        t.store.close();
        Path file = dir.resolve("store.db");
        long pages = Files.size(file) / 4096;
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(4096 * (pages / 2));
            raw.write(new byte[4096]); // one page in the middle wiped out
        }
        String before = sha256(file);

        StoreException damaged = assertThrows(StoreException.class, () -> OfflineStore.open(dir, TestStore.SECRET.clone(),
                t.out, t.codec, org.opensmur.store.outbox.OutboxPolicy.defaults(), t.clock));
        assertTrue(damaged.getMessage().contains("damaged"), damaged.getMessage());
        assertEquals(before, sha256(file), "the damaged file is left as it was");

        StoreDatabase.Salvage salvage = StoreDatabase.salvage(file, dir.resolve("salvaged/store.db"));
        int copied = salvage.copied().get("outbox");
        assertTrue(copied >= 200 && copied < 300 + 1, salvage.toString());
        Files.copy(dir.resolve("store-key.json"), dir.resolve("salvaged/store-key.json"));
        TestStore recovered = new TestStore(dir.resolve("salvaged"));
        var rows = recovered.store.outbox().list(null, 1000);
        assertEquals(copied, rows.size());
        for (var row : rows) {
            assertTrue(recovered.store.outbox().body(row.distributionId()).length > 0, "every salvaged row still decrypts");
        }
        recovered.store.close();
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void workAskedWithinATransactionIsPartOfItAndGoesWithIt() {
        TestStore t = new TestStore(dir);
        assertThrows(IllegalStateException.class, () -> t.store.database().inTransaction(c -> {
            t.store.drafts().save("along", java.util.Map.of("a", "b")); // a store call of its own, within the caller's transaction
            throw new IllegalStateException("what it goes with fails after it");
        }));
        assertTrue(t.store.drafts().load("along").isEmpty(), "both saved, or neither");
        t.store.database().inTransaction(c -> {
            t.store.drafts().save("along", java.util.Map.of("a", "b"));
            return null;
        });
        assertEquals(java.util.Map.of("a", "b"), t.store.drafts().load("along").orElseThrow(), "saved with the work it went with");
        t.store.close();
    }

    @org.junit.jupiter.api.Test
    void aThreadThatMustNotWaitOnTheDiskIsRefusedAtOnce() {
        TestStore t = new TestStore(dir.resolve("guarded"));
        t.store.database().forbidOn(() -> Thread.currentThread().getName().equals("ui"));
        java.util.concurrent.atomic.AtomicReference<Throwable> onUi = new java.util.concurrent.atomic.AtomicReference<>();
        Thread ui = new Thread(() -> {
            try {
                t.store.outbox().waiting();
            } catch (Throwable e) {
                onUi.set(e);
            }
        }, "ui");
        ui.start();
        org.awaitility.Awaitility.await().until(() -> !ui.isAlive());
        assertTrue(onUi.get() instanceof IllegalStateException && onUi.get().getMessage().contains("on ui"), String.valueOf(onUi.get()));
        assertEquals(0, t.store.outbox().waiting(), "other threads work as before");
        t.store.close();
    }

    /**
     * A late writer (a consumer or timer still finishing as the tablet shuts down) must not reopen a closed
     * store: it would recreate the database's journal beside a folder being removed or moved, and "save"
     * into a store its owner believes closed. Seen as a test's folder that could not be deleted.
     */
    @Test
    void aClosedStoreRefusesLateWorkAndCreatesNoFile() throws Exception {
        TestStore t = new TestStore(dir.resolve("closing"));
        t.store.drafts().save("before", java.util.Map.of("a", "b"));
        t.store.close();
        java.util.Set<Path> left;
        try (var files = Files.list(dir.resolve("closing"))) {
            left = files.collect(java.util.stream.Collectors.toSet());
        }
        StoreException late = assertThrows(StoreException.class, () -> t.store.drafts().save("after", java.util.Map.of("c", "d")));
        assertTrue(late.getMessage().contains("closed"), late.getMessage());
        assertThrows(StoreException.class, () -> t.store.database().verify(), "the watch's check too");
        try (var files = Files.list(dir.resolve("closing"))) {
            assertEquals(left, files.collect(java.util.stream.Collectors.toSet()), "no journal or copy created after close");
        }
        TestStore again = new TestStore(dir.resolve("closing"));
        try {
            assertTrue(again.store.drafts().load("after").isEmpty(), "nothing saved after close");
            assertEquals(java.util.Map.of("a", "b"), again.store.drafts().load("before").orElseThrow());
        } finally {
            again.store.close(); // closed even when an assertion fails: the temporary folder can then be removed
        }
    }
}
