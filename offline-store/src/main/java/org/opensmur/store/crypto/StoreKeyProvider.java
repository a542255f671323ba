package org.opensmur.store.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.opensmur.store.db.StoreException;

/**
 * Where the key that opens the store comes from. One interface for every platform: the crew's PIN
 * ({@link PinLock}, the tablet's way), or a secret an integrator gives for unattended runs
 * ({@link #fromSetting}: {@code OPENSMUR_STORE_SECRET=file:PATH}). Either way the data key is random and
 * kept wrapped in {@code store-key.json}; the PIN or the secret is kept nowhere.
 */
@FunctionalInterface
public interface StoreKeyProvider {

    /** The store's key in {@code storeFolder}: unwrapped, or made and wrapped on the store's first opening. */
    Vault open(Path storeFolder);

    /** A secret a program holds (tests, the headless demo's random secret): Argon2id at OWASP's minimum. */
    static StoreKeyProvider secret(char[] secret) {
        return new SecretKeyProvider(secret, KeyCosts.PRODUCTION);
    }

    /** The same, a new store's key wrapped at {@code costs} (a cheap one in the tests that are not about the cost). */
    static StoreKeyProvider secret(char[] secret, KeyCosts costs) {
        return new SecretKeyProvider(secret, costs);
    }

    /**
     * {@code OPENSMUR_STORE_SECRET}'s value. Only {@code file:PATH}, whose first line is the secret and which
     * its owner alone may read (0600 or stricter): a secret in the environment is seen by every child process
     * and in crash reports, and a tablet has no console to type one on.
     */
    static StoreKeyProvider fromSetting(String setting) {
        if (setting == null || setting.isBlank()) {
            throw new IllegalArgumentException("OPENSMUR_STORE_SECRET is not set (file:PATH), and no PIN was asked for");
        }
        if (!setting.startsWith("file:")) {
            throw new IllegalArgumentException("OPENSMUR_STORE_SECRET must be file:PATH (a file readable by its owner only);"
                    + " env: and console are refused for the store");
        }
        return new SecretKeyProvider(readSecretFile(Path.of(setting.substring("file:".length()))), KeyCosts.PRODUCTION);
    }

    /** A secret file's first line, refused when others may read the file or when it is empty. */
    static char[] readSecretFile(Path file) {
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
                Set<PosixFilePermission> others = EnumSet.copyOf(mode);
                others.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
                if (!others.isEmpty()) {
                    throw new IllegalArgumentException("OPENSMUR_STORE_SECRET: " + file + " has mode "
                            + PosixFilePermissions.toString(mode) + ": refused, others may read it (chmod 600 " + file + ")");
                }
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            char[] secret = (end < 0 ? text : text.substring(0, end)).strip().toCharArray();
            if (secret.length == 0) {
                throw new IllegalArgumentException("OPENSMUR_STORE_SECRET: " + file + " is empty: refused");
            }
            return secret;
        } catch (IOException e) {
            throw new IllegalArgumentException("OPENSMUR_STORE_SECRET: cannot read " + file + " (" + e.getMessage() + ")", e);
        }
    }

    /** An integrator's or a program's secret; also moves a store of an earlier version to the new key file. */
    final class SecretKeyProvider implements StoreKeyProvider {

        private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StoreKeyProvider.class);
        private final char[] secret;
        private final KeyCosts costs;

        private SecretKeyProvider(char[] secret, KeyCosts costs) {
            if (secret == null || secret.length == 0 || new String(secret).isBlank()) {
                throw new StoreException(StoreException.Kind.OTHER, "the store's secret is empty: refused (give it with"
                        + " OPENSMUR_STORE_SECRET=file:PATH, a file readable by its owner only)");
            }
            this.secret = secret.clone();
            this.costs = java.util.Objects.requireNonNull(costs, "costs");
        }

        @Override
        public Vault open(Path storeFolder) {
            Path keyFile = StoreKeyFile.in(storeFolder);
            var existing = StoreKeyFile.read(keyFile);
            if (existing.isPresent()) {
                if (existing.get().unlockedBy() != StoreKeyFile.UnlockedBy.SECRET) {
                    throw new StoreException(StoreException.Kind.WRONG_SECRET, "this store is unlocked with the crew's PIN,"
                            + " not with OPENSMUR_STORE_SECRET: start the tablet without it");
                }
                return new Vault(StoreKeyFile.unwrap(existing.get(), secret));
            }
            Path legacy = storeFolder.resolve(LegacyKeyStore.NAME);
            if (Files.exists(legacy)) {
                javax.crypto.SecretKey key = LegacyKeyStore.read(legacy, secret);
                StoreKeyFile.write(keyFile, StoreKeyFile.wrap(StoreKeyFile.UnlockedBy.SECRET, costs.forSecret(), secret, key));
                try {
                    Files.delete(legacy); // only once the new file is durable: the key is never in neither
                } catch (IOException e) {
                    LOG.warn("the old key file {} could not be deleted: {}", legacy, e.getMessage());
                }
                LOG.info("store key moved from {} (PBKDF2) to {} (Argon2id)", LegacyKeyStore.NAME, StoreKeyFile.NAME);
                return new Vault(key);
            }
            javax.crypto.SecretKey key = StoreKeyFile.newDataKey();
            org.opensmur.store.db.OwnerOnly.folder(storeFolder);
            StoreKeyFile.write(keyFile, StoreKeyFile.wrap(StoreKeyFile.UnlockedBy.SECRET, costs.forSecret(), secret, key));
            return new Vault(key);
        }
    }
}
