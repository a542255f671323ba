package org.opensmur.tablet;

import org.opensmur.core.tablet.StorageProblem;

/**
 * The device's storage as the crew must know it: bytes left, whether that is below the warning threshold,
 * and the problem that stops saving (full, database gone...), if any.
 */
public record StorageState(long usableBytes, boolean low, StorageProblem problem) {

    /** Below this, the crew is warned before the disk fills (a mission writes a few MB at most). */
    public static final long LOW_BYTES = 50L * 1024 * 1024;

    public static StorageState of(long usableBytes, StorageProblem problem) {
        return new StorageState(usableBytes, usableBytes >= 0 && usableBytes < LOW_BYTES, problem);
    }

    public boolean ok() {
        return problem == null && !low;
    }
}
