package org.opensmur.hubsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every hub-sim command explains itself; a bad value names the option. */
class HubSimCliTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = HubSimCli.command();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void everyCommandHasItsHelp() {
        Run root = run("--help");
        assertEquals(0, root.exit());
        assertTrue(root.out().contains("demo") && root.out().contains("send"), root.out());
        Run demo = run("demo", "--help");
        assertEquals(0, demo.exit(), demo.err());
        for (String option : new String[] {"--rounds", "--broker", "--vhost", "--schemas", "--amqp", "--no-dispatcher", "--capture"}) {
            assertTrue(demo.out().contains(option), option + " missing:\n" + demo.out());
        }
        for (String option : new String[] {"--model-line", "--id-prefix", "--tablet-id", "--lrm-id", "--oru-id", "--tablet-user",
            "--tablet-password", "--lrm-password", "--oru-password", "--tablet-tls", "--lrm-tls", "--oru-tls", "--connect-wait", "--ack-wait",
            "--oru-port"}) {
            assertTrue(demo.out().contains(option), option + " missing:\n" + demo.out());
        }
        assertTrue(demo.out().contains("file:PATH") && demo.out().contains("env:NAME"), "where a password is read from:\n" + demo.out());
        Run dispatcher = run("dispatcher", "--help");
        assertEquals(0, dispatcher.exit(), dispatcher.err());
        for (String option : new String[] {"--amqp", "--password", "--vhost", "--model-line", "--schemas"}) {
            assertTrue(dispatcher.out().contains(option), option + " missing:\n" + dispatcher.out());
        }
        assertEquals(0, run("send", "--help").exit());
    }

    @Test
    void aVhostInTheUriThatDisagreesWithVhostIsRefusedNamingBoth() {
        Run run = run("demo", "--no-dispatcher", "--amqp", "amqp://127.0.0.1:5672/opensmur-peers", "--vhost", "opensmur-test");
        assertEquals(2, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("'opensmur-peers'") && run.err().contains("'opensmur-test'") && run.err().contains("--vhost"), run.err());
        assertTrue(!run.out().contains("Local Hub running"), "nothing started: " + run.out());
        // the same vhost said twice is no disagreement: it goes on to the next check (here, the unknown vhost's model line)
        Run same = run("demo", "--no-dispatcher", "--amqp", "amqp://127.0.0.1:5672/opensmur-peers", "--vhost", "opensmur-peers");
        assertEquals(2, same.exit(), same.err());
        assertTrue(same.err().contains("--model-line") && !same.err().contains("'opensmur-test'"), same.err());
    }

    @Test
    void plainAmqpGoesToThisMachineOnlyAndTheDispatcherToo() {
        Run demo = run("demo", "--no-dispatcher", "--amqp", "amqp://broker.example:5672/15-smur_v1.6");
        assertEquals(2, demo.exit(), demo.err());
        assertTrue(demo.err().contains("broker.example") && demo.err().contains("amqps://"), demo.err());
        Run dispatcher = run("dispatcher", "--amqp", "amqp://user@broker.example:5672/15-smur_v1.6");
        assertEquals(2, dispatcher.exit(), dispatcher.err());
        assertTrue(dispatcher.err().contains("this machine") && !dispatcher.err().contains("user@"), dispatcher.err());
    }

    @Test
    void aBadValueNamesItsOption() {
        Run run = run("demo", "--rounds", "many");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--rounds") && run.err().contains("many"), run.err());
        // the error and where the usage is, not the whole usage burying it
        assertTrue(run.err().contains("./bin/hub-sim demo --help") && !run.err().contains("--schemas"), run.err());
    }

    @Test
    void aPersonPlayingTheCrewIsWaitedForAndAStepTimeoutSetsTheLimit() {
        HubSimCli.Demo automatic = new HubSimCli.Demo();
        new picocli.CommandLine(automatic).parseArgs();
        org.junit.jupiter.api.Assertions.assertNull(automatic.stepLimit(), "the scenario's own seconds");
        HubSimCli.Demo manual = new HubSimCli.Demo();
        new picocli.CommandLine(manual).parseArgs("--manual");
        org.junit.jupiter.api.Assertions.assertTrue(manual.stepLimit().compareTo(java.time.Duration.ofHours(8)) > 0,
                "a crew's pace: longer than a shift's step ever is, " + manual.stepLimit());
        HubSimCli.Demo limited = new HubSimCli.Demo();
        new picocli.CommandLine(limited).parseArgs("--manual", "--step-timeout", "300");
        assertEquals(java.time.Duration.ofMinutes(5), limited.stepLimit());
    }
}
