package org.opensmur.oru.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.opensmur.oru.store.OruStore;

/**
 * The dashboard's users: a name, a role, and an Argon2id hash of the password (BouncyCastle, the library
 * the tablet's PIN uses) in the PHC string format ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}).
 */
public final class Users {

    public enum Role {
        /** Figures and records without identities. */
        VIEWER,
        /** Also identities, exports with identities, the audit log. */
        ADMINISTRATOR;

        public static Role named(String name) {
            return valueOf(name.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** Argon2id's costs: memory in KiB, passes, lanes. */
    public record Cost(int memoryKib, int iterations, int parallelism) {
        /** OWASP's first recommendation for Argon2id: 19 MiB, 2 passes, 1 lane. */
        public static final Cost DEFAULT = new Cost(19 * 1024, 2, 1);
    }

    public record User(String name, Role role) {
    }

    /**
     * A user as stored now, with a stamp of its password's hash: a session keeps the stamp of its login and
     * ends when it no longer matches (the password was changed).
     */
    public record Current(User user, String passwordStamp) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Checked when a name is unknown, so that the time taken does not say which names exist. */
    private final String decoy;
    private final OruStore store;
    private final Cost cost;

    public Users(OruStore store, Cost cost) {
        this.store = store;
        this.cost = cost;
        this.decoy = hash("decoy".toCharArray(), cost);
    }

    public void add(String name, char[] password, Role role) {
        if (password.length < 10) {
            throw new IllegalArgumentException("a password of at least 10 characters is needed");
        }
        String hash = hash(password, cost);
        if (store.update("UPDATE app_user SET password_hash = ?, role = ? WHERE name = ?", hash, role.name(), name) == 0) {
            store.update("INSERT INTO app_user (name, password_hash, role) VALUES (?, ?, ?)", name, hash, role.name());
        }
    }

    /** Removes {@code name}; false when there was no such user. Its open sessions end at their next request. */
    public boolean remove(String name) {
        return store.update("DELETE FROM app_user WHERE name = ?", name) > 0;
    }

    public boolean any() {
        return !store.query("SELECT name FROM app_user LIMIT 1", r -> r.getString(1)).isEmpty();
    }

    /** The user {@code name} as stored now (its role, its password's stamp), or empty when there is none. */
    public Optional<Current> current(String name) {
        List<Current> rows = store.query("SELECT password_hash, role FROM app_user WHERE name = ?",
                r -> new Current(new User(name, Role.valueOf(r.getString(2))), stamp(r.getString(1))), name);
        return rows.stream().findFirst();
    }

    /** A digest of the PHC string: a new password (a new salt) makes a new stamp; nothing of the hash kept in memory. */
    private static String stamp(String phc) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(phc.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The user, when the password is theirs. */
    public Optional<User> check(String name, char[] password) {
        List<String[]> rows = store.query("SELECT password_hash, role FROM app_user WHERE name = ?",
                r -> new String[] {r.getString(1), r.getString(2)}, name);
        if (rows.isEmpty()) {
            verify(decoy, password);
            return Optional.empty();
        }
        return verify(rows.get(0)[0], password) ? Optional.of(new User(name, Role.valueOf(rows.get(0)[1]))) : Optional.empty();
    }

    static String hash(char[] password, Cost cost) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, cost.memoryKib(), cost.iterations(), cost.parallelism(), 32);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + cost.memoryKib() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    static boolean verify(String phc, char[] password) {
        String[] parts = phc.split("\\$");
        if (parts.length != 6 || !parts[1].equals("argon2id")) {
            return false;
        }
        int m = 0;
        int t = 0;
        int p = 0;
        for (String param : parts[3].split(",")) {
            String[] kv = param.split("=");
            switch (kv[0]) {
                case "m" -> m = Integer.parseInt(kv[1]);
                case "t" -> t = Integer.parseInt(kv[1]);
                case "p" -> p = Integer.parseInt(kv[1]);
                default -> { }
            }
        }
        byte[] salt = Base64.getDecoder().decode(parts[4]);
        byte[] expected = Base64.getDecoder().decode(parts[5]);
        return MessageDigest.isEqual(expected, derive(password, salt, m, t, p, expected.length));
    }

    private static byte[] derive(char[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(memoryKib).withIterations(iterations).withParallelism(parallelism).build());
        byte[] out = new byte[length];
        byte[] bytes = new String(password).getBytes(StandardCharsets.UTF_8);
        generator.generateBytes(bytes, out);
        java.util.Arrays.fill(bytes, (byte) 0);
        return out;
    }
}
