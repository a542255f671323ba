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
        List<Throwable> seen = List.copyOf(errors); // the UI thread may still add to it
        if (seen.isEmpty()) {
            return;
        }
        List<String> said = seen.stream().map(Throwable::toString).toList();
        AssertionFailedError failure = new AssertionFailedError(what + ": " + said, List.of(), said, seen.get(0));
        seen.stream().skip(1).forEach(failure::addSuppressed);
        throw failure;
    }
}
