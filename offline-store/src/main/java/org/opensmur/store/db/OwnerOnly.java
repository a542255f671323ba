package org.opensmur.store.db;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's folder is the owner's only ({@code 0700}) and so is every file in it ({@code 0600}): the
 * database, its journal, the key, rescue copies. Checked at every open; a mode that lets others in is
 * repaired, with a warning that names the file (never its content). Files the store writes are born so. Where the file system has no POSIX
 * modes (Android's app storage is private already), there is nothing to do.
 */
public final class OwnerOnly {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnly.class);
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    public static void folder(Path folder) {
        try {
            if (Files.notExists(folder)) {
                Files.createDirectories(folder, attributes(FOLDER));
            }
            ensure(folder, FOLDER);
        } catch (IOException e) {
            throw new StoreException("cannot create the store's folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Creates an empty file readable by the owner only (born so, not fixed afterwards), unless it exists. */
    public static void createFile(Path file) {
        try {
            Files.createFile(file, attributes(FILE));
        } catch (FileAlreadyExistsException e) {
            ensure(file, FILE);
        } catch (IOException e) {
            throw new StoreException("cannot create " + file + ": " + e.getMessage(), e);
        }
    }

    /** Makes an existing file its owner's only (a file SQLite wrote, e.g. a rescue copy). */
    public static void file(Path file) {
        ensureQuietly(file);
    }

    private static void ensureQuietly(Path file) {
        if (posix()) {
            try {
                Files.setPosixFilePermissions(file, FILE);
            } catch (IOException e) {
                throw new StoreException("cannot make " + file + " its owner's only: " + e.getMessage(), e);
            }
        }
    }

    public static void filesIn(Path folder) {
        try (var files = Files.list(folder)) {
            files.filter(Files::isRegularFile).forEach(f -> ensure(f, FILE));
        } catch (IOException e) {
            LOG.warn("cannot list the store's folder {} to check its files' modes: {}", folder, e.getMessage());
        }
    }

    private static FileAttribute<?>[] attributes(Set<PosixFilePermission> mode) {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)} : new FileAttribute<?>[0];
    }

    private static boolean posix() {
        return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static void ensure(Path path, Set<PosixFilePermission> mode) {
        if (!posix()) {
            return;
        }
        try {
            Set<PosixFilePermission> now = Files.getPosixFilePermissions(path);
            if (!now.equals(mode)) {
                Files.setPosixFilePermissions(path, mode);
                LOG.warn("{} was {}: set to {} (the store is its owner's only)", path, PosixFilePermissions.toString(now),
                        PosixFilePermissions.toString(mode));
            }
        } catch (IOException e) {
            throw new StoreException("cannot make " + path + " its owner's only: " + e.getMessage(), e);
        }
    }
}
