package org.opensmur.hubsim.cli;

import com.rabbitmq.client.ConnectionFactory;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opensmur.core.hub.codec.Decoded;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.amqp.AmqpHubTransport;
import org.opensmur.core.hub.transport.ConnectionState;
import org.opensmur.core.hub.transport.HubConfig;
import org.opensmur.core.hub.transport.HubTransport;
import org.opensmur.core.hub.transport.LocalHubFolder;
import org.opensmur.core.hub.transport.PublishOutcome;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.hubsim.broker.EmbeddedHub;
import org.opensmur.hubsim.capture.CapturingTransport;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.hubsim.dispatch.AwaitedReferences;
import org.opensmur.hubsim.dispatch.Dispatcher;
import org.opensmur.hubsim.dispatch.OfficialSchemas;
import org.opensmur.oru.LocalOru;
import org.opensmur.hubsim.lrm.LrmSimulator;
import org.opensmur.hubsim.lrm.Scenario;
import org.opensmur.hubsim.lrm.ScenarioReport;
import org.opensmur.hubsim.tablet.HeadlessTablet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hub-sim}: the local Hub for demos and tests, on the embedded broker (started here, nothing to
 * install) or on the RabbitMQ prepared by bin/hub-broker-setup. Either way its certificates and settings
 * are read from one folder in the same layout ({@code broker.env}, {@code password}, dev-ca stores).
 */
@Command(name = "hub-sim", mixinStandardHelpOptions = true, version = "hub-sim 0.1",
        description = "The local Hub: dispatcher with the Hub's rules, LRM simulator, the ORU's concentrator, headless tablet.",
        subcommands = {HubSimCli.Demo.class, HubSimCli.DispatcherCommand.class, HubSimCli.Send.class})
public final class HubSimCli implements Callable<Integer> {

    static final String TABLET = "fr.health.test.smurtab";
    static final String LRM = "fr.health.test.lrm";
    static final String ORU = "fr.health.test.oru";

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--tls-dir", paramLabel = "DIR", defaultValue = ".local/hub-tls", description = "folder written by bin/hub-broker-setup (default: ${DEFAULT-VALUE})")
    Path tlsDir;

    public static void main(String[] args) {
        System.exit(command().execute(args));
    }

