package org.opensmur.app.testing;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * A flow that waited in vain for the screen says what the UI thread was doing then: a screen late because that
 * thread was stuck (a lock, I/O) is a bug to find, one late because the machine was loaded is not. The stack is
 * added to the failure, which is rethrown unchanged otherwise.
 */
public final class UiThreadOnTimeout implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        if (thrown instanceof ConditionTimeoutException) {
            thrown.addSuppressed(uiThreadNow());
        }
        throw thrown;
    }

    /** The JavaFX application thread's stack at this moment, as an exception to attach. */
    static Throwable uiThreadNow() {
        for (var entry : Thread.getAllStackTraces().entrySet()) {
            if (entry.getKey().getName().equals("JavaFX Application Thread")) {
                Throwable stack = new Throwable("the UI thread when the wait ended (" + entry.getKey().getState() + ")");
                stack.setStackTrace(entry.getValue());
                return stack;
            }
        }
        return new Throwable("no JavaFX Application Thread is running");
    }
}
