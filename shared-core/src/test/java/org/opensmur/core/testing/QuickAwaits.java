package org.opensmur.core.testing;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.pollinterval.IterativePollInterval;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * How every test of the project polls a condition it waits for (Awaitility): at once, then after 10 ms, each wait
 * half as long again up to 100 ms. Awaitility's own default (first look after 100 ms, then every 100 ms) made each
 * of the flows' hundreds of waits last a tenth of a second more than what it waited for. Registered by the
 * ServiceLoader (META-INF/services, in this module's test jar, which every module but signing tests with) and
 * switched on by the parent pom ({@code junit.jupiter.extensions.autodetection.enabled}). What a test waits for
 * and for how long at most is unchanged.
 */
public final class QuickAwaits implements BeforeAllCallback {

    static final Duration FIRST = Duration.ofMillis(10);
    static final Duration LONGEST = Duration.ofMillis(100);

    @Override
    public void beforeAll(ExtensionContext context) {
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        Awaitility.setDefaultPollInterval(IterativePollInterval.iterative(
                previous -> previous.multipliedBy(3).dividedBy(2).compareTo(LONGEST) > 0 ? LONGEST : previous.multipliedBy(3).dividedBy(2),
                FIRST));
    }
}
