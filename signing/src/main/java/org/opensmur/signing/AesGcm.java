package org.opensmur.signing;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a fresh 96-bit nonce and associated data, for what a derived key protects whole (the
 * store's key under the PIN, a provisioning bundle under its one-time password).
 */
public final class AesGcm {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The nonce and the ciphertext with its tag. */
    public record Sealed(byte[] nonce, byte[] bytes) {
    }

    private AesGcm() {
    }

    public static Sealed seal(byte[] key, byte[] associatedData, byte[] plain) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associatedData);
            return new Sealed(nonce, cipher.doFinal(plain));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The plain bytes, or {@link AEADBadTagException}: another key, other associated data, or altered bytes. */
    public static byte[] open(byte[] key, byte[] nonce, byte[] associatedData, byte[] sealed) throws AEADBadTagException {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new AEADBadTagException("cannot be opened: " + e.getMessage());
        }
    }
}
