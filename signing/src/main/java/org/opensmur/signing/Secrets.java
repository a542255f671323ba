package org.opensmur.signing;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Passwords come from a file, an environment variable or the console, never from a command argument
 * (arguments are visible to every user of the machine through the process list) and never into a log.
 */
public final class Secrets {

    private Secrets() {
    }

    /**
     * Reads a secret named by {@code source}: {@code file:PATH} (first line), {@code env:NAME}, or
     * {@code console} (asks, without echo).
     */
    public static char[] read(String source, String what, Map<String, String> env) {
        if (source.startsWith("file:")) {
            return fromFile(Path.of(source.substring(5)), what);
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

    public static char[] fromFile(Path file, String what) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            char[] value = (end < 0 ? text : text.substring(0, end)).strip().toCharArray();
            if (value.length == 0) {
                throw new IllegalArgumentException(what + ": " + file + " is empty");
            }
            return value;
        } catch (IOException e) {
            throw new IllegalArgumentException(what + ": cannot read " + file + " (" + e.getMessage() + ")", e);
        }
    }

    public static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
