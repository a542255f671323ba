package org.opensmur.oru.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.opensmur.core.hub.HubTransports;
import org.opensmur.core.hub.transport.HubConfig;
import org.opensmur.core.hub.transport.LocalHubFolder;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.oru.Oru;
import org.opensmur.oru.hub.Concentrator;
import org.opensmur.oru.hub.NoHub;
import org.opensmur.oru.quality.Nomenclatures;
import org.opensmur.oru.store.Export;
import org.opensmur.oru.store.OruDatabase;
import org.opensmur.oru.web.Dashboard;
import org.opensmur.oru.web.Users;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./bin/oru}: the ORU's RPIS concentrator (serve, import, export, user). */
@Command(name = "oru", mixinStandardHelpOptions = true, version = "OpenSMUR ORU concentrator 0.1",
        description = "The regional observatory's RPIS concentrator: receives RS-RPIS records from the Hub, consolidates one record"
                + " per SMUR unit, mission and patient, checks them and hands them over.",
        subcommands = {OruCli.Serve.class, OruCli.Import.class, OruCli.ExportCommand.class, OruCli.UserCommand.class})
public final class OruCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new OruCli()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The options every command has: the database and the nomenclatures. */
    static final class Storage {
        @Option(names = "--db", paramLabel = "URL", description = "the database: jdbc:postgresql://HOST/DB?user=… for a region, or"
                + " jdbc:sqlite:FILE (default: the embedded database in .local/oru/oru.db)")
        String db;

        @Option(names = "--nomenclatures", paramLabel = "DIR", defaultValue = "${env:ORU_NOMENCLATURES}",
                description = "the Hub's nomenclatures (HubSante.*.csv, e.g. shared/hub-conformance/nomenclatures), read at run time"
                        + " to check codes (default: $ORU_NOMENCLATURES; without them codes are not checked)")
        Path nomenclatures;

        @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "${env:ORU_ZONE:-Europe/Paris}",
                description = "the region's time zone, which cuts the months of the dashboard and the days of the exports"
                        + " (default: $ORU_ZONE, else Europe/Paris)")
        ZoneId zone;

        Oru open(Users.Cost cost) {
            String url = db != null ? db : OruDatabase.embeddedUrl(OruDatabase.DEFAULT_FOLDER);
            Nomenclatures lists = nomenclatures == null ? Nomenclatures.none() : Nomenclatures.in(nomenclatures);
            return new Oru(OruDatabase.open(url, null), lists, cost, Clock.systemUTC(), zone);
        }
    }

    /** What receiving takes: the senders of the region, when the region lists them, and how many refusals it records. */
    static final class Senders {
        @Option(names = "--senders", paramLabel = "IDS", split = ",", defaultValue = "${env:ORU_SENDERS}",
                description = "the client ids of the region's SMURs and SAMUs, comma separated: a record from any other sender is"
                        + " refused with an RS-ERROR (703) (default: $ORU_SENDERS; unset: every sender the Hub forwards)")
        List<String> ids;

        @Option(names = "--refusals-per-sender", paramLabel = "N", defaultValue = "${env:ORU_REFUSALS_PER_SENDER:-1000}",
                description = "refused messages recorded at most per sender and day: beyond, they are still answered with an RS-ERROR,"
                        + " not recorded (default: $ORU_REFUSALS_PER_SENDER, else 1000)")
        int refusalsPerDay;

        java.util.Set<String> set() {
            return ids == null ? java.util.Set.of() : ids.stream().map(String::strip).filter(id -> !id.isEmpty())
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Receives RS-RPIS from the Hub and serves the dashboard.")
    static final class Serve implements Callable<Integer> {
        @Mixin
        Storage storage;

        @Mixin
        Senders senders;

        @Option(names = "--amqp", paramLabel = "FILE", description = "the Hub connection's settings file (the SDK's names: HUB_HOSTNAME,"
                + " VHOST, CLIENT_ID, CERTIFICATE_PATH…; the environment may set them too)")
        Path amqp;

        @Option(names = "--hub-dir", paramLabel = "DIR", description = "instead of --amqp: a local Hub's folder (broker.env and dev-ca stores)")
        Path hubDir;

        @Option(names = "--client-id", defaultValue = "fr.health.test.oru", description = "with --hub-dir: the ORU's client id (default: ${DEFAULT-VALUE})")
        String clientId;

        @Option(names = "--no-hub", description = "the dashboard only, nothing received")
        boolean noHub;

        @Option(names = "--port", defaultValue = "8080", description = "the dashboard's port (default: ${DEFAULT-VALUE}; 0: any free one)")
        int port;

        @Option(names = "--bind", defaultValue = "127.0.0.1", description = "the address the dashboard listens on (default: ${DEFAULT-VALUE};"
                + " put it behind a TLS reverse proxy before opening it wider)")
        String bind;

        @Option(names = "--session-idle-minutes", paramLabel = "MINUTES", defaultValue = "${env:ORU_SESSION_IDLE_MINUTES:-30}",
                description = "a dashboard session not used for this long is over: log in again (default: $ORU_SESSION_IDLE_MINUTES, else 30)")
        long sessionIdleMinutes;

        @Option(names = "--secure-cookie", description = "mark the session cookie Secure: behind the TLS reverse proxy, so that the"
                + " browser never sends it over plain HTTP")
        boolean secureCookie;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            if (sessionIdleMinutes < 1) {
                spec.commandLine().getErr().println("serve: --session-idle-minutes: at least 1, not " + sessionIdleMinutes);
                return 2;
            }
            PrintWriter out = spec.commandLine().getOut();
            HubConfig config = null;
            if (!noHub) {
                if (amqp == null && hubDir == null) {
                    spec.commandLine().getErr().println("serve: where is the Hub? --amqp FILE or --hub-dir DIR (or --no-hub for the dashboard only)");
                    return 2;
                }
                HubConfig.Loaded loaded = hubDir != null
                        ? HubConfig.load(null, LocalHubFolder.open(hubDir).settings(clientId))
                        : HubConfig.load(amqp, System.getenv());
                if (!loaded.problems().isEmpty()) {
                    loaded.problems().forEach(p -> spec.commandLine().getErr().println("serve: " + p));
                    return 2;
                }
                config = loaded.config();
            }
            try (Oru oru = storage.open(Users.Cost.DEFAULT)) {
                if (config != null) {
                    ModelLine line = ModelLine.named(config.modelLine());
                    oru.receive(HubTransports.open(config, Clock.systemUTC()), config.clientId(), line, Clock.systemUTC(), senders.set(),
                            senders.refusalsPerDay);
                    out.println("Receiving RS-RPIS as " + config.clientId() + " on " + config.describe() + " (model " + line.name() + ")");
                }
                int bound = oru.serve(bind, port, new Dashboard.Settings(java.time.Duration.ofMinutes(sessionIdleMinutes), secureCookie,
                        Dashboard.Settings.DEFAULT.concurrentPasswordChecks()));
                out.println("Dashboard: http://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + bound + "/");
                if (!oru.users().any()) {
                    out.println("No user yet: ./bin/oru user add NAME --role administrator");
                }
                out.flush();
                CountDownLatch stop = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
                stop.await();
            }
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Receives EDXL files captured from the Hub the way a delivery is received; one line per file: stored,"
                    + " duplicate, superseded, conflict flagged, or refused with the reason.")
    static final class Import implements Callable<Integer> {
        @Mixin
        Storage storage;

        @Mixin
        Senders senders;

        @Option(names = "--line", defaultValue = "3", description = "the model line the files were written in: 3 or 2.0 (default: ${DEFAULT-VALUE})")
        String line;

        @Option(names = "--client-id", defaultValue = "fr.health.test.oru", description = "the ORU's client id the files were addressed to (default: ${DEFAULT-VALUE})")
        String clientId;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "EDXL-DE messages (JSON), one per file")
        List<Path> files;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            int refused = 0;
            try (Oru oru = storage.open(Users.Cost.DEFAULT)) {
                Concentrator concentrator = oru.receive(new NoHub(), clientId, ModelLine.named(line), Clock.systemUTC(), senders.set(),
                        senders.refusalsPerDay);
                for (Path file : files) {
                    String words;
                    try {
                        Concentrator.Receipt receipt = concentrator.receive(Files.readAllBytes(file));
                        words = receipt.words() + (receipt.recordId() == null ? "" : " (record " + receipt.recordId() + ")");
                        refused += receipt.refusal() != null ? 1 : 0;
                    } catch (IOException e) {
                        words = "refused: cannot be read (" + e.getMessage() + ")";
                        refused++;
                    }
                    out.println(file + ": " + words);
                }
            }
            return refused == 0 ? 0 : 1;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "One row per consolidated record decided in [--from, --to), with its latest values. Columns: smur_unit, org_id,"
                    + " case_id, month, versions, completeness, missing, doubtful, conflicts, other_units (other SMUR units holding the"
                    + " same patient of the same case), then the RS-RPIS fields by path;"
                    + " identity fields (patient id, birth date, residence) only with --with-identities.")
    static final class ExportCommand implements Callable<Integer> {
        @Mixin
        Storage storage;

        @Option(names = "--from", required = true, paramLabel = "DATE", description = "first day (YYYY-MM-DD, in the region's --zone), included")
        LocalDate from;

        @Option(names = "--to", required = true, paramLabel = "DATE", description = "last day (YYYY-MM-DD, in the region's --zone), excluded")
        LocalDate to;

        @Option(names = "--format", defaultValue = "csv", description = "csv or jsonl (default: ${DEFAULT-VALUE})")
        String format;

        @Option(names = "--out", paramLabel = "FILE", description = "the file to write (created readable by its owner only; default: standard output)")
        Path outFile;

        @Option(names = "--with-identities", description = "add the identity fields (written to the audit log as such)")
        boolean identities;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Export.Format chosen = switch (format) {
                case "csv" -> Export.Format.CSV;
                case "jsonl" -> Export.Format.JSONL;
                default -> null;
            };
            if (chosen == null) {
                spec.commandLine().getErr().println("export: --format csv or jsonl, not " + format);
                return 2;
            }
            try (Oru oru = storage.open(Users.Cost.DEFAULT)) {
                oru.audit().write("cli:" + System.getProperty("user.name"), identities ? "export with identities" : "export",
                        from + ".." + to + " " + format + (outFile == null ? " to standard output" : " to " + outFile));
                if (outFile != null) {
                    Files.deleteIfExists(outFile);
                    Files.createFile(outFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                }
                Writer out = outFile == null ? spec.commandLine().getOut()
                        : Files.newBufferedWriter(outFile, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
                int rows;
                try {
                    rows = Export.write(oru.store(), oru.store().startOf(from), oru.store().startOf(to), chosen, identities, out);
                } finally {
                    if (outFile != null) {
                        out.close();
                    }
                }
                spec.commandLine().getErr().println("export: " + rows + " record(s)" + (outFile == null ? "" : " written to " + outFile));
            }
            return 0;
        }
    }

    @Command(name = "user", mixinStandardHelpOptions = true, description = "Manages the dashboard's users.",
            subcommands = {UserCommand.Add.class, UserCommand.Remove.class})
    static final class UserCommand implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }

        @Command(name = "add", mixinStandardHelpOptions = true,
                description = "Adds a user, or sets an existing one's password and role. The password is asked for on the terminal,"
                        + " or read from the environment variable ORU_PASSWORD (never an argument: it would show in the process list).")
        static final class Add implements Callable<Integer> {
            @Mixin
            Storage storage;

            @Parameters(paramLabel = "NAME")
            String name;

            @Option(names = "--role", required = true, description = "viewer (no identities) or administrator")
            String role;

            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() {
                Users.Role chosen;
                try {
                    chosen = Users.Role.named(role);
                } catch (IllegalArgumentException e) {
                    spec.commandLine().getErr().println("user add: --role viewer or administrator, not " + role);
                    return 2;
                }
                char[] password;
                String fromEnvironment = System.getenv("ORU_PASSWORD");
                Console console = System.console();
                if (fromEnvironment != null) {
                    password = fromEnvironment.toCharArray();
                } else if (console != null) {
                    password = console.readPassword("Password for %s: ", name);
                } else {
                    spec.commandLine().getErr().println("user add: no terminal to ask the password on: set ORU_PASSWORD");
                    return 2;
                }
                try (Oru oru = storage.open(Users.Cost.DEFAULT)) {
                    oru.users().add(name, password, chosen);
                    spec.commandLine().getOut().println("user " + name + " (" + chosen.name().toLowerCase() + ") saved");
                } catch (IllegalArgumentException e) {
                    spec.commandLine().getErr().println("user add: " + e.getMessage());
                    return 2;
                } finally {
                    java.util.Arrays.fill(password, '\0');
                }
                return 0;
            }
        }

        @Command(name = "remove", mixinStandardHelpOptions = true,
                description = "Removes a user: it can no longer log in, and its open dashboard sessions end at their next request.")
        static final class Remove implements Callable<Integer> {
            @Mixin
            Storage storage;

            @Parameters(paramLabel = "NAME")
            String name;

            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() {
                try (Oru oru = storage.open(Users.Cost.DEFAULT)) {
                    if (!oru.users().remove(name)) {
                        spec.commandLine().getErr().println("user remove: no user " + name);
                        return 1;
                    }
                    oru.audit().write("cli:" + System.getProperty("user.name"), "user removed", name);
                    spec.commandLine().getOut().println("user " + name + " removed");
                }
                return 0;
            }
        }
    }

}
