package org.opensmur.store.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.crypto.SecretKey;
import org.opensmur.store.db.StoreException;

/**
 * {@code store-key.p12}, the key file of earlier versions (PKCS#12, PBKDF2 at 10,000 iterations: 1.2 ms a
 * guess). Read once, to move its key into {@link StoreKeyFile}; never written.
 */
final class LegacyKeyStore {

    static final String NAME = "store-key.p12";
    private static final String ALIAS = "opensmur-store";

    private LegacyKeyStore() {
    }

    static SecretKey read(Path file, char[] secret) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, secret);
            KeyStore.Entry entry = store.getEntry(ALIAS, new KeyStore.PasswordProtection(secret));
            if (!(entry instanceof KeyStore.SecretKeyEntry secretEntry)) {
                throw new StoreException(file + " holds no store key");
            }
            return secretEntry.getSecretKey();
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.WRONG_SECRET, "cannot open the store's key: wrong secret, or "
                    + file + " is damaged", e);
        } catch (GeneralSecurityException e) {
            throw new StoreException("cannot open the store's key " + file + ": " + e.getMessage(), e);
        }
    }
}
