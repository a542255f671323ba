package org.opensmur.store.crypto;

import org.opensmur.signing.Argon2Kdf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.store.db.StoreException;
import org.opensmur.store.testing.TestKeys;

/** The store's key: wrapped under a PIN (Argon2id) or a secret file, opened by nothing else. */
class StoreKeyTest {

    @TempDir
    Path dir;

    /** A monotonic clock the test moves: the waits after a wrong PIN are checked without sleeping. */
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    /** A PIN lock whose new PINs get the cheap cost: these tests are about the waits, the wrapping and the files. */
    private PinLock lock() {
        return new PinLock(dir, nanos::get, Duration.ofMillis(1), TestKeys.CHEAP);
    }

    /** Production's costs with the least calibration (the floor: 3 passes of 64 MiB), for the tests about the cost. */
    private PinLock productionLock() {
        return new PinLock(dir, nanos::get, Duration.ofMillis(1));
    }

    private static Vault opened(PinLock.Attempt<StoreKeyProvider> attempt) {
        assertInstanceOf(PinLock.Attempt.Opened.class, attempt);
        return ((PinLock.Attempt.Opened<StoreKeyProvider>) attempt).keys().open(Path.of("unused"));
    }

    @Test
    void aChosenPinOpensTheStoreAndAWrongOneWaitsLongerEachTimeWithoutWipingAnything() throws Exception {
        PinLock lock = lock();
        assertFalse(lock.isSetUp());
        Vault first = lock.choose("482916".toCharArray()).open(dir);
        byte[] sealed = first.seal("Mme DUPONT".getBytes(StandardCharsets.UTF_8), "row-1");
        assertTrue(lock.isSetUp());
        String keyFile = Files.readString(dir.resolve("store-key.json"));
        assertFalse(keyFile.contains("482916"), "the PIN is nowhere in the key file");

        PinLock.Attempt<StoreKeyProvider> wrong = lock.unlock("482917".toCharArray());
        assertEquals(new PinLock.Attempt.Wrong<>(1, Duration.ofSeconds(1)), wrong);
        assertInstanceOf(PinLock.Attempt.TooSoon.class, lock.unlock("482916".toCharArray()), "a try before the wait is refused");
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertEquals(new PinLock.Attempt.Wrong<>(2, Duration.ofSeconds(2)), lock.unlock("000001".toCharArray()));
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertEquals(3, assertInstanceOf(PinLock.Attempt.Wrong.class, lock.unlock("000002".toCharArray())).failures());

        // A restart does not reset the count, and its wait starts again from the restart.
        PinLock afterRestart = lock();
        assertEquals(3, afterRestart.failures());
        assertEquals(Duration.ofSeconds(4), afterRestart.waitBeforeNextTry());
        nanos.addAndGet(Duration.ofSeconds(4).toNanos());
        Vault again = opened(afterRestart.unlock("482916".toCharArray()));
        assertArrayEquals("Mme DUPONT".getBytes(StandardCharsets.UTF_8), again.open(sealed, "row-1"), "same data key");
        assertEquals(0, afterRestart.failures());
        assertFalse(Files.exists(dir.resolve(PinLock.FAILURES)));
    }

    @Test
    void aHugeOrNegativeFailureCountNeverMakesTheWaitVanish() throws Exception {
        lock().choose("482916".toCharArray()).open(dir);
        Files.writeString(dir.resolve(PinLock.FAILURES), Integer.toString(Integer.MAX_VALUE));
        PinLock saturated = lock();
        assertEquals(Duration.ofSeconds(300), saturated.waitBeforeNextTry(), "the longest wait, not none");
        nanos.addAndGet(Duration.ofSeconds(300).toNanos());
        PinLock.Attempt.Wrong<?> next = assertInstanceOf(PinLock.Attempt.Wrong.class, saturated.unlock("482917".toCharArray()));
        assertEquals(Duration.ofSeconds(300), next.nextTryIn(), "one more failure does not overflow into no wait");
        assertTrue(next.failures() > 0, "count " + next.failures());

        for (String written : new String[] {"-7", "99999999999999999999", "lots"}) {
            Files.writeString(dir.resolve(PinLock.FAILURES), written);
            assertTrue(lock().waitBeforeNextTry().compareTo(Duration.ofSeconds(1)) > 0, written + " must still make the crew wait");
        }
    }

