package org.opensmur.hubsim.lrm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.status.ResourceStatus;

/**
 * A scenario of the LRM simulator, read from a small text file (one step per line, # for comments):
 * <pre>
 * name primary-intervention
 * send RS-EDA case.json              a payload file, ${caseId}, ${now}... filled in
 * send RS-ER engagement.json cancel  the same, with distribution kind Cancel
 * wait 2s
 * expect RS-SR DEPART within 30s     a message from the tablet (a status for RS-SR)
 * expect-references within 20s       the tablet acknowledged every message sent so far
 * </pre>
 */
public record Scenario(String name, List<Step> steps) {

    public sealed interface Step {
    }

    public record Send(MessageType type, String file, boolean cancel) implements Step {
    }

    public record Wait(Duration duration) implements Step {
    }

    public record Expect(MessageType type, ResourceStatus status, Duration within) implements Step {
        public String describe() {
            return type + (status == null ? "" : " " + status.code());
        }
    }

    public record ExpectReferences(Duration within) implements Step {
    }

    /** The name of a payload file's variant for {@code line} ({@code case.json} → {@code case.v2.json}), null for the current line. */
    public static String variantFor(String file, org.opensmur.core.hub.validation.ModelLine line) {
        return line == org.opensmur.core.hub.validation.ModelLine.CURRENT ? null
                : file.replaceAll("\\.json$", ".v" + line.name().replace(".0", "") + ".json");
    }

    /** Reads a scenario; a wrong line is reported with its number. */
    public static Scenario parse(InputStream in, String source) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        String name = source;
        List<Step> steps = new ArrayList<>();
        int number = 0;
        for (String raw : text.split("\n")) {
            number++;
            String line = raw.contains("#") ? raw.substring(0, raw.indexOf('#')).strip() : raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] w = line.split("\\s+");
            try {
                switch (w[0]) {
                    case "name" -> name = w[1];
                    case "send" -> steps.add(new Send(type(w[1]), w[2], w.length > 3 && w[3].equals("cancel")));
                    case "wait" -> steps.add(new Wait(duration(w[1])));
                    case "expect" -> {
                        MessageType type = type(w[1]);
                        boolean withStatus = !w[2].equals("within");
                        ResourceStatus status = withStatus ? status(w[2]) : null;
                        steps.add(new Expect(type, status, duration(w[withStatus ? 4 : 3])));
                    }
                    case "expect-references" -> steps.add(new ExpectReferences(duration(w[2])));
                    default -> throw new IllegalArgumentException("unknown step '" + w[0] + "'");
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(source + " line " + number + ": " + e.getMessage() + " in '" + line + "'", e);
            }
        }
        return new Scenario(name, List.copyOf(steps));
    }

    private static MessageType type(String code) {
        return MessageType.ofCode(code).orElseThrow(() -> new IllegalArgumentException("unknown message type " + code));
    }

    private static ResourceStatus status(String code) {
        for (ResourceStatus s : ResourceStatus.values()) {
            if (s.code().equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status " + code);
    }

    private static Duration duration(String text) {
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        if (text.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        throw new IllegalArgumentException("a duration is like 500ms or 30s, not " + text);
    }
}
