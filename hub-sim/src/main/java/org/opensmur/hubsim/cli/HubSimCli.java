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
import org.opensmur.core.hub.transport.HubConfig;
import org.opensmur.core.hub.transport.HubTransport;
import org.opensmur.core.hub.transport.LocalHubFolder;
import org.opensmur.core.hub.transport.PublishOutcome;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.hubsim.broker.EmbeddedHub;
import org.opensmur.hubsim.capture.CapturingTransport;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.hubsim.dispatch.Dispatcher;
import org.opensmur.hubsim.dispatch.OfficialSchemas;
import org.opensmur.hubsim.lrm.LrmSimulator;
import org.opensmur.hubsim.lrm.Scenario;
import org.opensmur.hubsim.lrm.ScenarioReport;
import org.opensmur.hubsim.oru.OruSimulator;
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
        description = "The local Hub: dispatcher with the Hub's rules, LRM and ORU simulators, headless tablet.",
        subcommands = {HubSimCli.Demo.class, HubSimCli.Send.class, HubSimCli.OruExport.class})
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
        LocalHubFolder folder = LocalHubFolder.open(tlsDir);
        return amqp == null ? folder.withVhost(vhost) : folder; // another broker: its vhost is set in config()
    }

    /** Another broker for the simulated parties (demo --amqp), instead of the local Hub folder's. */
    java.net.URI amqp;

    HubConfig config(String clientId) {
        Map<String, String> s = broker().settings(clientId);
        s.put("LRM_CLIENT_ID", LRM);
        s.put("ORU_CLIENT_ID", ORU);
        if (amqp != null) {
            s.put("HUB_HOSTNAME", amqp.getHost());
            if (amqp.getPort() > 0) {
                s.put("HUB_PORT", String.valueOf(amqp.getPort()));
            }
            if (vhost != null) {
                s.put("VHOST", vhost);
            }
            if ("amqp".equals(amqp.getScheme())) {
                // Plain AMQP carries certificates nowhere and passwords in clear: the loopback only.
                String host = amqp.getHost();
                if (!("localhost".equals(host) || host.startsWith("127.") || "::1".equals(host) || "[::1]".equals(host))) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--amqp: plain amqp:// only to the loopback, not "
                            + host + " (use amqps:// with the certificates of --tls-dir)");
                }
                s.put("PLAIN_AMQP", "true");
                String[] user = amqp.getUserInfo() == null ? new String[] {"guest", "guest"} : amqp.getUserInfo().split(":", 2);
                s.put("PLAIN_USER", user[0]);
                s.put("PLAIN_PASSWORD", user.length > 1 ? user[1] : "");
            }
        }
        return HubConfig.load(null, s).orElseThrow();
    }

    @Command(name = "demo", mixinStandardHelpOptions = true, description = {"Plays the LRM's scenarios on the local Hub, printing each one's report.",
        "Runs the dispatcher, the ORU simulator, a headless tablet (unless --no-tablet) and",
        "the LRM simulator; ends when its rounds are done (exit 1 if one was incomplete)."})
    static final class Demo implements Callable<Integer> {
        @CommandLine.ParentCommand
        HubSimCli parent;

        @Option(names = "--rounds", paramLabel = "N", defaultValue = "4",
                description = "scenarios to play, the primary intervention and the cancelled engagement in turn (default: ${DEFAULT-VALUE}; 0: until interrupted)")
        int rounds;

        @Option(names = "--step-ms", paramLabel = "MS", defaultValue = "2000", description = "time between the headless tablet's statuses (default: ${DEFAULT-VALUE})")
        long stepMs;

        @Option(names = "--broker", paramLabel = "KIND", defaultValue = "embedded",
                description = "embedded (the default) (Apache Qpid Broker-J in this process, certificates in --embedded-dir) or rabbitmq"
                        + " (the broker of bin/hub-broker-setup, certificates in --tls-dir)")
        String broker;

        @Option(names = "--embedded-dir", paramLabel = "DIR", defaultValue = ".local/embedded-hub",
                description = "where the embedded broker writes its certificates and broker.env (for the tablet app to join; default: ${DEFAULT-VALUE})")
        Path embeddedDir;

        @Option(names = "--no-tablet", description = "no headless tablet: the tablet app answers the LRM")
        boolean noTablet;

        @Option(names = "--vhost", paramLabel = "VHOST", description = "the vhost, which decides the model line: 15-smur_local (model 3, the"
                + " default on the embedded broker), 15-smur_v1.6 (model 2.0, the vhost in service), opensmur-test (model 3,"
                + " the default on RabbitMQ)")
        String vhost;

        @Option(names = "--amqp", paramLabel = "URI", description = "another broker for the simulated parties (amqps://HOST:PORT with the"
                + " certificates of --tls-dir, or amqp://USER:PASS@HOST:PORT on the loopback only); with --no-dispatcher,"
                + " another dispatcher (a Hub sandbox) does the routing")
        java.net.URI amqp;

        @Option(names = "--no-dispatcher", description = "do not run the local dispatcher: another one routes")
        boolean noDispatcher;

        @Option(names = "--capture", paramLabel = "DIR", description = "writes every message each simulated party publishes (one JSON file"
                + " each) and an index with sender, type and AMQP properties, as evidence for an integrator")
        Path capture;

        @Option(names = "--schemas", paramLabel = "DIR", description = "the official schemas of the vhost's model line (e.g."
                + " ../shared/hub-conformance-v2/schemas): the dispatcher then judges every message with them, as the Hub")
        Path schemas;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = new PrintWriter(System.out, true);
            EmbeddedHub embedded = null;
            Dispatcher.Broker kind = Dispatcher.Broker.RABBITMQ;
            switch (broker) {
                case "embedded" -> {
                    embedded = EmbeddedHub.startLocal(embeddedDir.toAbsolutePath(), List.of(TABLET, LRM, ORU),
                            vhost == null ? "15-smur_local" : vhost);
                    parent.tlsDir = embeddedDir.toAbsolutePath();
                    kind = Dispatcher.Broker.QPID;
                    out.println("Embedded broker (Apache Qpid Broker-J): amqps://localhost:" + embedded.tlsPort() + "/"
                            + embedded.vhost() + ", certificates and broker.env in " + embeddedDir);
                }
                case "rabbitmq" -> parent.vhost = vhost;
                default -> throw new CommandLine.ParameterException(spec.commandLine(), "--broker: embedded or rabbitmq, not " + broker);
            }
            if (amqp != null) {
                parent.amqp = amqp;
            }
            try {
                return run(out, kind);
            } finally {
                if (embedded != null) {
                    embedded.close();
                }
            }
        }

        @Spec
        CommandLine.Model.CommandSpec spec;

        private HubTransport captured(HubTransport transport, String party, ModelLine line) {
            return capture == null ? transport : new CapturingTransport(transport, party, capture, HubCodec.of(line));
        }

        private int run(PrintWriter out, Dispatcher.Broker kind) throws Exception {
            // The simulated parties' stores (the ORU's RPIS records are patient data): removed when the demo ends.
            Path work = Files.createTempDirectory("opensmur-demo");
            // Ctrl-C or a kill ends the JVM without running the finally below: a shutdown hook removes it then.
            Thread cleanup = new Thread(() -> deleteRecursively(work), "demo-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            try {
                return play(out, kind, work);
            } finally {
                deleteRecursively(work);
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanup);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs anyway; deleting twice is harmless
                }
            }
        }

        private int play(PrintWriter out, Dispatcher.Broker kind, Path work) throws Exception {
            Clock clock = Clock.systemDefaultZone();
            HubConfig lrmConfig = parent.config(LRM);
            ModelLine line = ModelLine.named(lrmConfig.modelLine());
            HubTransport lrmTransport = captured(new AmqpHubTransport(lrmConfig, clock), LRM, line);
            HubTransport oruTransport = captured(new AmqpHubTransport(parent.config(ORU), clock), ORU, line);
            out.println("vhost " + lrmConfig.vhost() + ": model " + line.name() + (amqp == null ? "" : " on " + lrmConfig.describe())
                    + (capture == null ? "" : "; every message published is captured in " + capture));
            Dispatcher dispatcher = null;
            if (!noDispatcher) {
                ConnectionFactory admin = new ConnectionFactory();
                admin.setUri(parent.broker().adminUri());
                dispatcher = new Dispatcher(admin.newConnection("local-hub-dispatcher"), clock, kind, line,
                        schemas == null ? null : OfficialSchemas.load(schemas));
            }
            HubConfig tabletConfig = parent.config(TABLET);
            try (Dispatcher routing = dispatcher;
                 OruSimulator oru = new OruSimulator(oruTransport, ORU, work.resolve("oru.db"), line, clock);
                 LrmSimulator lrm = new LrmSimulator(lrmTransport, LRM, TABLET, line, clock);
                 HeadlessTablet tablet = noTablet ? null : new HeadlessTablet(tabletConfig,
                         captured(new AmqpHubTransport(tabletConfig, clock), TABLET, line), work.resolve("tablet"),
                         demoSecret(work), Duration.ofMillis(stepMs), clock)) {
                oru.start();
                lrm.start();
                if (tablet != null) {
                    tablet.start();
                }
                out.println("Local Hub running: dispatcher, LRM simulator (" + LRM + "), ORU simulator (" + ORU + "), "
                        + (tablet == null ? "waiting for the tablet app (" + TABLET + ")" : "headless tablet (" + TABLET + ")")
                        + ". Ctrl-C to stop.");
                boolean allComplete = true;
                int recordsBefore = oru.records().size();
                String[] scenarios = {"primary", "cancelled"};
                for (int round = 0; rounds == 0 || round < rounds; round++) {
                    String name = scenarios[round % scenarios.length];
                    Scenario scenario;
                    try (InputStream in = HubSimCli.class.getResourceAsStream("/scenarios/" + name + "/scenario.txt")) {
                        scenario = Scenario.parse(in, name);
                    }
                    ScenarioReport report = lrm.play(scenario, file -> HubSimCli.class.getResourceAsStream(
                            Path.of("/scenarios/" + name + "/").resolve(file).normalize().toString()));
                    out.print(report);
                    allComplete &= report.complete();
                    int rpis = oruRecordsAfter(report, oru, recordsBefore);
                    recordsBefore = rpis;
                    out.println((routing == null ? "dispatcher: another one" : "dispatcher: " + routing.count(Dispatcher.Outcome.ROUTED)
                            + " routed, " + routing.count(Dispatcher.Outcome.REFUSED) + " refused") + "; ORU: "
                            + rpis + " RPIS record(s)");
                }
                return allComplete ? 0 : 1; // a scenario left incomplete fails the run (scripts and CI rely on it)
            }
        }
    }

    /**
     * The ORU's records once a mission that went back to base had the time to send its RPIS (the crew sends
     * it around RETOUR, after the LRM's report is complete): a count read at once would say 0 for it.
     */
    private static int oruRecordsAfter(ScenarioReport report, OruSimulator oru, int before) throws InterruptedException {
        boolean backToBase = report.lines().stream().anyMatch(l -> l.expected().contains("RETOUR") && l.verdict() == ScenarioReport.Verdict.ARRIVED);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(backToBase ? 5 : 0).toNanos();
        int now = oru.records().size();
        while (now == before && System.nanoTime() < deadline) {
            Thread.sleep(100);
            now = oru.records().size();
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

    @Command(name = "oru-export", mixinStandardHelpOptions = true, description = "Exports the ORU simulator's RPIS records to CSV and/or JSON.")
    static final class OruExport implements Callable<Integer> {
        @Option(names = "--db", paramLabel = "FILE", required = true, description = "the ORU simulator's database")
        Path database;

        @Option(names = "--csv", paramLabel = "FILE", description = "writes the records as CSV (RFC 4180)")
        Path csv;

        @Option(names = "--json", paramLabel = "FILE", description = "writes the records as a JSON array")
        Path json;

        @Override
        public Integer call() throws Exception {
            try (OruSimulator oru = new OruSimulator(new org.opensmur.core.hub.transport.HubTransport() {
                public void start(org.opensmur.core.hub.transport.Inbound inbound) { }
                public java.util.concurrent.CompletableFuture<PublishOutcome> publish(byte[] body, String id) {
                    return java.util.concurrent.CompletableFuture.completedFuture(new PublishOutcome.Unknown(id, "offline export"));
                }
                public org.opensmur.core.hub.transport.ConnectionState state() {
                    return new org.opensmur.core.hub.transport.ConnectionState.Closed(java.time.Instant.now());
                }
                public void onStateChange(java.util.function.Consumer<org.opensmur.core.hub.transport.ConnectionState> l) { }
                public void close() { }
            }, ORU, database, Clock.systemDefaultZone())) {
                if (csv != null) {
                    oru.exportCsv(csv);
                }
                if (json != null) {
                    oru.exportJson(json);
                }
                System.out.println(oru.records().size() + " RPIS record(s) exported");
            }
            return 0;
        }
    }
}
