package org.opensmur.app.device;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the device gives the app, chosen at run time: Gluon Attach's private storage on a device (Android's
 * app-private files folder, which no other app reads and backups skip), or the folder named by
 * {@code -Dopensmur.privateStorage} on the desktop.
 */
public final class DevicePlatform {

    private DevicePlatform() {
    }

    public static Optional<Path> privateStorage() {
        String given = System.getProperty("opensmur.privateStorage");
        if (given != null) {
            return Optional.of(Path.of(given));
        }
        try {
            return com.gluonhq.attach.storage.StorageService.create().flatMap(s -> s.getPrivateStorage()).map(java.io.File::toPath);
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty(); // no Attach service here (a desktop without the property)
        }
    }

    /**
     * The log goes to a file in private storage (slf4j-simple reads this before its first logger); never
     * patient data, as everywhere.
     */
    public static void logTo(Path folder) {
        try {
            org.opensmur.store.db.OwnerOnly.folder(folder);
            Path file = folder.resolve("tablet.log");
            org.opensmur.store.db.OwnerOnly.createFile(file);
            System.setProperty("org.slf4j.simpleLogger.logFile", file.toString());
        } catch (RuntimeException e) {
            System.err.println("logging to the console: " + e.getMessage());
        }
    }
}