    /** The command line, a bad value answered with its option named and where the usage is (not the whole usage). */
    static CommandLine command() {
        CommandLine cli = new CommandLine(new HubSimCli());
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println(e.getMessage());
            String name = failed == cli ? "hub-sim" : "hub-sim " + failed.getCommandName();
            failed.getErr().println("(./bin/" + name + " --help lists every option)");
            return 2;
        });
        return cli;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 2;
    }

    /** The vhost to use on the local Hub (null: the folder's own). */
    String vhost;

    LocalHubFolder broker() {
        return LocalHubFolder.open(tlsDir).withVhost(vhost);
    }

    /** A client of the local Hub (send), with its certificate from the folder. */
    HubConfig config(String clientId) {
        Map<String, String> s = broker().settings(clientId);
        s.put("LRM_CLIENT_ID", LRM);
        s.put("ORU_CLIENT_ID", ORU);
        return HubConfig.load(null, s).orElseThrow();
    }

    /** Exit status of a run where a party could not connect: refused by the broker, or no answer in time. */
    static final int NOT_CONNECTED = 3;

    @Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false, description = {
        "Plays the LRM's scenarios on the local Hub, printing each one's report.",
        "Runs the dispatcher (unless --no-dispatcher), the ORU's concentrator and its dashboard, a headless tablet (unless --no-tablet) and",
        "the LRM simulator; ends when its rounds are done. Exit 0: every scenario complete, with every",
        "acknowledgement owed; 1: one incomplete; 2: a refused option (said in words); 3: a party could not",
        "connect (refused by the broker, said with the party, its user and the vhost, or no answer in time).",
        "",
        "Pointing the parties at another broker and dispatcher (--no-dispatcher --amqp URI): each party has",
        "its own client id (--id-prefix, --tablet-id, --lrm-id, --oru-id) and its own credentials, as the Hub",
        "gives each client its own user: --tablet-user/--tablet-password... on amqp://, --tablet-tls DIR... on amqps://.",
        "A password is never given on the command line: file:PATH (its first line), env:NAME or console."})
    static final class Demo implements Callable<Integer> {
        @CommandLine.ParentCommand
        HubSimCli parent;

        @Option(names = "--rounds", paramLabel = "N", defaultValue = "4",
                description = "scenarios to play, the primary intervention and the cancelled engagement in turn (default: ${DEFAULT-VALUE}; 0: until interrupted)")
        int rounds;

        @Option(names = "--step-ms", paramLabel = "MS", defaultValue = "2000", description = "time between the headless tablet's statuses (default: ${DEFAULT-VALUE})")
        long stepMs;

        @Option(names = "--manual", description = "a person plays the crew on the tablet app: the LRM simulator waits for each step"
                + " as long as it takes (or --step-timeout), instead of the scenario's seconds")
        boolean manual;

        @Option(names = "--step-timeout", paramLabel = "SECONDS", description = "how long the LRM simulator waits for each step the"
                + " tablet owes (default: the scenario's, e.g. 30 s; with --manual: no limit)")
        Long stepTimeout;

        /** How long the LRM simulator waits for each step: null for the scenario's own limits. */
        Duration stepLimit() {
            if (stepTimeout != null) {
                return Duration.ofSeconds(stepTimeout);
            }
            return manual ? Duration.ofDays(1) : null; // a person's pace: a shift is never that long a step
        }

        @Option(names = "--broker", paramLabel = "KIND",
                description = "embedded (Apache Qpid Broker-J in this process, certificates in --embedded-dir; the default without --amqp) or rabbitmq"
                        + " (the broker of bin/hub-broker-setup, certificates in --tls-dir)")
        String broker;

        @Option(names = "--embedded-dir", paramLabel = "DIR", defaultValue = ".local/embedded-hub",
                description = "where the embedded broker writes its certificates and broker.env (for the tablet app to join; default: ${DEFAULT-VALUE})")
        Path embeddedDir;

        @Option(names = "--oru-port", paramLabel = "PORT", defaultValue = "0",
                description = "the port of the ORU's dashboard on 127.0.0.1 (default: a free one, printed)")
        int oruPort;

        @Option(names = "--no-tablet", description = "no headless tablet: the tablet app answers the LRM")
        boolean noTablet;

        @Option(names = "--vhost", paramLabel = "VHOST", description = "the vhost, which decides the model line: 15-smur_local (model 3, the"
                + " default on the embedded broker), 15-smur_v1.6 (model 2.0, the vhost in service), opensmur-test (model 3,"
                + " the default on RabbitMQ); with --amqp, the URI's path says it (if both are given they must agree)")
        String vhost;

        @Option(names = "--model-line", paramLabel = "LINE", description = "2.0 or 3: the model the vhost's messages follow, for a vhost"
                + " OpenSMUR does not know (refused without it; a known vhost decides by itself)")
        String modelLine;

        @Option(names = "--amqp", paramLabel = "URI", description = "another broker for the simulated parties: amqps://HOST:PORT/VHOST (each"
                + " party's certificate from --tls-dir or its --tablet-tls, --lrm-tls, --oru-tls), or amqp://HOST:PORT/VHOST on this machine"
                + " only (a user and password per party). The vhost is the URI's path (%%2F for '/'). With --no-dispatcher,"
                + " another dispatcher (a Hub sandbox, or ./bin/hub-sim dispatcher) does the routing")
        java.net.URI amqp;

        @Option(names = "--no-dispatcher", description = "do not run the local dispatcher: another one routes")
        boolean noDispatcher;

        @Option(names = "--id-prefix", paramLabel = "PREFIX", defaultValue = "fr.health.test",
                description = "the parties' client ids: PREFIX.smurtab (tablet), PREFIX.lrm, PREFIX.oru (default: ${DEFAULT-VALUE})")
        String idPrefix;

        @Option(names = "--tablet-id", paramLabel = "CLIENT_ID", description = "the headless tablet's (or the tablet app's) client id, instead of PREFIX.smurtab")
        String tabletId;

        @Option(names = "--lrm-id", paramLabel = "CLIENT_ID", description = "the LRM simulator's client id, instead of PREFIX.lrm")
        String lrmId;

        @Option(names = "--oru-id", paramLabel = "CLIENT_ID", description = "the ORU's client id, instead of PREFIX.oru")
        String oruId;

        @Option(names = "--tablet-user", paramLabel = "USER", description = "on amqp://: the tablet's user (default: its client id when"
                + " --tablet-password is given, else the URI's user, else guest); the same for --lrm-user, --oru-user")
        String tabletUser;

        @Option(names = "--tablet-password", paramLabel = "SECRET", description = "on amqp://: the tablet's password, from file:PATH (first"
                + " line), env:NAME or console, never the password itself (default: the URI's); the same for --lrm-password, --oru-password")
        String tabletPassword;

        @Option(names = "--lrm-user", paramLabel = "USER", description = "on amqp://: the LRM simulator's user")
        String lrmUser;

        @Option(names = "--lrm-password", paramLabel = "SECRET", description = "on amqp://: the LRM simulator's password (file:PATH, env:NAME or console)")
        String lrmPassword;

        @Option(names = "--oru-user", paramLabel = "USER", description = "on amqp://: the ORU's user")
        String oruUser;

        @Option(names = "--oru-password", paramLabel = "SECRET", description = "on amqp://: the ORU's password (file:PATH, env:NAME or console)")
        String oruPassword;

        @Option(names = "--tablet-tls", paramLabel = "DIR", description = "on amqps://: the tablet's certificate folder, in the layout of"
                + " bin/hub-broker-setup (<client id>.p12, truststore.p12, password) (default: --tls-dir); the same for --lrm-tls, --oru-tls")
        Path tabletTls;

        @Option(names = "--lrm-tls", paramLabel = "DIR", description = "on amqps://: the LRM simulator's certificate folder")
        Path lrmTls;

        @Option(names = "--oru-tls", paramLabel = "DIR", description = "on amqps://: the ORU's certificate folder")
        Path oruTls;

        @Option(names = "--connect-wait", paramLabel = "SECONDS", defaultValue = "30",
                description = "how long each party may take to connect before the demo gives up naming it and why (default: ${DEFAULT-VALUE});"
                        + " a refusal by the broker (wrong user or password, no permission on the vhost, certificate refused) ends it at once")
        int connectWait;

        @Option(names = "--ack-wait", paramLabel = "SECONDS", defaultValue = "10",
                description = "after each scenario, how long to wait for the acknowledgements (RC-REF) the headless tablet is still owed;"
                        + " those that never came are named and leave the scenario incomplete (default: ${DEFAULT-VALUE})")
        int ackWait;

        @Option(names = "--capture", paramLabel = "DIR", description = "writes every message each simulated party publishes (one JSON file"
                + " each) and an index with sender, type and AMQP properties, as evidence for an integrator")
        Path capture;

        @Option(names = "--schemas", paramLabel = "DIR", description = "the official schemas of the vhost's model line (e.g."
                + " ../shared/hub-conformance-v2/schemas): the dispatcher then judges every message with them, as the Hub")
        Path schemas;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try {
                return start(out);
            } catch (PartyLinks.Refused refused) {
                spec.commandLine().getErr().println(refused.getMessage());
                return 2;
            }
        }

        private Map<PartyLinks.Party, String> ids() {
            Map<PartyLinks.Party, String> own = new java.util.EnumMap<>(PartyLinks.Party.class);
            own.put(PartyLinks.Party.TABLET, tabletId);
            own.put(PartyLinks.Party.LRM, lrmId);
            own.put(PartyLinks.Party.ORU, oruId);
            own.values().removeIf(java.util.Objects::isNull);
            return PartyLinks.ids(idPrefix, own);
        }

        private int start(PrintWriter out) throws Exception {
            Map<PartyLinks.Party, String> ids = ids();
            String kindName = broker != null ? broker : amqp != null ? "none" : "embedded";
            EmbeddedHub embedded = null;
            Dispatcher.Broker kind = Dispatcher.Broker.RABBITMQ;
            switch (kindName) {
                case "embedded" -> {
                    String v = vhost == null ? "15-smur_local" : vhost;
                    PartyLinks.modelLine(v, modelLine); // refused in words before a broker starts
                    embedded = EmbeddedHub.startLocal(embeddedDir.toAbsolutePath(), List.copyOf(ids.values()), v);
                    parent.tlsDir = embeddedDir.toAbsolutePath();
                    kind = Dispatcher.Broker.QPID;
                    out.println("Embedded broker (Apache Qpid Broker-J): amqps://localhost:" + embedded.tlsPort() + "/"
                            + embedded.vhost() + ", certificates and broker.env in " + embeddedDir);
                }
                case "rabbitmq" -> parent.vhost = amqp == null ? vhost : null;
                case "none" -> { }
                default -> throw new CommandLine.ParameterException(spec.commandLine(), "--broker: embedded or rabbitmq, not " + broker);
            }
            try {
                return run(out, kind, ids);
            } finally {
                if (embedded != null) {
                    embedded.close();
                }
            }
        }

        private HubTransport captured(HubTransport transport, String party, ModelLine line) {
            return capture == null ? transport : new CapturingTransport(transport, party, capture, HubCodec.of(line));
        }

        private int run(PrintWriter out, Dispatcher.Broker kind, Map<PartyLinks.Party, String> ids) throws Exception {
            // The simulated parties' stores (the ORU's RPIS records are patient data): removed when the demo ends.
            Path work = Files.createTempDirectory("opensmur-demo");
            // Ctrl-C or a kill ends the JVM without running the finally below: a shutdown hook removes it then.
            Thread cleanup = new Thread(() -> deleteRecursively(work), "demo-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            try {
                return play(out, kind, ids, work);
            } finally {
                deleteRecursively(work);
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanup);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs anyway; deleting twice is harmless
                }
            }
        }

        /** Each party's configuration, and who it logs in as (for the words of a refusal). */
        private record Links(Map<PartyLinks.Party, HubConfig> configs, java.util.function.Function<PartyLinks.Party, String> who,
                             String where) {
            HubConfig config(PartyLinks.Party party) {
                return configs.get(party);
            }
        }

        private Links links(Map<PartyLinks.Party, String> ids) {
            Map<PartyLinks.Party, HubConfig> configs = new java.util.EnumMap<>(PartyLinks.Party.class);
            if (amqp != null) {
                Map<PartyLinks.Party, PartyLinks.Access> access = new java.util.EnumMap<>(PartyLinks.Party.class);
                access.put(PartyLinks.Party.TABLET, new PartyLinks.Access(ids.get(PartyLinks.Party.TABLET), tabletUser, tabletPassword, tabletTls));
                access.put(PartyLinks.Party.LRM, new PartyLinks.Access(ids.get(PartyLinks.Party.LRM), lrmUser, lrmPassword, lrmTls));
                access.put(PartyLinks.Party.ORU, new PartyLinks.Access(ids.get(PartyLinks.Party.ORU), oruUser, oruPassword, oruTls));
                String vh = PartyLinks.vhost(amqp, vhost, folderVhost());
                PartyLinks links = new PartyLinks(amqp, vh, PartyLinks.modelLine(vh, modelLine), parent.tlsDir, access, ids, System.getenv());
                for (PartyLinks.Party party : PartyLinks.Party.values()) {
                    configs.put(party, links.config(party));
                }
                return new Links(configs, links::who, PartyLinks.safe(amqp).replaceFirst("/[^/]*$", "") + "/" + vh);
            }
            LocalHubFolder folder = parent.broker();
            String line = PartyLinks.modelLine(folder.vhost(), modelLine);
            for (PartyLinks.Party party : PartyLinks.Party.values()) {
                configs.put(party, PartyLinks.local(folder, ids.get(party), ids, modelLine == null ? null : line));
            }
            HubConfig any = configs.get(PartyLinks.Party.LRM);
            return new Links(configs, party -> "certificate " + configs.get(party).certificatePath(),
                    "amqps://" + any.host() + ":" + any.port() + "/" + any.vhost());
        }

        /** The local Hub folder's vhost, when there is a folder (a fallback for a URI that names none). */
        private String folderVhost() {
            try {
                return LocalHubFolder.open(parent.tlsDir).vhost();
            } catch (IllegalStateException noFolder) {
                return null;
            }
        }

        private int play(PrintWriter out, Dispatcher.Broker kind, Map<PartyLinks.Party, String> ids, Path work) throws Exception {
            Clock clock = Clock.systemDefaultZone();
            Links links = links(ids);
            String tabletId = ids.get(PartyLinks.Party.TABLET);
            String lrmId = ids.get(PartyLinks.Party.LRM);
            String oruId = ids.get(PartyLinks.Party.ORU);
            HubConfig lrmConfig = links.config(PartyLinks.Party.LRM);
            ModelLine line = ModelLine.named(lrmConfig.modelLine());
            Map<PartyLinks.Party, HubTransport> transports = new java.util.EnumMap<>(PartyLinks.Party.class);
            transports.put(PartyLinks.Party.LRM, captured(new AmqpHubTransport(lrmConfig, clock), lrmId, line));
            transports.put(PartyLinks.Party.ORU, captured(new AmqpHubTransport(links.config(PartyLinks.Party.ORU), clock), oruId, line));
            out.println("vhost " + lrmConfig.vhost() + ": model " + line.name() + " on " + links.where()
                    + (capture == null ? "" : "; every message published is captured in " + capture));
            Dispatcher dispatcher = null;
            if (!noDispatcher) {
                ConnectionFactory admin = new ConnectionFactory();
                admin.setUri(amqp == null ? parent.broker().adminUri() : LocalHubFolder.open(parent.tlsDir).adminUri());
                Path yardstick = schemas != null ? schemas : officialSchemasBeside(line);
                if (schemas == null && yardstick != null) {
                    out.println("the dispatcher judges every message with the official schemas of model " + line.name() + " (" + yardstick + ")");
                }
                dispatcher = new Dispatcher(admin.newConnection("local-hub-dispatcher"), clock, kind, line,
                        yardstick == null ? null : OfficialSchemas.load(yardstick));
            }
            HubConfig tabletConfig = links.config(PartyLinks.Party.TABLET);
            HubTransport tabletTransport = noTablet ? null : captured(new AmqpHubTransport(tabletConfig, clock), tabletId, line);
            if (tabletTransport != null) {
                transports.put(PartyLinks.Party.TABLET, tabletTransport);
            }
            try (Dispatcher routing = dispatcher;
                 LocalOru oru = LocalOru.start(transports.get(PartyLinks.Party.ORU), oruId, work.resolve("oru"), line, clock);
                 LrmSimulator lrm = new LrmSimulator(transports.get(PartyLinks.Party.LRM), lrmId, tabletId, line, clock);
                 HeadlessTablet tablet = noTablet ? null : new HeadlessTablet(tabletConfig, tabletTransport, work.resolve("tablet"),
                         demoSecret(work), Duration.ofMillis(stepMs), clock)) {
                lrm.stepLimit(stepLimit());
                lrm.start();
                if (tablet != null) {
                    tablet.start();
                }
                for (PartyLinks.Party party : transports.keySet()) {
                    out.println("  " + party.words + ": " + ids.get(party) + " (" + links.who().apply(party) + ")");
                }
                String refused = awaitConnections(transports, links, lrmConfig);
                if (refused != null) {
                    spec.commandLine().getErr().println(refused);
                    return NOT_CONNECTED;
                }
                out.println("Local Hub running: " + (routing == null ? "no dispatcher here (another one routes), " : "dispatcher (the Hub's rules), ")
                        + "LRM simulator (" + lrmId + "), ORU concentrator (" + oruId + "), "
                        + (tablet == null ? "waiting for the tablet app (" + tabletId + ")" : "headless tablet (" + tabletId + ")")
                        + ". Ctrl-C to stop.");
                oru.serve(oruPort);
                out.println(oru.howToLogIn());
                boolean allComplete = true;
                int recordsBefore = oru.records();
                String[] scenarios = {"primary", "cancelled"};
                for (int round = 0; rounds == 0 || round < rounds; round++) {
                    String name = scenarios[round % scenarios.length];
                    Scenario scenario;
                    try (InputStream in = HubSimCli.class.getResourceAsStream("/scenarios/" + name + "/scenario.txt")) {
                        scenario = Scenario.parse(in, name);
                    }
                    int mark = tablet == null ? 0 : tablet.sentSoFar();
                    long routedMark = routing == null ? 0 : routing.awaited().mark();
                    ScenarioReport report = lrm.play(scenario, file -> HubSimCli.class.getResourceAsStream(
                            Path.of("/scenarios/" + name + "/").resolve(file).normalize().toString()));
                    int rpis = oruRecordsAfter(report, oru, recordsBefore);
                    report = report.withRecordAtOru(rpis > recordsBefore);
                    recordsBefore = rpis;
                    if (tablet != null) {
                        report = owedToTablet(report, tablet, mark);
                    } else if (routing != null) {
                        report = owedToApp(report, routing.awaited(), tabletId, routedMark);
                    }
                    out.print(report);
                    allComplete &= report.complete();
                    out.println((routing == null ? "dispatcher: another one" : "dispatcher: " + routing.count(Dispatcher.Outcome.ROUTED)
                            + " routed, " + routing.count(Dispatcher.Outcome.REFUSED) + " refused") + "; ORU: "
                            + rpis + " RPIS record(s) (one per SMUR unit, mission and patient)");
                }
                return allComplete ? 0 : 1; // a scenario left incomplete fails the run (scripts and CI rely on it)
            }
        }

        /**
         * Waits (bounded by --ack-wait) for the acknowledgements the headless tablet is owed for what it sent
         * during the scenario, and adds them to the report: those that never came are named, and make it incomplete.
         */
        private ScenarioReport owedToTablet(ScenarioReport report, HeadlessTablet tablet, int mark) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(ackWait).toNanos();
            List<HeadlessTablet.Owed> owed = tablet.unacknowledged(mark);
            while (!owed.isEmpty() && System.nanoTime() - deadline < 0) {
                Thread.sleep(100);
                owed = tablet.unacknowledged(mark);
            }
            return report.withAcknowledgementsTo("the tablet", tablet.sentSoFar() - mark,
                    owed.stream().map(o -> o + ", not in " + ackWait + " s").toList());
        }

        /**
         * The same for the tablet app, whose ledger the local Hub cannot read: what the dispatcher routed from it
         * that must be integrated, and whose RC-REF never passed back (waited for up to --ack-wait), each named.
         */
        private ScenarioReport owedToApp(ScenarioReport report, AwaitedReferences awaited, String tabletId, long mark)
                throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(ackWait).toNanos();
            List<String> open = awaited.since(tabletId, mark);
            while (!open.isEmpty() && System.nanoTime() - deadline < 0) {
                Thread.sleep(100);
                open = awaited.since(tabletId, mark);
            }
            return report.withAcknowledgementsTo("the tablet", awaited.routedSince(tabletId, mark),
                    open.stream().map(o -> "RC-REF for " + o + ", not in " + ackWait + " s").toList());
        }

        /**
         * Waits until every party is connected (bounded by --connect-wait); the words for the first that was
         * refused (at once) or never connected, null when all are.
         */
        private String awaitConnections(Map<PartyLinks.Party, HubTransport> transports, Links links, HubConfig any)
                throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(connectWait).toNanos();
            while (true) {
                PartyLinks.Party waiting = null;
                String lastReason = "no answer yet";
                for (Map.Entry<PartyLinks.Party, HubTransport> e : transports.entrySet()) {
                    PartyLinks.Party party = e.getKey();
                    String who = party.capitalised() + " (" + links.who().apply(party) + ")";
                    switch (e.getValue().state()) {
                        case ConnectionState.Connected connected -> { }
                        case ConnectionState.Failed failed -> {
                            return who + " cannot connect to vhost " + any.vhost() + ": " + failed.reason();
                        }
                        case ConnectionState.Reconnecting r when r.cause() == ConnectionState.Cause.LOGIN_REFUSED
                                || r.cause() == ConnectionState.Cause.TLS_REFUSED -> {
                            return who + " was refused by the broker on vhost " + any.vhost() + ": " + r.reason();
                        }
                        case ConnectionState.Reconnecting r when r.cause() == ConnectionState.Cause.QUEUE_MISSING -> {
                            return who + " has no queues on vhost " + any.vhost() + ": " + r.reason();
                        }
                        case ConnectionState.Reconnecting r -> {
                            if (waiting == null) {
                                waiting = party;
                                lastReason = r.reason();
                            }
                        }
                        default -> waiting = waiting == null ? party : waiting;
                    }
                }
                if (waiting == null) {
                    return null;
                }
                if (System.nanoTime() - deadline > 0) {
                    return waiting.capitalised() + " (" + links.who().apply(waiting) + ") could not connect to " + any.host() + ":" + any.port()
                            + " (vhost " + any.vhost() + ") within " + connectWait + " s: " + lastReason;
                }
                Thread.sleep(100);
            }
        }
    }

    @Command(name = "dispatcher", mixinStandardHelpOptions = true, sortOptions = false, description = {
        "Runs the local Hub's dispatcher alone on a broker's vhost, until interrupted (or --for): the Hub's rules",
        "and routing for parties started apart (demo --no-dispatcher --amqp URI, the tablet app).",
        "It needs a user that reads dispatch and dispatch.dlq and writes to distribution, as the Hub's own",
        "service (an administrator will do). Exit 3 when the broker refuses it (said in words)."})
    static final class DispatcherCommand implements Callable<Integer> {
        @CommandLine.ParentCommand
        HubSimCli parent;

        @Option(names = "--amqp", paramLabel = "URI", description = "the broker and vhost, on this machine: amqp://USER@HOST:PORT/VHOST"
                + " (default: the local Hub folder's administrator, on --vhost or the folder's vhost)")
        java.net.URI amqp;

        @Option(names = "--password", paramLabel = "SECRET", description = "the user's password: file:PATH (first line), env:NAME or"
                + " console, never the password itself (default: the URI's)")
        String password;

        @Option(names = "--vhost", paramLabel = "VHOST", description = "the vhost, when the URI names none (if both are given they must agree)")
        String vhost;

        @Option(names = "--model-line", paramLabel = "LINE", description = "2.0 or 3, for a vhost OpenSMUR does not know")
        String modelLine;

        @Option(names = "--schemas", paramLabel = "DIR", description = "the official schemas of the vhost's model line: every message is"
                + " judged with them, as on the Hub (default: OpenSMUR's own validator, said in the first log line)")
        Path schemas;

        @Option(names = "--for", paramLabel = "SECONDS", description = "stops after this long (default: until interrupted)")
        Long seconds;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            java.net.URI uri;
            String vh;
            String line;
            try {
                uri = amqp != null ? amqp : java.net.URI.create(LocalHubFolder.open(parent.tlsDir).withVhost(vhost).adminUri());
                vh = PartyLinks.vhost(uri, vhost, null);
                line = PartyLinks.modelLine(vh, modelLine);
                if (!"amqp".equals(uri.getScheme()) || uri.getHost() == null
                        || !PartyLinks.loopback(uri.getHost())) {
                    throw new PartyLinks.Refused("--amqp: the local dispatcher connects to a broker on this machine, amqp://USER@HOST:PORT/VHOST, not "
                            + PartyLinks.safe(uri));
                }
            } catch (IllegalArgumentException | IllegalStateException e) { // refused in words, or no local Hub folder
                err.println(e.getMessage());
                return 2;
            }
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(uri);
            factory.setVirtualHost(vh);
            if (password != null) {
                try {
                    factory.setPassword(new String(org.opensmur.signing.CommandLineSecrets.read(password, "the dispatcher's password (--password)", System.getenv())));
                } catch (IllegalArgumentException e) {
                    err.println(e.getMessage());
                    return 2;
                }
            }
            String who = "The dispatcher (user " + factory.getUsername() + ")";
            com.rabbitmq.client.Connection connection;
            try {
                connection = factory.newConnection("local-hub-dispatcher");
            } catch (java.io.IOException | java.util.concurrent.TimeoutException e) {
                err.println(who + " was refused by the broker on vhost " + vh + ": " + AmqpHubTransport.describe(e));
                return NOT_CONNECTED;
            }
            Dispatcher dispatcher;
            try {
                dispatcher = new Dispatcher(connection, Clock.systemDefaultZone(), Dispatcher.Broker.RABBITMQ, ModelLine.named(line),
                        schemas == null ? null : OfficialSchemas.load(schemas));
            } catch (java.io.IOException e) {
                connection.abort(2_000);
                err.println(who + " may not read the queue dispatch or dispatch.dlq on vhost " + vh + ": " + AmqpHubTransport.describe(e));
                return NOT_CONNECTED;
            }
            java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
            Thread stop = new Thread(() -> {
                summary(out, dispatcher);
                stopped.countDown();
            }, "dispatcher-stop");
            Runtime.getRuntime().addShutdownHook(stop);
            out.println("Dispatcher running on amqp://" + uri.getHost() + ":" + factory.getPort() + "/" + vh + " as user " + factory.getUsername()
                    + ": model " + line + ", the Hub's rules and routing. " + (seconds == null ? "Ctrl-C to stop." : "Stops in " + seconds + " s."));
            if (seconds == null) {
                stopped.await();
                return 0;
            }
            Thread.sleep(Duration.ofSeconds(seconds).toMillis());
            Runtime.getRuntime().removeShutdownHook(stop);
            summary(out, dispatcher);
            return 0;
        }

        private static void summary(PrintWriter out, Dispatcher dispatcher) {
            out.println("dispatcher: " + dispatcher.count(Dispatcher.Outcome.ROUTED) + " routed, " + dispatcher.count(Dispatcher.Outcome.REFUSED)
                    + " refused, " + dispatcher.count(Dispatcher.Outcome.DEAD_LETTER_REPORTED) + " dead letter(s) reported");
            try {
                dispatcher.close();
            } catch (java.io.IOException | RuntimeException e) {
                // the connection is gone already
            }
        }
    }

    /**
     * The ORU's records once a mission that went back to base had the time to send its RPIS (the crew sends
     * it around RETOUR, after the LRM's report is complete): a count read at once would say 0 for it.
     */
    private static int oruRecordsAfter(ScenarioReport report, LocalOru oru, int before) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(report.backToBase() ? 5 : 0).toNanos();
        int now = oru.records();
        while (now == before && System.nanoTime() < deadline) {
            Thread.sleep(100);
            now = oru.records();
        }
        return now;
    }

    /**
     * A fresh random secret for the headless tablet's store, in a file its owner only can read (no secret in
     * code: the store holds the scenarios' patient data while the demo runs).
     */
    static char[] demoSecret(Path work) throws java.io.IOException {
        byte[] bytes = new byte[24];
        new java.security.SecureRandom().nextBytes(bytes);
        String secret = java.util.Base64.getEncoder().encodeToString(bytes);
        Path file = work.resolve("tablet-secret");
        Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, secret);
        return secret.toCharArray();
    }

    /** Removes what a demo wrote to its temporary folder. */
    static void deleteRecursively(Path folder) {
        if (Files.notExists(folder)) {
            return;
        }
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (java.io.IOException e) {
                    System.err.println("could not remove " + f + ": " + e.getMessage());
                }
            });
        } catch (java.io.IOException e) {
            System.err.println("could not remove " + folder + ": " + e.getMessage());
        }
    }

    @Command(name = "send", mixinStandardHelpOptions = true, description = "Publishes a payload file (wrapped automatically) as the LRM, for manual tests.")
    static final class Send implements Callable<Integer> {
        @CommandLine.ParentCommand
        HubSimCli parent;

        @Parameters(paramLabel = "FILE", description = "a payload (a use case's JSON) to wrap and publish")
        Path file;

        @Option(names = "--to", paramLabel = "CLIENT_ID", defaultValue = TABLET, description = "recipient (default: ${DEFAULT-VALUE})")
        String to;

        @Option(names = "--as", paramLabel = "CLIENT_ID", defaultValue = LRM, description = "sender: a client id with a certificate in the TLS folder (default: ${DEFAULT-VALUE})")
        String as;

        @Override
        public Integer call() throws Exception {
            HubCodec codec = new HubCodec();
            Decoded payload = codec.decode(Files.readAllBytes(file));
            if (payload.message() == null) {
                payload.issues().forEach(System.out::println);
                return 1;
            }
            HubMessage message = OutgoingMessages.of(as, Clock.systemDefaultZone()).build(payload.message().payload(), to).orElseThrow();
            try (AmqpHubTransport transport = new AmqpHubTransport(parent.config(as), Clock.systemUTC())) {
                transport.start(delivery -> org.opensmur.core.hub.transport.Inbound.Disposition.RETRY_LATER);
                for (int i = 0; i < 200 && !transport.state().isConnected(); i++) {
                    Thread.sleep(50);
                }
                PublishOutcome outcome = transport.publish(codec.encode(message), message.distributionID()).join();
                System.out.println(outcome.isConfirmed() ? "sent " + message.type() + " " + message.distributionID() : "not sent: " + outcome);
                return outcome.isConfirmed() ? 0 : 1;
            }
        }
    }

    /**
     * The official schemas of {@code line} in the Hub's public corpus beside the project ($OPENSMUR_CONFORMANCE,
     * set by bin/hub-sim when ../shared is there), so that the demo's Hub judges as the Hub does; null without it.
     */
    static Path officialSchemasBeside(ModelLine line) {
        String corpus = System.getenv("OPENSMUR_CONFORMANCE");
        if (corpus == null || corpus.isBlank()) {
            return null;
        }
        Path dir = Path.of(corpus, line == ModelLine.CURRENT ? "hub-conformance" : "hub-conformance-v2", "schemas");
        return java.nio.file.Files.isDirectory(dir) ? dir : null;
    }
}
