package org.opensmur.core.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.opensmur.core.hub.codec.Decoded;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.message.DistributionKind;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.hub.transport.HubConfig;
import org.opensmur.core.hub.validation.HubRules;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.hub.validation.ValidationIssue;
import org.opensmur.core.hub.validation.Validator;
import org.opensmur.core.outgoing.Built;
import org.opensmur.core.outgoing.OutgoingMessages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hubmsg}: validate Hub messages and wrap bare payloads, for integrators. */
@Command(name = "hubmsg", mixinStandardHelpOptions = true, version = "hubmsg 0.2 (Hub model lines 2.0 and 3)",
        description = "Validates Hub Santé messages (15-SMUR link) and wraps bare payloads into complete envelopes.",
        subcommands = {HubMsg.Validate.class, HubMsg.Wrap.class})
public final class HubMsg implements Callable<Integer> {

    static final int OK = 0;
    static final int INVALID = 1;
    static final int UNREADABLE = 2;

    @Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new HubMsg());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> UNREADABLE);
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return UNREADABLE;
    }

    /** {@code --vhost V} or {@code --line 2.0|3}: which model line judges the messages (default: 3). */
    static final class LineChoice {
        @Option(names = "--vhost", paramLabel = "VHOST",
                description = "the vhost the message is for: its model line judges it (15-smur_v1.6 = model 2.0)")
        String vhost;

        @Option(names = "--line", paramLabel = "LINE", description = "the model line itself: 2.0 or 3")
        String line;

        ModelLine resolve(CommandLine cli) {
            if (line != null) {
                ModelLine named = ModelLine.named(line);
                if (named == null) {
                    throw new CommandLine.ParameterException(cli, "--line: '" + line + "' is not a model line (2.0 or 3)");
                }
                return named;
            }
            if (vhost != null) {
                String known = HubConfig.KNOWN_VHOSTS.get(vhost);
                if (known == null) {
                    throw new CommandLine.ParameterException(cli, "--vhost: '" + vhost + "' is not a vhost hubmsg knows ("
                            + new java.util.TreeMap<>(HubConfig.KNOWN_VHOSTS) + "); give --line 2.0 or --line 3");
                }
                return ModelLine.named(known);
            }
            return ModelLine.CURRENT;
        }
    }

    @Command(name = "validate", description = {
        "Checks whole EDXL-DE messages or bare payloads (as in the official examples).",
        "Prints 'OK <type>' or one line per error ('path: reason'). The verdict is the official schema's",
        "of the line and, for whole messages, the Hub dispatcher's (distributionID prefix, health actor);",
        "the DST's header conventions, which the Hub does not check, follow an OK as 'note' lines.",
        "Exit 0 when every file is valid, 1 when one is invalid, 2 when one cannot be read."})
    static final class Validate implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<Path> files;

        @CommandLine.ArgGroup(exclusive = true)
        LineChoice choice = new LineChoice();

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            HubCodec codec = HubCodec.of(choice.resolve(spec.commandLine()));
            int status = OK;
            for (Path file : files) {
                byte[] body;
                try {
                    body = Files.readAllBytes(file);
                } catch (IOException e) {
                    err.println(file + ": cannot read: " + e.getMessage());
                    status = UNREADABLE;
                    continue;
                }
                Decoded decoded = codec.decode(body);
                // The verdict is the official schema's and the Hub dispatcher's (what the Hub refuses); the
                // DST's header conventions, which official software breaks and the Hub forwards, are notes.
                List<ValidationIssue> issues = decoded.issues();
                List<ValidationIssue> notes = new java.util.ArrayList<>();
                if (issues.isEmpty()) {
                    notes.addAll(beyondInt(decoded.tree(), "$"));
                }
                if (issues.isEmpty() && decoded.envelope() != null) {
                    issues = HubRules.dispatcher(decoded.envelope());
                    notes.addAll(HubRules.conventions(decoded.envelope()));
                    if (decoded.envelope().content().size() != 1) {
                        notes.add(new ValidationIssue("$.content", ValidationIssue.Kind.HUB_RULE, null,
                                "the 15-SMUR link carries one content object; a tablet refuses more"));
                    }
                }
                String prefix = files.size() > 1 ? file + ": " : "";
                if (issues.isEmpty()) {
                    out.println(prefix + "OK " + decoded.type().code()
                            + (decoded.form() == Validator.Form.MESSAGE ? " (payload only)" : ""));
                    notes.forEach(note -> out.println(prefix + "note (not checked by the Hub): " + note));
                } else {
                    issues.forEach(issue -> out.println(prefix + issue));
                    status = Math.max(status, INVALID);
                }
            }
            return status;
        }
    }

    /**
     * Integers the schema accepts but the official Java model (Mod's {@code Integer} fields, the Hub's
     * deserialiser) cannot hold: said, not refused, since the schema is the yardstick.
     */
    static List<ValidationIssue> beyondInt(com.fasterxml.jackson.databind.JsonNode node, String path) {
        List<ValidationIssue> found = new java.util.ArrayList<>();
        if (node == null) {
            return found;
        }
        if (node.isIntegralNumber() && !node.canConvertToInt()) {
            found.add(new ValidationIssue(path, ValidationIssue.Kind.HUB_RULE, null,
                    "valid, but beyond a 32-bit int: the official Java model (and so the Hub's deserialiser) may fail on it"));
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> found.addAll(beyondInt(e.getValue(), path + "." + e.getKey())));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                found.addAll(beyondInt(node.get(i), path + "[" + i + "]"));
            }
        }
        return found;
    }

    @Command(name = "wrap", description = {
        "Wraps a bare payload (e.g. an official example) into a complete EDXL-DE message ready to publish:",
        "fresh distributionID, dates, header, recipient. Prints the JSON, or the errors (exit 1)."})
    static final class Wrap implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Option(names = "--from", required = true, description = "sender client id (your routing key)")
        String from;

        @Option(names = "--to", required = true, description = "recipient client id")
        String to;

        @Option(names = "--kind", description = "distribution kind (default: Ack for RC-REF, Error for RS-ERROR, else Report)")
        String kind;

        @CommandLine.ArgGroup(exclusive = true)
        LineChoice choice = new LineChoice();

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            ModelLine line = choice.resolve(spec.commandLine());
            HubCodec codec = HubCodec.of(line);
            Decoded decoded = codec.decode(Files.readAllBytes(file));
            if (decoded.message() == null) {
                decoded.issues().forEach(out::println);
                return INVALID;
            }
            MessageType type = decoded.type();
            DistributionKind distributionKind = kind != null ? kindOf(kind) : type.defaultKind();
            Built built = OutgoingMessages.of(from, Clock.systemDefaultZone(), line)
                    .build(decoded.message().payload(), to, distributionKind);
            if (!built.isValid() || !decoded.isValid()) {
                decoded.issues().forEach(out::println);
                built.issues().forEach(out::println);
                return INVALID;
            }
            out.println(codec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(codec.toTree(built.message())));
            return OK;
        }

        private static DistributionKind kindOf(String name) {
            for (DistributionKind k : DistributionKind.values()) {
                if (k.code().equalsIgnoreCase(name)) {
                    return k;
                }
            }
            throw new CommandLine.ParameterException(new CommandLine(new Wrap()), "unknown kind " + name
                    + " (Report, Update, Cancel, Ack, Error)");
        }
    }
}
