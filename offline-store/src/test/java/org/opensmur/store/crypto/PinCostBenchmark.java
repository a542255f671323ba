package org.opensmur.store.crypto;

import org.opensmur.signing.Argon2Kdf;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Arrays;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/**
 * What one guess at the PIN costs an attacker who copied the store, with the parameters the tablet
 * calibrates for itself ({@link PinLock#GUESS_COST}), beside the key file of earlier versions (PKCS#12,
 * PBKDF2 at 10,000 iterations) guessed the same way in the same run. Prints the seconds per guess, the
 * ratio, and what an exhaustive search of 6 and 8 digits takes on one core like this one.
 * Run: bin/bench pin
 */
public final class PinCostBenchmark {

    private static final int GUESSES = 5;

    private PinCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Argon2Kdf kdf = Argon2Kdf.calibratedForPin(PinLock.GUESS_COST);
        Path dir = Files.createTempDirectory("pin-bench");
        try {
            Path folder = dir.resolve("store");
            new PinLock(folder).choose("482916".toCharArray()).open(folder);
            StoreKeyFile.Content content = StoreKeyFile.read(StoreKeyFile.in(folder)).orElseThrow();

            double argon = perGuess(() -> guess(content, "000000".toCharArray()));
            byte[] legacy = legacyKeyFile("482916".toCharArray());
            double pbkdf2 = perGuess(() -> guessLegacy(legacy, "000000".toCharArray()));

            System.out.printf("pin kdf: %s (calibrated here for >= %d ms a guess)%n", content.kdf(), PinLock.GUESS_COST.toMillis());
            System.out.printf("pin guess: argon2id %.3f s, earlier PKCS#12/PBKDF2 %.4f s, ratio %.0fx%n", argon, pbkdf2, argon / pbkdf2);
            System.out.printf("pin guess goal (>= %.1f s on this device): %s%n", PinLock.GUESS_COST.toMillis() / 1000.0,
                    argon >= PinLock.GUESS_COST.toMillis() / 1000.0 ? "met" : "NOT met");
            System.out.printf("exhaustive search on one such core: 6 digits %s (was %s), 8 digits %s%n",
                    human(argon * 1e6), human(pbkdf2 * 1e6), human(argon * 1e8));
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Each guess timed alone; the median of {@link #GUESSES} after one untimed warm-up. */
    private static double perGuess(Runnable guess) {
        guess.run();
        double[] seconds = new double[GUESSES];
        for (int i = 0; i < GUESSES; i++) {
            long start = System.nanoTime();
            guess.run();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds[GUESSES / 2];
    }

    private static void guess(StoreKeyFile.Content content, char[] pin) {
        try {
            StoreKeyFile.unwrap(content, pin);
            throw new IllegalStateException("a wrong PIN opened the key");
        } catch (org.opensmur.store.db.StoreException expected) {
            // wrong, as an attacker's guesses mostly are
        }
    }

    private static byte[] legacyKeyFile(char[] pin) throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        SecretKey key = generator.generateKey();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setEntry("opensmur-store", new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(pin));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = bytes) {
            store.store(out, pin);
        }
        return bytes.toByteArray();
    }

    private static void guessLegacy(byte[] file, char[] pin) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new java.io.ByteArrayInputStream(file), pin);
            throw new IllegalStateException("a wrong PIN opened the key");
        } catch (java.io.IOException expected) {
            // the integrity check failed: a wrong guess
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String human(double seconds) {
        Duration d = Duration.ofSeconds((long) seconds);
        if (d.toDays() >= 365) {
            return String.format("%.1f years", d.toDays() / 365.0);
        }
        if (d.toDays() >= 1) {
            return String.format("%.1f days", seconds / 86_400);
        }
        if (d.toHours() >= 1) {
            return String.format("%.1f hours", seconds / 3_600);
        }
        return String.format("%.0f s", seconds);
    }
}
