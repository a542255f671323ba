package org.opensmur.app.testing;

import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * What the UI thread threw during a flow (its uncaught exceptions, collected by the flow): none is expected. A failure
 * names them and carries each one's stack, so that a rare race on that thread can be found from one CI log.
 */
public final class UiErrors {

    private UiErrors() {
    }

    public static void assertNone(List<Throwable> errors, String what) {
        if (errors.isEmpty()) {
            return;
        }
        AssertionFailedError failure = new AssertionFailedError(what + ": " + errors.stream().map(Throwable::toString).toList(),
                List.of(), errors.stream().map(Throwable::toString).toList(), errors.get(0));
        errors.stream().skip(1).forEach(failure::addSuppressed);
        throw failure;
    }
}
