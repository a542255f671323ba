package org.opensmur.oru;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.opensmur.oru.store.OruDatabase;

/**
 * The two databases every storage test runs on: SQLite in the test's folder, and PostgreSQL on
 * 127.0.0.1:5432 (database {@code test}, user {@code postgres}) in a schema of the test's own, dropped
 * afterwards, so that parallel runs never meet. Without PostgreSQL the test is skipped with the reason,
 * except in CI ({@code CI=true}), where it fails.
 */
public final class TestDatabases {

    public static final String POSTGRES_URL = System.getProperty("oru.test.postgres",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    public static final List<String> KINDS = List.of("sqlite", "postgresql");

    private TestDatabases() {
    }

    /** A fresh, migrated database of {@code kind}; {@link #close} drops its PostgreSQL schema (the JVM's exit too, as a fallback). */
    public static OruDatabase open(String kind, Path dir) {
        if (kind.equals("sqlite")) {
            return OruDatabase.open(OruDatabase.embeddedUrl(dir.resolve("oru-" + UUID.randomUUID())), null);
        }
        String schema = "oru_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(POSTGRES_URL)) {
            c.isValid(2);
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                fail("PostgreSQL is not reachable at " + POSTGRES_URL + " (CI must run it: .ci/run starts it): " + e.getMessage());
            }
            assumeTrue(false, "skipped on PostgreSQL: not reachable at " + POSTGRES_URL + " (" + e.getMessage() + ")");
        }
        OruDatabase database = OruDatabase.open(POSTGRES_URL, schema);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(schema)));
        return database;
    }

    /** Closes a test's database and drops its PostgreSQL schema, if it has one. */
    public static void close(OruDatabase database) {
        database.close();
        database.schema().ifPresent(TestDatabases::drop);
    }

    /** Drops a test's PostgreSQL schema (also at the JVM's exit, should the test not get to it). */
    public static void drop(String schema) {
        try (Connection c = DriverManager.getConnection(POSTGRES_URL)) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        } catch (SQLException e) {
            // gone already, or PostgreSQL stopped: nothing left to drop here
        }
    }
}
