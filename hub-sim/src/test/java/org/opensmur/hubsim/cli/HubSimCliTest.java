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
        assertTrue(root.out().contains("demo") && root.out().contains("send") && root.out().contains("oru-export"), root.out());
        Run demo = run("demo", "--help");
        assertEquals(0, demo.exit(), demo.err());
        for (String option : new String[] {"--rounds", "--broker", "--vhost", "--schemas", "--amqp", "--no-dispatcher", "--capture"}) {
            assertTrue(demo.out().contains(option), option + " missing:\n" + demo.out());
        }
        assertEquals(0, run("send", "--help").exit());
        assertEquals(0, run("oru-export", "--help").exit());
    }

    @Test
    void aBadValueNamesItsOption() {
        Run run = run("demo", "--rounds", "many");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--rounds") && run.err().contains("many"), run.err());
        // the error and where the usage is, not the whole usage burying it
        assertTrue(run.err().contains("./bin/hub-sim demo --help") && !run.err().contains("--schemas"), run.err());
    }
}
