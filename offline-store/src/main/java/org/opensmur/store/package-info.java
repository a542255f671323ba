/**
 * The tablet's durable storage: outbox, inbox, case store and delivery ledger (SQLite). Depends on the
 * shared core only; it never sees AMQP.
 */
package org.opensmur.store;
