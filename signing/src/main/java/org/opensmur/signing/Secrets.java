package org.opensmur.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Passwords come from a file (or, for the integrator's commands, see {@link CommandLineSecrets}), never from
 * a command argument (arguments are visible to every user of the machine through the process list) and never
 * into a log. What the tablet app ships uses this class only: no console, which a tablet does not have.
 */
public final class Secrets {

    private Secrets() {
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
