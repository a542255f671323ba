package org.opensmur.store.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The tablet's SQLite database: WAL with {@code synchronous=FULL} so that a commit survives a power cut,
 * one connection used under a lock (SQLite has one writer anyway), versioned migrations.
 */
public final class StoreDatabase implements AutoCloseable {

    /** Work done in one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path file;
    private final Connection connection;
    /** Prepared once, reused: parsing SQL costs more than a small insert. Used under the database lock. */
    private final java.util.Map<String, java.sql.PreparedStatement> statements = new java.util.HashMap<>();

    private StoreDatabase(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating if needed) and migrates to the latest schema. */
    public static StoreDatabase open(Path file) {
        return open(file, Migrations.latest());
    }

    /** Opens and migrates up to {@code version} only (for migration tests). */
    public static StoreDatabase open(Path file, int version) {
        return open(file, version, 5_000);
    }

    /** {@code busyTimeoutMillis}: how long to wait for another program's lock before saying so. */
    public static StoreDatabase open(Path file, int version, int busyTimeoutMillis) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setBusyTimeout(busyTimeoutMillis);
            config.enforceForeignKeys(true);
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
            StoreDatabase database = new StoreDatabase(file, connection);
            database.check();
            database.migrate(version);
            return database;
        } catch (SQLException e) {
            throw translate(file, e);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the folder of " + file + ": " + e.getMessage(), e);
        }
    }

    private void check() throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("PRAGMA quick_check")) {
            String verdict = result.next() ? result.getString(1) : "no answer";
            if (!"ok".equals(verdict)) {
                throw new StoreException("the database " + file + " is damaged (" + verdict + "); it is left untouched:"
                        + " StoreDatabase.salvage copies its readable rows into a new one");
            }
        }
    }

    public int version() {
        return inTransaction(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA user_version")) {
                return r.next() ? r.getInt(1) : 0;
            }
        });
    }

    private void migrate(int target) throws SQLException {
        int current = version();
        if (current > Migrations.latest()) {
            throw new StoreException("the database " + file + " was written by a newer version (schema " + current
                    + ", this one knows " + Migrations.latest() + ")");
        }
        for (int step = current; step < target; step++) {
            List<String> statements = Migrations.STEPS.get(step);
            int next = step + 1;
            inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    for (String sql : statements) {
                        s.execute(sql);
                    }
                    s.execute("PRAGMA user_version = " + next);
                }
                return null;
            });
        }
    }

    /** Runs {@code work} in one transaction, committed (and fsynced) before this returns. */
    public synchronized <T> T inTransaction(Work<T> work) {
        try {
            if (connection.getAutoCommit()) {
                connection.setAutoCommit(false); // once: every use of the connection is a transaction
            }
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw translate(file, e);
        }
    }

    /** What a salvage copied and what it could not read, per table. */
    public record Salvage(java.util.Map<String, Integer> copied, java.util.Map<String, Integer> lost) {
    }

    private static final List<String> TABLES = List.of("outbox", "inbox", "delivery_events", "case_messages", "sent_references");

    /**
     * Copies every readable row of a damaged database into a new one at {@code target}, row by row so that
     * one bad page costs only its own rows. The damaged file is opened read-only and left as it is.
     */
    public static Salvage salvage(Path damaged, Path target) {
        java.util.Map<String, Integer> copied = new java.util.LinkedHashMap<>();
        java.util.Map<String, Integer> lost = new java.util.LinkedHashMap<>();
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection source = DriverManager.getConnection("jdbc:sqlite:" + damaged, readOnly.toProperties());
             StoreDatabase fresh = open(target)) {
            for (String table : TABLES) {
                long max;
                try (Statement s = source.createStatement(); ResultSet r = s.executeQuery("SELECT MAX(rowid) FROM " + table)) {
                    max = r.next() ? r.getLong(1) : 0;
                } catch (SQLException e) {
                    max = 1_000_000; // the index is damaged: probe a wide range
                }
                int ok = 0;
                int bad = 0;
                for (long rowid = 1; rowid <= max; rowid++) {
                    try (java.sql.PreparedStatement select = source.prepareStatement("SELECT * FROM " + table + " WHERE rowid = ?")) {
                        select.setLong(1, rowid);
                        try (ResultSet row = select.executeQuery()) {
                            if (row.next()) {
                                copyRow(fresh, table, row);
                                ok++;
                            }
                        }
                    } catch (SQLException | StoreException e) {
                        bad++;
                    }
                }
                copied.put(table, ok);
                lost.put(table, bad);
            }
        } catch (SQLException e) {
            throw translate(damaged, e);
        }
        return new Salvage(copied, lost);
    }

    private static void copyRow(StoreDatabase target, String table, ResultSet row) throws SQLException {
        int columns = row.getMetaData().getColumnCount();
        StringBuilder names = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        Object[] values = new Object[columns];
        for (int i = 1; i <= columns; i++) {
            names.append(i > 1 ? ", " : "").append(row.getMetaData().getColumnName(i));
            marks.append(i > 1 ? ", ?" : "?");
            values[i - 1] = row.getObject(i);
        }
        target.inTransaction(c -> {
            try (java.sql.PreparedStatement insert = c.prepareStatement(
                    "INSERT OR IGNORE INTO " + table + " (" + names + ") VALUES (" + marks + ")")) {
                for (int i = 0; i < values.length; i++) {
                    insert.setObject(i + 1, values[i]);
                }
                return insert.executeUpdate();
            }
        });
    }

    /**
     * A prepared statement for {@code sql}, prepared once for this database. Only inside
     * {@link #inTransaction}; never close it.
     */
    public java.sql.PreparedStatement statement(String sql) throws SQLException {
        java.sql.PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        statement.clearParameters();
        return statement;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        try {
            for (java.sql.PreparedStatement statement : statements.values()) {
                statement.close();
            }
            statements.clear();
            connection.close();
        } catch (SQLException e) {
            throw translate(file, e);
        }
    }

    static StoreException translate(Path file, SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            SQLiteErrorCode code = sqlite.getResultCode();
            if (code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED) {
                return new StoreException("the database " + file + " is locked by another program; nothing was lost, try again", e);
            }
            if (code == SQLiteErrorCode.SQLITE_CORRUPT || code == SQLiteErrorCode.SQLITE_NOTADB) {
                return new StoreException("the database " + file + " is damaged (" + code + "); it is left untouched:"
                        + " StoreDatabase.salvage copies its readable rows into a new one", e);
            }
            if (code == SQLiteErrorCode.SQLITE_FULL) {
                return new StoreException("the device is full: " + file + " cannot grow", e);
            }
        }
        return new StoreException("database error on " + file + ": " + e.getMessage(), e);
    }
}
