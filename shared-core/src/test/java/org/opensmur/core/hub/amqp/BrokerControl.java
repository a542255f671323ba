package org.opensmur.core.hub.amqp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Stops and starts the local RabbitMQ application (rabbitmqctl stop_app / start_app) for restart tests. */
final class BrokerControl {

    private BrokerControl() {
    }

    static void requireRabbitmqctl() {
        boolean available;
        try {
            available = run("status") == 0;
        } catch (IOException e) {
            available = false;
        }
        if (!available) {
            if ("true".equals(System.getenv("CI"))) {
                fail("rabbitmqctl must be usable in CI for the broker restart test");
            }
            assumeTrue(false, "skipped: rabbitmqctl is not usable here");
        }
    }

    static void stopApp() throws IOException {
        assertEquals(0, run("stop_app"), "rabbitmqctl stop_app");
    }

    static void startApp() throws IOException {
        assertEquals(0, run("start_app"), "rabbitmqctl start_app");
        run("await_startup");
    }

    private static int run(String command) throws IOException {
        Process process = new ProcessBuilder("rabbitmqctl", "-q", command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
