package org.opensmur.signing;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;

/**
 * What an integrator hands a new tablet, in one text (a file, or a QR code's text when it fits): its Hub
 * settings by the SDK's names (HUB_HOSTNAME, HUB_PORT, VHOST, CLIENT_ID, LRM_CLIENT_ID, ORU_CLIENT_ID...), its
 * PKCS#12 and the Hub's trust store with their passwords, sealed (AES-256-GCM) under a key derived by
 * Argon2id from a one-time password given to the crew apart. The KDF's parameters travel with it and are
 * bound to the seal.
 */
public final class ProvisioningBundle {

    public static final String FORMAT = "opensmur-provisioning/1";

    /** The bundle's content; the passwords are the PKCS#12's and the trust store's. */
    public record Contents(Map<String, String> settings, byte[] certificate, char[] certificatePassword, byte[] trustStore,
                           char[] trustStorePassword) {
    }

    /** Why a bundle cannot be opened, naming what to correct: {@code BUNDLE} (not one, damaged) or {@code PASSWORD}. */
    public static final class Refused extends Exception {
        public enum Field { BUNDLE, PASSWORD }

        private final Field field;

        public Refused(Field field, String message) {
            super(message);
            this.field = field;
        }

        public Field field() {
            return field;
        }
    }

    private ProvisioningBundle() {
    }

    public static String seal(Contents contents, char[] oneTimePassword) {
        if (oneTimePassword == null || oneTimePassword.length < 8) {
            throw new IllegalArgumentException("one-time password: 8 characters at least");
        }
        Properties inner = new Properties();
        contents.settings().forEach(inner::setProperty);
        Base64.Encoder b64 = Base64.getEncoder();
        inner.setProperty("certificate.p12", b64.encodeToString(contents.certificate()));
        inner.setProperty("certificate.password", new String(contents.certificatePassword()));
        inner.setProperty("truststore.p12", b64.encodeToString(contents.trustStore()));
        inner.setProperty("truststore.password", new String(contents.trustStorePassword()));
        Argon2Kdf kdf = Argon2Kdf.forOneTimePassword();
        byte[] key = kdf.derive(oneTimePassword);
        try {
            AesGcm.Sealed sealed = AesGcm.seal(key, associatedData(kdf), text(inner).getBytes(StandardCharsets.UTF_8));
            Map<String, String> outer = new LinkedHashMap<>();
            outer.put("format", FORMAT);
            outer.put("kdf", kdf.memoryKiB() + "," + kdf.iterations() + "," + kdf.parallelism() + "," + b64.encodeToString(kdf.salt()));
            outer.put("nonce", b64.encodeToString(sealed.nonce()));
            outer.put("sealed", b64.encodeToString(sealed.bytes()));
            outer.put("check", b64.encodeToString(sha256(sealed.bytes()))); // tells a bundle cut short from a wrong password
            StringBuilder out = new StringBuilder();
            outer.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
            return out.toString();
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    public static Contents open(String text, char[] oneTimePassword) throws Refused {
        Properties outer = new Properties();
        try {
            outer.load(new StringReader(text == null ? "" : text.strip()));
        } catch (IOException | IllegalArgumentException e) {
            throw new Refused(Refused.Field.BUNDLE, "not a provisioning bundle (" + e.getMessage() + ")");
        }
        if (!FORMAT.equals(outer.getProperty("format"))) {
            throw new Refused(Refused.Field.BUNDLE, "not a provisioning bundle of this tablet (format "
                    + outer.getProperty("format", "none") + ")");
        }
        if (oneTimePassword == null || oneTimePassword.length == 0) {
            throw new Refused(Refused.Field.PASSWORD, "the one-time password is missing");
        }
        Argon2Kdf kdf;
        byte[] nonce;
        byte[] sealed;
        try {
            String[] k = outer.getProperty("kdf", "").split(",");
            Base64.Decoder b64 = Base64.getDecoder();
            kdf = new Argon2Kdf(Integer.parseInt(k[0]), Integer.parseInt(k[1]), Integer.parseInt(k[2]), b64.decode(k[3]));
            nonce = b64.decode(outer.getProperty("nonce", ""));
            sealed = b64.decode(outer.getProperty("sealed", ""));
        } catch (RuntimeException e) {
            throw new Refused(Refused.Field.BUNDLE, "the bundle is damaged (cut short or altered): " + e.getMessage());
        }
        if (!java.security.MessageDigest.isEqual(sha256(sealed), decodeQuietly(outer.getProperty("check", "")))) {
            throw new Refused(Refused.Field.BUNDLE, "the bundle is damaged (cut short or altered): its check does not match");
        }
        if (kdf.memoryKiB() < Argon2Kdf.PIN_MEMORY_KIB || kdf.iterations() < Argon2Kdf.PIN_MIN_ITERATIONS) {
            throw new Refused(Refused.Field.BUNDLE, "the bundle's protection is weaker than this tablet accepts");
        }
        byte[] key = kdf.derive(oneTimePassword);
        Properties inner = new Properties();
        try {
            inner.load(new StringReader(new String(AesGcm.open(key, nonce, associatedData(kdf), sealed), StandardCharsets.UTF_8)));
        } catch (AEADBadTagException e) {
            throw new Refused(Refused.Field.PASSWORD, "wrong one-time password (or a bundle altered since it was made)");
        } catch (IOException | IllegalArgumentException e) {
            throw new Refused(Refused.Field.BUNDLE, "the bundle cannot be read: " + e.getMessage());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        Base64.Decoder b64 = Base64.getDecoder();
        Map<String, String> settings = new TreeMap<>();
        for (String name : inner.stringPropertyNames()) {
            if (!name.contains(".")) {
                settings.put(name, inner.getProperty(name));
            }
        }
        try {
            return new Contents(settings, b64.decode(inner.getProperty("certificate.p12", "")),
                    inner.getProperty("certificate.password", "").toCharArray(), b64.decode(inner.getProperty("truststore.p12", "")),
                    inner.getProperty("truststore.password", "").toCharArray());
        } catch (IllegalArgumentException e) {
            throw new Refused(Refused.Field.BUNDLE, "the bundle's certificates cannot be read: " + e.getMessage());
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decodeQuietly(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static byte[] associatedData(Argon2Kdf kdf) {
        return (FORMAT + ";" + kdf.describe()).getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Properties properties) {
        StringWriter out = new StringWriter();
        try {
            properties.store(out, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
