package org.opensmur.store.db;

import java.util.List;

/**
 * The schema, as the list of steps that built it. A step is never edited once released: changes come
 * as a new step. {@code PRAGMA user_version} records how many steps a database has had.
 */
public final class Migrations {

    private Migrations() {
    }

    public static final List<List<String>> STEPS = List.of(
            // 1: outbox and inbox
            List.of("""
                    CREATE TABLE outbox (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      distribution_id TEXT NOT NULL UNIQUE,
                      type TEXT NOT NULL,
                      recipient TEXT NOT NULL,
                      order_key TEXT NOT NULL,
                      priority INTEGER NOT NULL,
                      enqueued_at INTEGER NOT NULL,
                      expires_at INTEGER NOT NULL,
                      state TEXT NOT NULL,
                      attempts INTEGER NOT NULL DEFAULT 0,
                      next_attempt_at INTEGER NOT NULL DEFAULT 0,
                      updated_at INTEGER NOT NULL,
                      body BLOB NOT NULL)""",
                    "CREATE INDEX outbox_by_state ON outbox(state, id)",
                    """
                    CREATE TABLE inbox (
                      distribution_id TEXT PRIMARY KEY,
                      type TEXT NOT NULL,
                      sender TEXT NOT NULL,
                      case_id TEXT,
                      received_at INTEGER NOT NULL,
                      times_received INTEGER NOT NULL DEFAULT 1,
                      body BLOB NOT NULL)"""),
            // 2: positions are coalesced per resource; the delivery ledger keeps every state change
            List.of("ALTER TABLE outbox ADD COLUMN coalesce_key TEXT",
                    "ALTER TABLE outbox ADD COLUMN sent_at INTEGER",
                    "ALTER TABLE outbox ADD COLUMN error_code INTEGER",
                    "ALTER TABLE outbox ADD COLUMN detail BLOB",
                    """
                    CREATE TABLE delivery_events (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      distribution_id TEXT NOT NULL,
                      state TEXT NOT NULL,
                      at INTEGER NOT NULL)""",
                    "CREATE INDEX delivery_events_by_message ON delivery_events(distribution_id, id)"),
            // 3: cases with their update history, and the RC-REF sent for each received message
            List.of("""
                    CREATE TABLE case_messages (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      case_id TEXT NOT NULL,
                      distribution_id TEXT NOT NULL UNIQUE,
                      kind TEXT NOT NULL,
                      sent_at INTEGER NOT NULL,
                      applied_at INTEGER NOT NULL,
                      body BLOB NOT NULL)""",
                    "CREATE INDEX case_messages_by_case ON case_messages(case_id, sent_at, id)",
                    """
                    CREATE TABLE sent_references (
                      received_id TEXT NOT NULL,
                      step TEXT NOT NULL,
                      reference_id TEXT NOT NULL,
                      PRIMARY KEY (received_id, step))"""),
            // 4: work in progress on the tablet (a bilan being written), saved at every change
            List.of("""
                    CREATE TABLE drafts (
                      draft_key TEXT PRIMARY KEY,
                      updated_at INTEGER NOT NULL,
                      body BLOB NOT NULL)"""),
            // 5: trust nothing from the network: the digest that tells a redelivery from a conflicting copy, the
            // conflicting copies kept apart, and a recipient's word held until the broker confirmed the row
            List.of("ALTER TABLE inbox ADD COLUMN digest TEXT",
                    """
                    CREATE TABLE inbox_conflicts (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      distribution_id TEXT NOT NULL,
                      digest TEXT NOT NULL,
                      type TEXT NOT NULL,
                      sender TEXT NOT NULL,
                      case_id TEXT,
                      received_at INTEGER NOT NULL,
                      times_received INTEGER NOT NULL DEFAULT 1,
                      body BLOB NOT NULL,
                      UNIQUE (distribution_id, digest))""",
                    "ALTER TABLE outbox ADD COLUMN held_state TEXT"),
            // 6: the model line each outgoing row was written in: never published on a vhost of another line
            List.of("ALTER TABLE outbox ADD COLUMN model_line TEXT NOT NULL DEFAULT '3'"),
            // 7: missions over (the crew's last status, or the case closed by the SAMU): purged after a delay
            List.of("""
                    CREATE TABLE mission_closures (
                      case_id TEXT PRIMARY KEY,
                      closed_at INTEGER NOT NULL,
                      reason TEXT NOT NULL)"""),
            // 8: copies refused beyond the quota of what is kept apart, one row per distributionID
            List.of("""
                    CREATE TABLE inbox_refused_copies (
                      distribution_id TEXT PRIMARY KEY,
                      sender TEXT NOT NULL,
                      copies INTEGER NOT NULL,
                      first_at INTEGER NOT NULL)"""),
            // 9: who steers a case (the party whose message about it came first, or a trusted one that took it
            // over), and messages from third parties kept apart beside the conflicting copies
            List.of("""
                    CREATE TABLE case_owners (
                      case_id TEXT PRIMARY KEY,
                      owner TEXT NOT NULL,
                      since INTEGER NOT NULL)""",
                    "ALTER TABLE inbox_conflicts ADD COLUMN reason TEXT NOT NULL DEFAULT 'CONFLICT'"),
            // 10: the bytes a sender has stored are summed at every new message of an untrusted one
            List.of("CREATE INDEX inbox_by_sender ON inbox(sender)",
                    "CREATE INDEX inbox_conflicts_by_sender ON inbox_conflicts(sender)"),
            // 11: the crew's status taps as rows of their own (no longer read back out of the RS-SR bodies)
            List.of("""
                    CREATE TABLE status_taps (
                      seq INTEGER PRIMARY KEY AUTOINCREMENT,
                      case_id TEXT NOT NULL,
                      distribution_id TEXT NOT NULL UNIQUE,
                      corrected_at INTEGER,
                      correction INTEGER NOT NULL DEFAULT 0,
                      body BLOB NOT NULL)""",
                    "CREATE INDEX status_taps_by_case ON status_taps(case_id)"),
            // 12: the message a tap was sent again in (the crew's "send again" of a status the SAMU did not confirm)
            List.of("ALTER TABLE status_taps ADD COLUMN resent_as TEXT"));

    public static int latest() {
        return STEPS.size();
    }
}
