package org.opensmur.core.tablet;

import java.util.Map;
import java.util.Optional;

/**
 * Work in progress and what a restart must find again (a bilan being written, the shift set-up, the open
 * mission), kept encrypted under a key as it changes; durable when a call returns.
 */
public interface DraftStore {

    /** Keeps {@code fields} under {@code key}, replacing what was there. */
    void save(String key, Map<String, String> fields);

    /** What is kept under {@code key}, if anything. */
    Optional<Map<String, String>> load(String key);

    /** Forgets {@code key} (sent, or no longer wanted). */
    void remove(String key);
}
