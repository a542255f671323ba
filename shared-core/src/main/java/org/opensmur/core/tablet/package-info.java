/**
 * What the tablet's mission core asks of its storage: ports it is written against (as the Hub client's
 * {@code ReceivedStore} is), implemented by the offline store. They sit here, below both, so that the
 * dependencies go one way (the store implements them without knowing the core; the core uses them without
 * knowing SQLite). A call made within work that goes with a queued message is part of its transaction.
 */
package org.opensmur.core.tablet;
