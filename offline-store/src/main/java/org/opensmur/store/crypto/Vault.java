package org.opensmur.store.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.opensmur.store.db.OwnerOnly;
import org.opensmur.store.db.StoreException;

/**
 * Encrypts what the store keeps of messages (they hold patient data): AES-256-GCM, a fresh 96-bit nonce
 * per record, the row's identity as associated data (a record cannot be moved to another row). The key
 * lives in a PKCS#12 key store opened with a secret that is not stored beside the database (on a device:
 * from the platform key store or the crew's PIN).
 */
public final class Vault {

    private static final String ALIAS = "opensmur-store";
    private static final byte FORMAT = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();
    /** Looking a cipher up costs more than sealing a small record: one per thread, re-initialised each time. */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    });

    private Vault(SecretKey key) {
        this.key = key;
    }

    /** Opens the key store, creating it with a new key on first use. A wrong secret is a clear error. */
    public static Vault open(Path keyStore, char[] secret) {
        if (secret == null || secret.length == 0 || new String(secret).isBlank()) {
            throw new StoreException(StoreException.Kind.OTHER, "the store's secret is empty: refused (give it with"
                    + " OPENSMUR_STORE_SECRET=file:PATH, a file readable by its owner only)");
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            if (Files.exists(keyStore)) {
                try (InputStream in = Files.newInputStream(keyStore)) {
                    store.load(in, secret);
                } catch (IOException e) {
                    throw new StoreException("cannot open the store's key: wrong secret, or " + keyStore + " is damaged", e);
                }
                KeyStore.Entry entry = store.getEntry(ALIAS, new KeyStore.PasswordProtection(secret));
                if (!(entry instanceof KeyStore.SecretKeyEntry secretEntry)) {
                    throw new StoreException(keyStore + " holds no store key");
                }
                return new Vault(secretEntry.getSecretKey());
            }
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            SecretKey key = generator.generateKey();
            store.load(null, null);
            store.setEntry(ALIAS, new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(secret));
            if (keyStore.getParent() != null) {
                Files.createDirectories(keyStore.getParent());
            }
            OwnerOnly.createFile(keyStore);
            try (OutputStream out = Files.newOutputStream(keyStore)) {
                store.store(out, secret);
            }
            return new Vault(key);
        } catch (GeneralSecurityException | IOException e) {
            throw new StoreException("cannot open the store's key " + keyStore + ": " + e.getMessage(), e);
        }
    }

    public byte[] seal(byte[] plain, String rowId) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(rowId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE + sealed.length).put(FORMAT).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** Decrypts, or fails clearly: never returns garbage for a wrong key or a tampered record. */
    public byte[] open(byte[] sealed, String rowId) {
        if (sealed.length < 1 + NONCE + TAG_BITS / 8 || sealed[0] != FORMAT) {
            throw new StoreException("record of " + rowId + " is not in a known encrypted format");
        }
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE));
            cipher.updateAAD(rowId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, 1 + NONCE, sealed.length - 1 - NONCE);
        } catch (AEADBadTagException e) {
            throw new StoreException("record of " + rowId + " cannot be decrypted: other key, or altered", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }
}
