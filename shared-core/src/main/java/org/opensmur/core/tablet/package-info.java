/**
 * What the tablet's mission core and its screens ask of its storage: ports they are written against (as the
 * Hub client's {@code ReceivedStore} is), implemented by the offline store, and the values the store returns
 * through them (the ledger's rows, a case as it stands, a storage failure in the crew's terms). They sit here,
 * below both, so that the dependencies go one way (the store implements them without knowing the core; the
 * core uses them without knowing SQLite). A call made within work that goes with a queued message is part of
 * its transaction.
 */
package org.opensmur.core.tablet;
