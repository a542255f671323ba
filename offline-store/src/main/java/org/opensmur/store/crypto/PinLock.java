package org.opensmur.store.crypto;

import org.opensmur.core.tablet.PinGate;
import org.opensmur.signing.Argon2Kdf;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongSupplier;
import javax.crypto.SecretKey;
import org.opensmur.store.db.OwnerOnly;
import org.opensmur.store.db.StoreException;

/**
 * The crew's PIN, the tablet's way of opening its store: 6 digits or more, Argon2id sized so that one guess
 * costs at least {@link #GUESS_COST} on the tablet that set it. A wrong PIN makes the next try wait longer
 * (1, 2, 4 … 300 s; the count survives a restart) and never wipes anything: losing a mission is worse than a
 * slow unlock. Changing the PIN rewraps the key only.
 */
public final class PinLock implements PinGate<StoreKeyProvider> {

    public static final Duration GUESS_COST = Duration.ofMillis(500);
    static final String FAILURES = "unlock-failures";
    private static final long MAX_WAIT_SECONDS = 300;
    /** Past this many the wait is the longest anyway; the count stops there instead of overflowing. */
    static final int MAX_COUNTED_FAILURES = 1_000_000;
    private static final int UNREADABLE_FAILURES = 5;

    private final Path folder;
    private final LongSupplier nanoTime;
    private final Duration guessCost;
    private final KeyCosts costs;
    private int failures;
    private long lastFailureNanos;

    public PinLock(Path storeFolder) {
        this(storeFolder, System::nanoTime, GUESS_COST);
    }

    /** {@code nanoTime}: a monotonic clock (the wall clock can be set back to skip a wait). */
    public PinLock(Path storeFolder, LongSupplier nanoTime, Duration guessCost) {
        this(storeFolder, nanoTime, guessCost, KeyCosts.PRODUCTION);
    }

    /** {@code costs}: how a new PIN's cost is chosen ({@link KeyCosts#PRODUCTION} but in tests not about the cost). */
    public PinLock(Path storeFolder, LongSupplier nanoTime, Duration guessCost, KeyCosts costs) {
        this.folder = storeFolder;
        this.nanoTime = nanoTime;
        this.guessCost = guessCost;
        this.costs = costs;
        this.failures = readFailures();
        this.lastFailureNanos = nanoTime.getAsLong(); // after a restart the whole wait starts again
    }

    /** Whether a PIN was chosen (the key file exists); if not, the crew chooses one first. */
    @Override
    public boolean isSetUp() {
        return Files.exists(StoreKeyFile.in(folder));
    }

    @Override
    public PinProblem problemWith(char[] pin) {
        if (pin.length < MIN_DIGITS) {
            return PinProblem.TOO_SHORT;
        }
        for (char c : pin) {
            if (c < '0' || c > '9') {
                return PinProblem.NOT_DIGITS;
            }
        }
        for (char c : pin) {
            if (c != pin[0]) {
                return common(pin) ? PinProblem.COMMON : null;
            }
        }
        return PinProblem.ONE_DIGIT_REPEATED;
    }

    /**
     * The PINs tried first by anyone who guesses, as studies of chosen PINs rank them: runs up or down
     * (wrapping past 9), one block of two or three digits repeated, digits doubled along a run (112233),
     * and straight lines or crosses drawn on the keypad.
     */
    private static final java.util.Set<String> KEYPAD_LINES = java.util.Set.of("159753", "357159", "147258", "258369",
            "369258", "852147", "147852", "963852", "789456", "456789123", "147258369", "258456", "852456", "456852",
            "741852", "963741", "321654", "654987");

    static boolean common(char[] pin) {
        String text = new String(pin);
        for (String line : KEYPAD_LINES) {
            if (text.startsWith(line) || line.startsWith(text)) {
                return true;
            }
        }
        if (run(pin, 1, 1) || run(pin, 9, 1) || (pin.length % 2 == 0 && (run(pin, 1, 2) || run(pin, 9, 2)))) {
            return true;
        }
        for (int period = 2; period <= 3; period++) {
            boolean repeats = true;
            for (int i = period; i < pin.length && repeats; i++) {
                repeats = pin[i] == pin[i - period];
            }
            if (repeats) {
                return true;
            }
        }
        return false;
    }

