package org.opensmur.store.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.store.db.StoreException;
import org.opensmur.store.testing.TestKeys;

/**
 * The inbox checks its quotas with {@link Vault#sealedLength} before it seals anything: the length it predicts is the
 * length sealing gives, whatever the size, and a record still opens only under its own row.
 */
class VaultTest {

    @TempDir
    Path dir;

    @Test
    void theSealedLengthIsKnownBeforeSealingAndARecordOpensOnlyUnderItsRow() {
        Vault vault = TestKeys.secret("vault-test").open(dir);
        java.util.Random random = new java.util.Random(3);
        for (int size : new int[] {0, 1, 15, 16, 17, 4096, 500 * 1024 + 3}) {
            byte[] plain = new byte[size];
            random.nextBytes(plain);
            byte[] sealed = vault.seal(plain, "row-" + size);
            assertEquals(Vault.sealedLength(size), sealed.length, "sealed length of " + size + " bytes");
            assertArrayEquals(plain, vault.open(sealed, "row-" + size));
            assertThrows(StoreException.class, () -> vault.open(sealed, "another-row"));
        }
    }
}
