package org.opensmur.oru.crash;

/** {@link OruCrashTest} on PostgreSQL (skipped, said, without it; a failure in CI). */
class OruCrashOnPostgresTest extends OruCrashTest {
    @Override
    String kind() {
        return "postgresql";
    }
}
