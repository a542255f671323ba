package org.opensmur.signing;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106), the memory-hard derivation of a key from what a person types (the crew's PIN wraps the
 * store's key; a one-time password seals a provisioning bundle). Its parameters travel with what it protects
 * (never the secret): a store keeps the cost it was created with, and a new PIN may be given a new cost.
 *
 * @param memoryKiB   memory per guess: what makes guessing on a graphics card or a chip as dear as here
 * @param iterations  passes over that memory: what makes one guess last
 * @param parallelism lanes (1: a tablet's other cores keep the screen and the radio going)
 * @param salt        16 random bytes, new for every wrapping
 */
public record Argon2Kdf(int memoryKiB, int iterations, int parallelism, byte[] salt) {

    /** For a PIN: 64 MiB, the most a tablet app can take for a moment without risk of being killed. */
    public static final int PIN_MEMORY_KIB = 64 * 1024;
    /** A PIN's floor whatever the calibration says (RFC 9106's second recommended option is 64 MiB, 3 passes). */
    public static final int PIN_MIN_ITERATIONS = 3;
    static final int MAX_ITERATIONS = 64;
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    public Argon2Kdf {
        if (memoryKiB < 8 * parallelism || iterations < 1 || parallelism < 1 || salt == null || salt.length < 16) {
            throw new IllegalArgumentException("Argon2id parameters out of range: memory " + memoryKiB + " KiB, iterations "
                    + iterations + ", parallelism " + parallelism);
        }
        salt = salt.clone();
    }

    /**
     * For a secret a machine wrote (a file of random bytes): OWASP's minimum (19 MiB, 2 passes), since such a
     * secret is not guessed; a weak one written by hand still costs each guess that much.
     */
    public static Argon2Kdf forSecret() {
        return new Argon2Kdf(19 * 1024, 2, 1, newSalt());
    }

    /**
     * For a PIN: 64 MiB and as many passes as make one guess last at least {@code target} on this device
     * (measured here, since the tablet that creates the store is the one that will be attacked), with a fifth
     * more for safety, never fewer than {@link #PIN_MIN_ITERATIONS}.
     */
    public static Argon2Kdf calibratedForPin(Duration target) {
        char[] probe = "calibration".toCharArray();
        long wanted = target.toNanos() + target.toNanos() / 5; // a fifth more: the JIT keeps making it faster
        int iterations = PIN_MIN_ITERATIONS;
        // Time the very parameters chosen and raise them until a guess lasts long enough: a pass's cost
        // drops as the JIT compiles the code, so an estimate from early runs leaves a guess too cheap.
        for (int round = 0; round < 6 && iterations < MAX_ITERATIONS; round++) {
            Argon2Kdf trial = new Argon2Kdf(PIN_MEMORY_KIB, iterations, 1, newSalt());
            // The quicker of two runs: a run slowed by something else on the device (another app, a test
            // beside it) would choose too few passes, and every later guess would be cheaper than the goal.
            long took = Long.MAX_VALUE;
            for (int run = 0; run < 2; run++) {
                long start = System.nanoTime();
                trial.derive(probe);
                took = Math.max(1, Math.min(took, System.nanoTime() - start));
            }
            if (took >= wanted && round > 0) {
                break;
            }
            iterations = (int) Math.min(MAX_ITERATIONS, Math.max(iterations + 1, (iterations * wanted + took - 1) / took));
        }
        return new Argon2Kdf(PIN_MEMORY_KIB, iterations, 1, newSalt());
    }

    /**
     * For a one-time password a person types to open a provisioning bundle: a PIN's floor (64 MiB, 3 passes),
     * fixed, since the machine that seals is not the tablet that opens.
     */
    public static Argon2Kdf forOneTimePassword() {
        return new Argon2Kdf(PIN_MEMORY_KIB, PIN_MIN_ITERATIONS, 1, newSalt());
    }

    /** The same cost with a new salt (a new PIN is never wrapped with the old salt). */
    public Argon2Kdf withNewSalt() {
        return new Argon2Kdf(memoryKiB, iterations, parallelism, newSalt());
    }

    /** 32 bytes derived from {@code secret}; the caller wipes them. */
    public byte[] derive(char[] secret) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build());
        byte[] out = new byte[KEY_BYTES];
        generator.generateBytes(secret, out);
        return out;
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    /** What the parameters are, for the associated data of the wrapping: a cost lowered in the file breaks it. */
    public String describe() {
        return "argon2id;v=19;m=" + memoryKiB + ";t=" + iterations + ";p=" + parallelism;
    }

    private static byte[] newSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return salt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Argon2Kdf k && k.memoryKiB == memoryKiB && k.iterations == iterations
                && k.parallelism == parallelism && Arrays.equals(k.salt, salt);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(salt) * 31 + describe().hashCode();
    }

    @Override
    public String toString() {
        return describe(); // the salt is not secret, but nothing needs it in a log
    }
}
