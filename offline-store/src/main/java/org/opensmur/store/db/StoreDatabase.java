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
    private final SQLiteConfig config;
    private Connection connection;
    /** Prepared once, reused: parsing SQL costs more than a small insert. Used under the database lock. */
    private final java.util.Map<String, java.sql.PreparedStatement> statements = new java.util.HashMap<>();
    /** The file's identity (device and inode) when opened: a file deleted or replaced since is not ours. */
    private final Object identity;
    /** Set once the file was found deleted or replaced: every later transaction is refused with it. */
    private StoreException lost;
    private boolean closed; // by close(): for good, never reopened

    private StoreDatabase(Path file, SQLiteConfig config, Connection connection) {
        this.file = file;
        this.config = config;
        this.connection = connection;
        Object key = identityOf(file);
        this.identity = key == UNREADABLE ? null : key; // unknown at open: nothing to compare with later
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
            // Born the owner's only: SQLite takes an empty file as a new database, and gives its journal
            // (-wal, -shm) the database file's mode. Fixing modes after creation leaves a window.
            OwnerOnly.createFile(file);
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
            StoreDatabase database = new StoreDatabase(file, config, connection);
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
                throw new StoreException(StoreException.Kind.DAMAGED, "the database " + file + " is damaged (" + verdict + "); it is left untouched:"
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
            throw new StoreException(StoreException.Kind.NEWER_VERSION, "the database " + file
                    + " was written by a newer version (schema " + current
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

    /** A thread that must never wait on the disk (the UI's): checked at every transaction. */
    private volatile java.util.function.BooleanSupplier forbiddenThread = () -> false;

    /**
     * Declares the threads that must do no database work from now on (the app: the JavaFX thread, whose
     * every frame would wait on an fsync): such work throws at once, in every build (it is a bug to fix, not a
     * slowness to log), naming the thread and the calling site.
     */
    public void forbidOn(java.util.function.BooleanSupplier thread) {
        forbiddenThread = thread;
    }

    private void checkThread() {
        if (!forbiddenThread.getAsBoolean()) {
            return;
        }
        StackTraceElement caller = java.util.Arrays.stream(Thread.currentThread().getStackTrace())
                .filter(f -> f.getClassName().startsWith("org.opensmur.") && !f.getClassName().startsWith("org.opensmur.store."))
                .findFirst().orElse(null);
        String site = caller == null ? "?" : caller.getClassName() + "." + caller.getMethodName();
        throw new IllegalStateException("database work on " + Thread.currentThread().getName() + " (from " + site
                + "): it belongs on a background thread");
    }

    /** How deep the running thread is in {@link #inTransaction} (guarded by this). */
    private int depth;

    /**
     * Runs {@code work} in one transaction, committed (and fsynced) before this returns, in the file this
     * database was opened on: a file deleted or replaced meanwhile is reported instead of a success. Asked
     * within a transaction (a port's call in the work that goes with a queued message), it is part of that one:
     * committed with it, or rolled back with it.
     */
    public synchronized <T> T inTransaction(Work<T> work) {
        checkThread();
        refuseIfClosedOrLost();
        if (depth > 0) {
            try {
                return work.run(connection);
            } catch (SQLException e) {
                throw translate(file, e);
            }
        }
        depth++;
        try {
            return outermost(work);
        } finally {
            depth--;
        }
    }

    private <T> T outermost(Work<T> work) {
        try {
            if (connection == null) {
                reconnect();
            }
            if (connection.getAutoCommit()) {
                connection.setAutoCommit(false); // once: every use of the connection is a transaction
            }
            T result;
            try {
                result = work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackAfter(e);
                throw e;
            }
            checkIdentity();
            return result;
        } catch (SQLException e) {
            throw translate(file, e);
        }
    }

    /**
     * After a disk-full or I/O error SQLite has already rolled the transaction back by itself, and the
     * driver's own rollback then fails ("no transaction is active") and leaves the connection unusable.
     * The first error is the one reported; the connection is opened afresh so that the next transaction
     * works as soon as the cause is gone (space freed), without a restart.
     */
    private void rollbackAfter(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailed) {
            cause.addSuppressed(rollbackFailed);
            dropConnection();
        }
    }

    private void closeStatements() {
        for (java.sql.PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // the connection goes anyway
            }
        }
        statements.clear();
    }

    private void dropConnection() {
        closeStatements();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already unusable
        }
        connection = null; // reopened by the next transaction
    }

    private void reconnect() throws SQLException {
        checkIdentity(); // never reopen (and so create) a file that is no longer ours
        connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
    }

    /** Checks now that the file is still the one opened (the store's watch calls it between transactions). */
    public synchronized void verify() {
        refuseIfClosedOrLost();
        checkIdentity();
    }

    private void checkIdentity() {
        if (identity == null) {
            return; // this platform gives files no identity: nothing to compare
        }
        Object now = identityOf(file);
        if (identity.equals(now)) {
            return;
        }
        if (now == UNREADABLE) {
            return; // cannot tell now (a passing I/O error): not a reason to stop the crew
        }
        lost = rescue(now == null ? "deleted" : "replaced by another file");
        throw lost;
    }

    private static final Object UNREADABLE = new Object();

    private static Object identityOf(Path file) {
        try {
            return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        } catch (java.io.IOException e) {
            return UNREADABLE;
        }
    }

    /**
     * The file went while the tablet held it open: the open connection still reads everything that was
     * saved, so it is copied out whole (VACUUM INTO) beside where the file was, before anything else.
     */
    private StoreException rescue(String what) {
        Path copy = file.resolveSibling("store-rescued-" + java.time.LocalDateTime.now().format(
                java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".db");
        String outcome;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (connection != null) {
                closeStatements(); // VACUUM refuses to run while any statement is still active
                connection.setAutoCommit(true); // nor inside a transaction
                OwnerOnly.createFile(copy); // VACUUM INTO writes into an empty file: born the owner's only
                try (Statement s = connection.createStatement()) {
                    s.execute("VACUUM INTO '" + copy.toString().replace("'", "''") + "'");
                }
                OwnerOnly.file(copy);
                outcome = "everything it held is copied to " + copy + "; to go on with it: "
                        + restoreCommand(copy, file.toAbsolutePath().getParent());
            } else {
                outcome = "no copy could be taken (the connection was closed)";
            }
        } catch (SQLException | java.io.IOException | RuntimeException e) {
            outcome = "no copy could be taken (" + e.getMessage() + ")";
        }
        return new StoreException(StoreException.Kind.MISSING, "base de données introuvable: the database " + file + " was "
                + what + " while the tablet was using it; nothing more is saved until it is restored. " + outcome);
    }

    /** The command an integrator runs to put a rescued or salvaged copy back as the store in {@code folder}. */
    public static String restoreCommand(Path copy, Path folder) {
        return "./bin/tablet --restore-store " + copy + " --store " + folder;
    }

    /**
     * Puts a copy (a rescue copy, or any damaged database) back as the store at {@code target}: every
     * readable row is copied into a new database; refused when {@code target} exists (nothing is overwritten).
     */
    public static Salvage restore(Path copy, Path target) {
        if (Files.exists(target)) {
            throw new StoreException(StoreException.Kind.OTHER, target + " exists: move it away first (nothing is overwritten)");
        }
        if (!Files.isReadable(copy)) {
            throw new StoreException(StoreException.Kind.MISSING, copy + " cannot be read");
        }
        // The journal of the database that went may still lie there: SQLite would replay it into the new
        // file. It is moved aside (kept, never deleted).
        String stamp = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        for (String suffix : List.of("-wal", "-shm", "-journal")) {
            Path orphan = target.resolveSibling(target.getFileName() + suffix);
            if (Files.exists(orphan)) {
                try {
                    Files.move(orphan, orphan.resolveSibling(orphan.getFileName() + ".orphan-" + stamp));
                } catch (java.io.IOException e) {
                    throw new StoreException(StoreException.Kind.OTHER, "cannot move " + orphan + " aside: " + e.getMessage(), e);
                }
            }
        }
        return salvage(copy, target);
    }

    /** What a salvage copied and what it could not read, per table. */
    public record Salvage(java.util.Map<String, Integer> copied, java.util.Map<String, Integer> lost) {
    }

    private static final List<String> TABLES = List.of("outbox", "inbox", "delivery_events", "case_messages", "sent_references",
            "drafts", "inbox_conflicts");

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

    /** Bytes the device still has for this database (what the crew's "storage low" warning watches). */
    public long usableSpace() {
        try {
            return Files.getFileStore(file.toAbsolutePath().getParent()).getUsableSpace();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    /**
     * Closed for good: late work (a consumer or timer still finishing as the tablet shuts down) is refused
     * instead of reopening the file, which would recreate its journal in a folder being removed or moved.
     */
    @Override
    public synchronized void close() {
        closed = true;
        if (connection != null) {
            dropConnection();
        }
    }

    private void refuseIfClosedOrLost() {
        if (closed) {
            throw new StoreException(StoreException.Kind.OTHER, "the database " + file + " is closed (the tablet is shutting down): refused");
        }
        if (lost != null) {
            throw lost;
        }
    }

    static StoreException translate(Path file, SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            SQLiteErrorCode code = sqlite.getResultCode();
            if (code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED) {
                return new StoreException(StoreException.Kind.LOCKED,
                        "the database " + file + " is locked by another program; nothing was lost, try again", e);
            }
            if (code == SQLiteErrorCode.SQLITE_CORRUPT || code == SQLiteErrorCode.SQLITE_NOTADB) {
                return new StoreException(StoreException.Kind.DAMAGED, "the database " + file + " is damaged (" + code
                        + "); it is left untouched: StoreDatabase.salvage copies its readable rows into a new one", e);
            }
            if (code == SQLiteErrorCode.SQLITE_FULL) {
                return new StoreException(StoreException.Kind.FULL, "the device is full: " + file + " cannot grow", e);
            }
        }
        return new StoreException("database error on " + file + ": " + e.getMessage(), e);
    }
}
