package org.opensmur.store.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.opensmur.store.db.StoreException;

/**
 * Encrypts what the store keeps of messages (they hold patient data): AES-256-GCM, a fresh 96-bit nonce
 * per record, the row's identity as associated data (a record cannot be moved to another row). The key
 * lives in a PKCS#12 key store opened with a secret that is not stored beside the database (on a device:
 * from the platform key store or the crew's PIN).
 */
public final class Vault {

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

    /** The store's data key, as a {@link StoreKeyProvider} unwrapped it. */
    Vault(SecretKey key) {
        this.key = key;
    }

    /** The length of {@code plainLength} bytes once sealed: a quota is checked before anything is sealed for nothing. */
    public static int sealedLength(int plainLength) {
        return 1 + NONCE + plainLength + TAG_BITS / 8;
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
