package org.opensmur.store.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.store.TestStore;
import org.opensmur.store.crypto.StoreKeyProvider;
import org.opensmur.store.db.StoreException;

/** The store's files are its owner's only, from the first write, and an empty secret opens nothing. */
class StoreFilesTest {

    @TempDir
    Path dir;

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void theFolderAndEveryFileInItAreTheOwnersOnly() throws Exception {
        Path folder = dir.resolve("store");
        TestStore t = new TestStore(folder);
        t.store.outbox().enqueue(t.status(TestStore.CASE_A, ResourceStatus.DEPART)); // the journal files now exist
        assertEquals("rwx------", mode(folder));
        List<Path> files;
        try (var list = Files.list(folder)) {
            files = list.toList();
        }
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().equals("store.db-wal")), files.toString());
        for (Path file : files) {
            assertEquals("rw-------", mode(file), file.getFileName() + " while the store is open");
        }
        t.store.close();
    }

    @Test
    void theDatabaseAndItsJournalAreBornTheOwnersOnlyNotRepairedAfter() throws Exception {
        // A folder others may list, and nothing that repairs modes afterwards: only how the files are born.
        Path open = Files.createDirectory(dir.resolve("open"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Path file = open.resolve("raw.db");
        org.opensmur.store.db.StoreDatabase database = org.opensmur.store.db.StoreDatabase.open(file,
                org.opensmur.store.db.Migrations.latest(), 1_000);
        database.inTransaction(c -> {
            try (var s = c.createStatement()) {
                s.execute("INSERT INTO drafts (draft_key, updated_at, body) VALUES ('k', 0, x'00')");
            }
            return null;
        });
        assertEquals("rw-------", mode(file));
        assertEquals("rw-------", mode(open.resolve("raw.db-wal")));
        assertEquals("rw-------", mode(open.resolve("raw.db-shm")));
        database.close();
    }

    @Test
    void filesOthersCouldReadAreRepairedAtOpen() throws Exception {
        Path folder = dir.resolve("store");
        new TestStore(folder).store.close();
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(folder.resolve("store.db"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(folder.resolve("store-key.json"), PosixFilePermissions.fromString("rw-rw-rw-"));

        TestStore reopened = new TestStore(folder);
        assertEquals("rwx------", mode(folder));
        assertEquals("rw-------", mode(folder.resolve("store.db")));
        assertEquals("rw-------", mode(folder.resolve("store-key.json")));
        reopened.store.close();
    }

    @Test
    void anEmptySecretIsRefused() {
        for (char[] empty : new char[][] {new char[0], "   ".toCharArray(), null}) {
            StoreException refused = assertThrows(StoreException.class, () -> StoreKeyProvider.secret(empty).open(dir));
            assertTrue(refused.getMessage().contains("empty"), refused.getMessage());
        }
        assertTrue(Files.notExists(dir.resolve("store-key.json")), "no key written with an empty secret");
    }
}
