package org.opensmur.core.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code hubmsg} in process, as a user would from the shell, and keeps what it printed. */
public final class HubMsgRunner {

    public record Run(int exit, String out, String err) {
    }

    private HubMsgRunner() {
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = HubMsg.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }
}
