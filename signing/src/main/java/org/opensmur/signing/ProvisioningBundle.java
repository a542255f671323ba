package org.opensmur.signing;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;

/**
 * What an integrator hands a new tablet, in one text (a file, or a QR code's text when it fits): its Hub
 * settings by the SDK's names (HUB_HOSTNAME, HUB_PORT, VHOST, CLIENT_ID, LRM_CLIENT_ID, ORU_CLIENT_ID...), its
 * PKCS#12 and the Hub's trust store with their passwords, sealed (AES-256-GCM) under a key derived by
 * Argon2id from a one-time password given to the crew apart. The KDF's parameters and the bundle's expiry
 * travel with it in clear, bound to the seal (changing either breaks it), and are checked before anything is
 * derived: a bundle asking for more memory or passes than {@link #MAX_MEMORY_KIB}/{@link #MAX_ITERATIONS}, or
 * past its date, is refused with words. The one-time password is never chosen by a person: {@link
 * #newOneTimePassword()} draws it (120 bits) from an alphabet without look-alikes, in groups a person can type.
 *
 * <p>It may also carry the SAMU's coded lists (files named as the tablet installs them, {@code HubSante.<list>.csv}
 * or {@code <list>.csv}) and the SMUR's acts and drugs list ({@code actes-medicaments.json}), sealed with the rest:
 * a list changed in the file breaks the seal. Such a bundle is of {@link #FORMAT}; one without lists or acts is
 * still sealed in the previous format ({@link #FORMAT_WITHOUT_LISTS}), which tablets of the previous version open
 * too, and both open here. The tablet checks the lists and acts itself before installing anything.
 */
public final class ProvisioningBundle {

    /** The longest a bundle may be imported after it was sealed ({@code signing provision --valid-days}). */
    public static final int MAX_VALID_DAYS = 30;


    /** A bundle carrying coded lists or acts (and the date it was sealed). */
    public static final String FORMAT = "opensmur-provisioning/3";
    /** The previous format: settings and certificates only; still written when a bundle carries neither lists nor acts. */
    public static final String FORMAT_WITHOUT_LISTS = "opensmur-provisioning/2";
    /**
     * The coded lists a bundle may carry, by their names in file names ({@code HubSante.fait.csv}, {@code fait.csv}): the
     * tablet's {@code NomenclatureList} ids, which this module cannot see ({@code NomenclatureFolderTest} holds them equal).
     */
    public static final List<String> LISTS = List.of("fait", "motif", "lieu", "diagnostic", "actes", "devenir",
            "categorieEtablissement", "activiteOperationnelle", "finess", "commune", "typeRessource", "typeVecteur");
    /** In the sealed part: each list's file under {@code list.<file name>}, the acts under {@code acts.json}, the date under {@code bundle.sealed}. */
    private static final String LIST = "list.";
    private static final String ACTS = "acts.json";
    private static final String SEALED_AT = "bundle.sealed";
    /** What a bundle may ask of the tablet that opens it: 256 MiB (4 times what it is sealed with). */
    public static final int MAX_MEMORY_KIB = 256 * 1024;
    /** Passes at most (sealed with {@link Argon2Kdf#PIN_MIN_ITERATIONS}). */
    public static final int MAX_ITERATIONS = 10;
    public static final int MAX_PARALLELISM = 4;
    /** The one-time password's alphabet: no 0/O, no 1/I; lower case is read as upper case. */
    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    /** 24 symbols of 5 bits: 120 bits. */
    static final int PASSWORD_SYMBOLS = 24;
    static final int GROUP = 4;
    /** The least a one-time password must carry to be accepted at sealing. */
    public static final int MIN_PASSWORD_BITS = 100;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /**
     * The bundle's content; the passwords are the PKCS#12's and the trust store's. {@code lists}: each coded list's
     * file by its name ({@code HubSante.fait.csv}), its bytes as given; {@code acts}: the SMUR's {@code
     * actes-medicaments.json}, or null; {@code sealed}: when it was sealed (read from a bundle of {@link #FORMAT},
     * null otherwise and ignored at sealing: the seal stamps its own).
     */
    public record Contents(Map<String, String> settings, byte[] certificate, char[] certificatePassword, byte[] trustStore,
                           char[] trustStorePassword, Map<String, byte[]> lists, byte[] acts, Instant sealed) {
        public Contents {
            lists = lists == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(lists));
        }

        /** Settings and certificates only. */
        public Contents(Map<String, String> settings, byte[] certificate, char[] certificatePassword, byte[] trustStore,
                        char[] trustStorePassword) {
            this(settings, certificate, certificatePassword, trustStore, trustStorePassword, Map.of(), null, null);
        }

        /** With coded lists and the acts list ({@code acts} null when none). */
        public Contents(Map<String, String> settings, byte[] certificate, char[] certificatePassword, byte[] trustStore,
                        char[] trustStorePassword, Map<String, byte[]> lists, byte[] acts) {
            this(settings, certificate, certificatePassword, trustStore, trustStorePassword, lists, acts, null);
        }