    @Test
    @Tag("slow") // calibrates and times production's cost (several seconds of Argon2id): not in ./bin/test --quick
    void onePinGuessCostsHalfASecondOnTheDeviceThatChoseIt() {
        Argon2Kdf kdf = Argon2Kdf.calibratedForPin(PinLock.GUESS_COST);
        assertEquals(64 * 1024, kdf.memoryKiB());
        assertTrue(kdf.iterations() >= Argon2Kdf.PIN_MIN_ITERATIONS, kdf.toString());
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            long start = System.nanoTime();
            kdf.derive("000000".toCharArray());
            best = Math.min(best, System.nanoTime() - start);
        }
        // 10 % below the goal at most: the calibration's pass timing leaves out a guess's fixed costs
        assertTrue(best >= PinLock.GUESS_COST.toNanos() * 9 / 10, "a guess took " + best / 1_000_000 + " ms with " + kdf);
    }

    @Test
    void waitsGrowToFiveMinutesAndNoFurther() {
        assertEquals(Duration.ZERO, PinLock.delayAfter(0));
        assertEquals(Duration.ofSeconds(1), PinLock.delayAfter(1));
        assertEquals(Duration.ofSeconds(256), PinLock.delayAfter(9));
        assertEquals(Duration.ofSeconds(300), PinLock.delayAfter(10));
        assertEquals(Duration.ofSeconds(300), PinLock.delayAfter(1_000));
    }

    @Test
    void changingThePinRewrapsTheKeyAndLeavesTheDataAlone() throws Exception {
        PinLock lock = lock();
        Vault first = lock.choose("482916".toCharArray()).open(dir);
        byte[] sealed = first.seal("bilan".getBytes(StandardCharsets.UTF_8), "row-9");
        String before = Files.readString(dir.resolve("store-key.json"));

        assertInstanceOf(PinLock.Attempt.Wrong.class, lock.change("111112".toCharArray(), "73915820".toCharArray()));
        assertEquals(before, Files.readString(dir.resolve("store-key.json")), "a wrong old PIN changes nothing");
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertInstanceOf(PinLock.Attempt.Opened.class, lock.change("482916".toCharArray(), "73915820".toCharArray()));
        assertFalse(before.equals(Files.readString(dir.resolve("store-key.json"))));

        assertInstanceOf(PinLock.Attempt.Wrong.class, lock.unlock("482916".toCharArray()), "the old PIN opens nothing now");
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        Vault reopened = opened(lock.unlock("73915820".toCharArray()));
        assertArrayEquals("bilan".getBytes(StandardCharsets.UTF_8), reopened.open(sealed, "row-9"));
    }

    @Test
    void weakPinsAreRefusedWithTheReason() {
        PinLock lock = lock();
        assertEquals(PinLock.PinProblem.TOO_SHORT, lock.problemWith("12345".toCharArray()));
        assertEquals(PinLock.PinProblem.NOT_DIGITS, lock.problemWith("12345a".toCharArray()));
        assertEquals(PinLock.PinProblem.ONE_DIGIT_REPEATED, lock.problemWith("000000".toCharArray()));
        assertNull(lock.problemWith("104729".toCharArray()));
        for (String common : new String[] {"123456", "654321", "890123", "12345678", "121212", "123123", "112233", "998877",
                "159753", "147258", "789456", "147258369"}) {
            assertEquals(PinLock.PinProblem.COMMON, lock.problemWith(common.toCharArray()), common);
        }
        for (String fine : new String[] {"482916", "73915820", "306118", "739158", "120934", "246813", "112234"}) {
            assertNull(lock.problemWith(fine.toCharArray()), fine);
        }
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> lock().choose("1234".toCharArray()));
        assertTrue(refused.getMessage().contains("at least 6 digits"));
        assertFalse(Files.exists(dir.resolve("store-key.json")));
    }

    @Test
    void aKeyFileWhoseCostWasLoweredOpensNothing() throws Exception {
        productionLock().choose("482916".toCharArray()).open(dir);
        Path file = dir.resolve("store-key.json");
        String keyFile = Files.readString(file);
        assertTrue(keyFile.contains("\"memoryKiB\" : 65536") && !keyFile.contains("482916"), "a PIN's cost is 64 MiB, the PIN nowhere: "
                + keyFile);
        assertTrue(Integer.parseInt(keyFile.replaceAll("(?s).*\"iterations\" : (\\d+).*", "$1")) >= Argon2Kdf.PIN_MIN_ITERATIONS, keyFile);
        String lowered = Files.readString(file).replaceAll("\"iterations\" : \\d+", "\"iterations\" : 1");
        Files.writeString(file, lowered);
        assertInstanceOf(PinLock.Attempt.Wrong.class, productionLock().unlock("482916".toCharArray()),
                "the parameters are bound to the wrapping: a cheaper guess in the file is not a way in");
    }

    @Test
    void aPinStoreIsNotOpenedWithASecretNorTheOtherWayRound() {
        lock().choose("482916".toCharArray()).open(dir);
        StoreException bySecret = assertThrows(StoreException.class, () -> TestKeys.secret("x").open(dir));
        assertTrue(bySecret.getMessage().contains("PIN"), bySecret.getMessage());

        Path other = dir.resolve("other");
        TestKeys.secret("integrator secret").open(other);
        StoreException byPin = assertThrows(StoreException.class,
                () -> new PinLock(other, nanos::get, Duration.ofMillis(1), TestKeys.CHEAP).unlock("482916".toCharArray()));
        assertTrue(byPin.getMessage().contains("OPENSMUR_STORE_SECRET"), byPin.getMessage());
    }

    @Test
    void aSecretFileOthersCanReadIsRefusedAndOnlyFileIsAccepted() throws Exception {
        Path file = dir.resolve("secret");
        Files.writeString(file, "a long random secret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        IllegalArgumentException open = assertThrows(IllegalArgumentException.class, () -> StoreKeyProvider.fromSetting("file:" + file));
        assertTrue(open.getMessage().contains("OPENSMUR_STORE_SECRET") && open.getMessage().contains("rw-r--r--"), open.getMessage());

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertNotNull(StoreKeyProvider.fromSetting("file:" + file).open(dir.resolve("store")));
        // A setting has production's cost for a secret (OWASP's minimum): no setting makes it cheaper.
        String keyFile = Files.readString(dir.resolve("store").resolve("store-key.json"));
        assertTrue(keyFile.contains("\"memoryKiB\" : 19456") && keyFile.contains("\"iterations\" : 2"), keyFile);

        for (String setting : new String[] {"env:OPENSMUR_SECRET", "console", "demo-secret", ""}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> StoreKeyProvider.fromSetting(setting));
            assertTrue(refused.getMessage().contains("OPENSMUR_STORE_SECRET"), refused.getMessage());
        }
        Path empty = dir.resolve("empty");
        Files.writeString(empty, "\n");
        Files.setPosixFilePermissions(empty, PosixFilePermissions.fromString("rw-------"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StoreKeyProvider.fromSetting("file:" + empty))
                .getMessage().contains("empty"));
    }

    @Test
    void aStoreOfAnEarlierVersionIsMovedToTheNewKeyFileWithItsKey() throws Exception {
        char[] secret = "integrator secret".toCharArray();
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        SecretKey key = generator.generateKey();
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        p12.load(null, null);
        p12.setEntry("opensmur-store", new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(secret));
        try (OutputStream out = Files.newOutputStream(dir.resolve("store-key.p12"))) {
            p12.store(out, secret);
        }
        byte[] sealed = new Vault(key).seal("mission".getBytes(StandardCharsets.UTF_8), "row-3");

        assertThrows(StoreException.class, () -> TestKeys.secret("wrong").open(dir));
        assertTrue(Files.exists(dir.resolve("store-key.p12")), "a wrong secret moves nothing");

        Vault moved = TestKeys.secret(secret).open(dir);
        assertArrayEquals("mission".getBytes(StandardCharsets.UTF_8), moved.open(sealed, "row-3"));
        assertFalse(Files.exists(dir.resolve("store-key.p12")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("store-key.json"))));
        Vault reopened = TestKeys.secret(secret).open(dir);
        assertArrayEquals("mission".getBytes(StandardCharsets.UTF_8), reopened.open(sealed, "row-3"));
    }
}