    /** Each group of {@code width} equal digits, the next group {@code step} further (mod 10): 123456, 112233, 987654. */
    private static boolean run(char[] pin, int step, int width) {
        for (int i = 0; i < pin.length; i++) {
            char expected = i % width == 0 && i > 0 ? (char) ('0' + (pin[i - 1] - '0' + step) % 10) : i > 0 ? pin[i - 1] : pin[0];
            if (pin[i] != expected) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first PIN. The costly part (calibrating Argon2id on this device, wrapping a new key) is done here,
     * on the caller's thread; the key file is written when the store first opens with the provider returned,
     * so that a key file never exists without its database. Refused when a PIN exists already.
     */
    @Override
    public StoreKeyProvider choose(char[] pin) {
        PinProblem problem = problemWith(pin);
        if (problem != null) {
            throw new IllegalArgumentException("PIN refused: " + problem.rule());
        }
        if (isSetUp()) {
            throw new IllegalStateException("a PIN is set already: change it instead");
        }
        SecretKey key = StoreKeyFile.newDataKey();
        StoreKeyFile.Content content = StoreKeyFile.wrap(StoreKeyFile.UnlockedBy.PIN, costs.forPin(guessCost), pin, key);
        return storeFolder -> {
            if (isSetUp()) {
                throw new StoreException(StoreException.Kind.OTHER, "a PIN was set for " + folder + " in the meantime");
            }
            OwnerOnly.folder(folder);
            StoreKeyFile.write(StoreKeyFile.in(folder), content);
            return new Vault(key);
        };
    }

    /** Tries {@code pin}; on success the provider gives the store's key without deriving again. */
    @Override
    public synchronized Attempt<StoreKeyProvider> unlock(char[] pin) {
        return tryPin(pin).attempt();
    }

    /** A new PIN for the same key: the old one must open it first (same waits); the data is not touched. */
    public synchronized Attempt<StoreKeyProvider> change(char[] oldPin, char[] newPin) {
        PinProblem problem = problemWith(newPin);
        if (problem != null) {
            throw new IllegalArgumentException("PIN refused: " + problem.rule());
        }
        Tried tried = tryPin(oldPin);
        if (tried.key() != null) { // the key the old PIN opened is rewrapped: one derivation, not two
            Argon2Kdf kdf = tried.content().kdf();
            StoreKeyFile.write(StoreKeyFile.in(folder), StoreKeyFile.wrap(StoreKeyFile.UnlockedBy.PIN,
                    kdf.iterations() >= Argon2Kdf.PIN_MIN_ITERATIONS ? kdf.withNewSalt() : costs.forPin(guessCost),
                    newPin, tried.key()));
        }
        return tried.attempt();
    }

    /** What one try gave, with the key and the file it came from when the PIN was right. */
    private record Tried(Attempt<StoreKeyProvider> attempt, SecretKey key, StoreKeyFile.Content content) {
    }

    private Tried tryPin(char[] pin) {
        Duration wait = waitBeforeNextTry();
        if (!wait.isZero()) {
            return new Tried(new Attempt.TooSoon<>(wait), null, null);
        }
        StoreKeyFile.Content content = StoreKeyFile.read(StoreKeyFile.in(folder)).orElseThrow(() ->
                new StoreException(StoreException.Kind.MISSING, "no PIN is set for " + folder));
        if (content.unlockedBy() != StoreKeyFile.UnlockedBy.PIN) {
            throw new StoreException(StoreException.Kind.WRONG_SECRET, "this store is opened with OPENSMUR_STORE_SECRET"
                    + " (file:), not with a PIN");
        }
        try {
            SecretKey key = StoreKeyFile.unwrap(content, pin);
            failures = 0;
            writeFailures();
            Vault vault = new Vault(key);
            return new Tried(new Attempt.Opened<>(storeFolder -> vault), key, content);
        } catch (StoreException e) {
            if (e.kind() != StoreException.Kind.WRONG_SECRET) {
                throw e;
            }
            failures = Math.min(failures + 1, MAX_COUNTED_FAILURES); // saturates: an overflow would wait nothing
            lastFailureNanos = nanoTime.getAsLong();
            writeFailures();
            return new Tried(new Attempt.Wrong<>(failures, delayAfter(failures)), null, null);
        }
    }

    /** How long the next try must wait (zero: now). */
    @Override
    public synchronized Duration waitBeforeNextTry() {
        if (failures == 0) {
            return Duration.ZERO;
        }
        long elapsed = nanoTime.getAsLong() - lastFailureNanos;
        long left = delayAfter(failures).toNanos() - elapsed;
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    public synchronized int failures() {
        return failures;
    }

    static Duration delayAfter(int failures) {
        return failures <= 0 ? Duration.ZERO : Duration.ofSeconds(Math.min(MAX_WAIT_SECONDS, 1L << Math.min(failures - 1, 20)));
    }

    private int readFailures() {
        Path file = folder.resolve(FAILURES);
        try {
            if (!Files.exists(file)) {
                return 0;
            }
            long counted = Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).strip());
            // A count below zero (or above what we write) was not written by us: not a reason to skip the wait.
            return counted < 0 ? UNREADABLE_FAILURES : (int) Math.min(counted, MAX_COUNTED_FAILURES);
        } catch (IOException | NumberFormatException e) {
            return UNREADABLE_FAILURES; // unreadable: not a reason to let guesses through without a wait
        }
    }

    private void writeFailures() {
        Path file = folder.resolve(FAILURES);
        try {
            if (failures == 0) {
                Files.deleteIfExists(file);
                return;
            }
            OwnerOnly.createFile(file);
            Files.writeString(file, Integer.toString(failures), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot record the failed PIN try in " + file + ": " + e.getMessage(), e);
        }
    }
}
