package org.opensmur.app.testing;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * A flow that waited in vain for the screen says what the UI thread was doing then: a screen late because that
 * thread was stuck (a lock, I/O) is a bug to find, one late because the machine was loaded is not. The stack is
 * added to the failure, which is rethrown unchanged otherwise.
 */
public final class UiThreadOnTimeout implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        throw withUiThread(thrown);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        throw withUiThread(thrown);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        throw withUiThread(thrown);
    }

    /** {@code thrown}, the UI thread's stack added when a wait timed out in it (or in what it wraps). */
    static Throwable withUiThread(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ConditionTimeoutException) {
                thrown.addSuppressed(uiThreadNow());
                break;
            }
        }
        return thrown;
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