        /** Whether it carries lists or acts (and so is sealed in {@link #FORMAT}). */
        public boolean carriesLists() {
            return !lists.isEmpty() || acts != null;
        }
    }

    /** Whether {@code fileName} names one of {@link #LISTS} as the tablet installs it ({@code HubSante.<list>.csv} or {@code <list>.csv}). */
    public static Optional<String> listOf(String fileName) {
        return LISTS.stream().filter(id -> fileName.equalsIgnoreCase("HubSante." + id + ".csv")
                || fileName.equalsIgnoreCase(id + ".csv")).findFirst();
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

    /**
     * A new one-time password: {@value #PASSWORD_SYMBOLS} symbols from {@link #ALPHABET} (120 bits from
     * {@link SecureRandom}), in groups of {@value #GROUP} joined by '-': {@code K7QM-3XRT-...}. Shown once.
     */
    public static char[] newOneTimePassword() {
        char[] out = new char[PASSWORD_SYMBOLS + PASSWORD_SYMBOLS / GROUP - 1];
        int at = 0;
        for (int i = 0; i < PASSWORD_SYMBOLS; i++) {
            if (i > 0 && i % GROUP == 0) {
                out[at++] = '-';
            }
            out[at++] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return out;
    }

    /**
     * The password as typed, in the form it was drawn: groups' dashes and spaces dropped, lower case read as
     * upper case. Anything else is kept, so that a wrong character stays wrong.
     */
    static char[] normalized(char[] typed) {
        StringBuilder out = new StringBuilder(typed.length);
        for (char c : typed) {
            if (c != '-' && c != ' ' && c != '\t') {
                out.append(Character.toUpperCase(c));
            }
        }
        char[] chars = new char[out.length()];
        out.getChars(0, out.length(), chars, 0);
        out.setLength(0);
        return chars;
    }

    /**
     * Seals {@code contents} under {@code oneTimePassword}, which must be one {@link #newOneTimePassword()} drew
     * (at least {@value #MIN_PASSWORD_BITS} bits of its alphabet: a password a person chose is refused), until
     * {@code expires}.
     */
    public static String seal(Contents contents, char[] oneTimePassword, Instant expires) {
        char[] password = oneTimePassword == null ? new char[0] : normalized(oneTimePassword);
        boolean drawn = password.length * 5 >= MIN_PASSWORD_BITS;
        for (char c : password) {
            drawn &= ALPHABET.indexOf(c) >= 0;
        }
        if (!drawn) {
            Arrays.fill(password, '\0');
            throw new IllegalArgumentException("one-time password refused: it must be one `signing provision` draws ("
                    + MIN_PASSWORD_BITS + " bits or more from " + ALPHABET + "), never one a person chose");
        }
        if (expires == null) {
            throw new IllegalArgumentException("a bundle needs an expiry date");
        }
        String expiry = expires.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        Properties inner = new Properties();
        contents.settings().forEach(inner::setProperty);
        Base64.Encoder b64 = Base64.getEncoder();
        inner.setProperty("certificate.p12", b64.encodeToString(contents.certificate()));
        inner.setProperty("certificate.password", new String(contents.certificatePassword()));
        inner.setProperty("truststore.p12", b64.encodeToString(contents.trustStore()));
        inner.setProperty("truststore.password", new String(contents.trustStorePassword()));
        String format = contents.carriesLists() ? FORMAT : FORMAT_WITHOUT_LISTS;
        if (contents.carriesLists()) {
            contents.lists().forEach((name, bytes) -> inner.setProperty(LIST + name, b64.encodeToString(bytes)));
            if (contents.acts() != null) {
                inner.setProperty(ACTS, b64.encodeToString(contents.acts()));
            }
            inner.setProperty(SEALED_AT, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        }
        Argon2Kdf kdf = Argon2Kdf.forOneTimePassword();
        byte[] key = kdf.derive(password);
        Arrays.fill(password, '\0');
        try {
            AesGcm.Sealed sealed = AesGcm.seal(key, associatedData(format, kdf, expiry), text(inner).getBytes(StandardCharsets.UTF_8));
            Map<String, String> outer = new LinkedHashMap<>();
            outer.put("format", format);
            outer.put("expires", expiry);
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

    /** Opens a bundle at {@code now} (the tablet's clock): refused with words when damaged, past its date, too dear, or the password is wrong. */
    public static Contents open(String text, char[] oneTimePassword, Instant now) throws Refused {
        Properties outer = new Properties();
        try {
            outer.load(new StringReader(text == null ? "" : text.strip()));
        } catch (IOException | IllegalArgumentException e) {
            throw new Refused(Refused.Field.BUNDLE, "not a provisioning bundle (" + e.getMessage() + ")");
        }
        if ("opensmur-provisioning/1".equals(outer.getProperty("format"))) {
            throw new Refused(Refused.Field.BUNDLE, "this bundle was made by an earlier version (no expiry date, a password"
                    + " a person chose): make a new one with signing provision");
        }
        String format = outer.getProperty("format");
        if (!FORMAT.equals(format) && !FORMAT_WITHOUT_LISTS.equals(format)) {
            throw new Refused(Refused.Field.BUNDLE, "not a provisioning bundle of this tablet (format "
                    + outer.getProperty("format", "none") + ")");
        }
        String expiry = outer.getProperty("expires", "");
        Instant expires;
        try {
            expires = Instant.parse(expiry);
        } catch (DateTimeParseException e) {
            throw new Refused(Refused.Field.BUNDLE, "the bundle is damaged (cut short or altered): its expiry date '"
                    + expiry + "' cannot be read");
        }
        if (expires.isAfter(now.plus(java.time.Duration.ofDays(MAX_VALID_DAYS + 1)))) {
            // signing provision never seals one that lives longer: a bundle that lives long is a bundle that leaks
            throw new Refused(Refused.Field.BUNDLE, "this bundle says it can be imported until " + DAY.format(expires)
                    + ", more than " + MAX_VALID_DAYS + " days away: not one signing provision made; ask the integrator for a new one");
        }
        if (!now.isBefore(expires)) {
            throw new Refused(Refused.Field.BUNDLE, "this bundle expired on " + DAY.format(expires) + " (it is "
                    + DAY.format(now) + " by this tablet's clock): ask the integrator for a new one");
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
            int memory = Integer.parseInt(k[0]);
            int iterations = Integer.parseInt(k[1]);
            int parallelism = Integer.parseInt(k[2]);
            // Bounded before anything is derived: a bundle must not make the tablet spend gigabytes or hours.
            if (memory > MAX_MEMORY_KIB || iterations > MAX_ITERATIONS || parallelism > MAX_PARALLELISM) {
                throw new Refused(Refused.Field.BUNDLE, "the bundle asks for " + memory / 1024 + " MiB, " + iterations
                        + " passes and " + parallelism + " lanes to open; this tablet gives at most " + MAX_MEMORY_KIB / 1024
                        + " MiB, " + MAX_ITERATIONS + " passes and " + MAX_PARALLELISM + " lanes: refused");
            }
            kdf = new Argon2Kdf(memory, iterations, parallelism, b64.decode(k[3]));
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
        char[] password = normalized(oneTimePassword);
        byte[] key = kdf.derive(password);
        Arrays.fill(password, '\0');
        Properties inner = new Properties();
        try {
            inner.load(new StringReader(new String(AesGcm.open(key, nonce, associatedData(format, kdf, expiry), sealed), StandardCharsets.UTF_8)));
        } catch (AEADBadTagException e) {
            throw new Refused(Refused.Field.PASSWORD, "wrong one-time password (or a bundle altered since it was made)");
        } catch (IOException | IllegalArgumentException e) {
            throw new Refused(Refused.Field.BUNDLE, "the bundle cannot be read: " + e.getMessage());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        Base64.Decoder b64 = Base64.getDecoder();
        Map<String, String> settings = new TreeMap<>();
        Map<String, byte[]> lists = new TreeMap<>();
        for (String name : inner.stringPropertyNames()) {
            if (!name.contains(".")) {
                settings.put(name, inner.getProperty(name));
            } else if (name.startsWith(LIST)) {
                try {
                    lists.put(name.substring(LIST.length()), b64.decode(inner.getProperty(name)));
                } catch (IllegalArgumentException e) {
                    throw new Refused(Refused.Field.BUNDLE, "the bundle's list " + name.substring(LIST.length()) + " cannot be read: "
                            + e.getMessage());
                }
            }
        }
        byte[] acts;
        try {
            acts = inner.getProperty(ACTS) == null ? null : b64.decode(inner.getProperty(ACTS));
        } catch (IllegalArgumentException e) {
            throw new Refused(Refused.Field.BUNDLE, "the bundle's acts list cannot be read: " + e.getMessage());
        }
        Instant sealedAt;
        try {
            sealedAt = inner.getProperty(SEALED_AT) == null ? null : Instant.parse(inner.getProperty(SEALED_AT));
        } catch (DateTimeParseException e) {
            throw new Refused(Refused.Field.BUNDLE, "the bundle's sealing date cannot be read: " + e.getMessage());
        }
        try {
            return new Contents(settings, b64.decode(inner.getProperty("certificate.p12", "")),
                    inner.getProperty("certificate.password", "").toCharArray(), b64.decode(inner.getProperty("truststore.p12", "")),
                    inner.getProperty("truststore.password", "").toCharArray(), lists, acts, sealedAt);
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

    /** The bundle's own format is bound: lowered in the file to the previous one (whose tablets ignore lists), it breaks the seal. */
    private static byte[] associatedData(String format, Argon2Kdf kdf, String expiry) {
        return (format + ";" + kdf.describe() + ";expires=" + expiry).getBytes(StandardCharsets.UTF_8);
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
