package org.opensmur.oru.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The concentrator's database: PostgreSQL for a region, SQLite (one file, owner-only) on a laptop. A
 * HikariCP pool in front, the schema brought up to date by Flyway from {@code db/migration} (one set for both).
 */
public final class OruDatabase implements AutoCloseable {

    /**
     * Where the embedded default lives: {@code .local/oru} of the project when {@code bin/oru} says where that is
     * ({@code -Dopensmur.oru.folder}), so that {@code user add} run in one folder and {@code serve} in another use
     * one database; else relative to the working folder.
     */
    public static final Path DEFAULT_FOLDER = Path.of(System.getProperty("opensmur.oru.folder", ".local/oru"));

    private final HikariDataSource pool;
    private final boolean postgres;
    private final String url;
    private final String schema;

    private OruDatabase(HikariDataSource pool, boolean postgres, String url, String schema) {
        this.pool = pool;
        this.postgres = postgres;
        this.url = url;
        this.schema = schema;
    }

    /** The embedded default: {@code oru.db} in {@code folder}. */
    public static String embeddedUrl(Path folder) {
        return "jdbc:sqlite:" + folder.resolve("oru.db").toAbsolutePath();
    }

    /**
     * Opens {@code url} ({@code jdbc:postgresql://…} or {@code jdbc:sqlite:FILE}) and migrates it.
     * {@code schema}, when given on PostgreSQL, is the schema the tables live in (created if needed).
     */
    public static OruDatabase open(String url, String schema) {
        boolean postgres = url.startsWith("jdbc:postgresql:");
        if (!postgres && !url.startsWith("jdbc:sqlite:")) {
            throw new IllegalArgumentException("--db: a jdbc:postgresql://host/db or jdbc:sqlite:FILE URL is expected, not " + url);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("oru");
        if (postgres) {
            config.setMaximumPoolSize(8);
            if (schema != null) {
                config.setSchema(schema);
                config.setConnectionInitSql("CREATE SCHEMA IF NOT EXISTS \"" + schema + "\"");
            }
        } else {
            ownerOnly(Path.of(url.substring("jdbc:sqlite:".length())));
            // One writer at a time: a write transaction takes the lock when it begins, readers go on (WAL).
            config.setMaximumPoolSize(4);
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("busy_timeout", "30000");
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            config.addDataSourceProperty("synchronous", "FULL");
        }
        HikariDataSource pool = new HikariDataSource(config);
        try {
            var flyway = Flyway.configure().dataSource(pool).locations("classpath:db/migration")
                    .placeholders(postgres
                            ? java.util.Map.of("id", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "real", "DOUBLE PRECISION")
                            : java.util.Map.of("id", "INTEGER PRIMARY KEY AUTOINCREMENT", "real", "REAL"));
            if (postgres && schema != null) {
                flyway.schemas(schema).defaultSchema(schema);
            }
            flyway.load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new OruDatabase(pool, postgres, url, postgres ? schema : null);
    }

    /** A new SQLite file is created empty, readable by its owner only, in a folder only its owner enters. */
    private static void ownerOnly(Path file) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder);
                setPermissions(folder, "rwx------");
            }
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
            setPermissions(file, "rw-------");
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare the database file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void setPermissions(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: left to the folder's own protection
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** The PostgreSQL schema the tables live in, when one was named. */
    public java.util.Optional<String> schema() {
        return java.util.Optional.ofNullable(schema);
    }

    public boolean isPostgres() {
        return postgres;
    }

    /** The URL without credentials, for messages. */
    public String describe() {
        return url.replaceAll("(?i)(password|user)=[^&]*", "$1=…");
    }

    @Override
    public void close() {
        pool.close();
    }
}
