package org.opensmur.signing;

import java.io.Console;
import java.nio.file.Path;
import java.util.Map;

/**
 * Secrets for the integrator's desktop commands ({@code signing}): from a file, an environment variable or
 * the console. Not for the tablet app (a device has no console): it reads files only ({@link Secrets}).
 */
public final class CommandLineSecrets {

    private CommandLineSecrets() {
    }

    /**
     * Reads a secret named by {@code source}: {@code file:PATH} (first line), {@code env:NAME}, or
     * {@code console} (asks, without echo).
     */
    public static char[] read(String source, String what, Map<String, String> env) {
        if (source.startsWith("file:")) {
            return Secrets.fromFile(Path.of(source.substring(5)), what);
        }
        if (source.startsWith("env:")) {
            String name = source.substring(4);
            String value = env.get(name);
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException(what + ": environment variable " + name + " is not set");
            }
            return value.toCharArray();
        }
        if (source.equals("console")) {
            Console console = System.console();
            if (console == null) {
                throw new IllegalArgumentException(what + ": no console to ask on; use file:PATH or env:NAME");
            }
            char[] value = console.readPassword("%s: ", what);
            if (value == null || value.length == 0) {
                throw new IllegalArgumentException(what + ": nothing entered");
            }
            return value;
        }
        throw new IllegalArgumentException(what + ": say where to read it: file:PATH, env:NAME or console");
    }
}
