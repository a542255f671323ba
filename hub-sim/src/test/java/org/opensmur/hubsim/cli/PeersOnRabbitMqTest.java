package org.opensmur.hubsim.cli;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.hub.amqp.HubBroker;
import org.opensmur.core.hub.amqp.HubTopology;
import org.opensmur.core.hub.transport.HubQueue;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.hubsim.dispatch.Dispatcher;
import org.opensmur.hubsim.dispatch.OfficialSchemas;

/**
 * The local Hub's parties pointed at a broker and a dispatcher they did not start, as an integrator points
 * them at another: the machine's RabbitMQ, vhost {@code opensmur-peers} (bin/hub-broker-setup; a vhost of its
 * own, so that no other broker test loses deliveries to these), each party with its own client id and its own
 * user with the Hub's per-client permissions (write on hubsante for its own routing key only, read on its
 * own queues), the dispatcher with its own user (reads dispatch, writes distribution), started apart here.
 * Everything goes through the command line an integrator types.
 */
@Tag("rabbitmq") // on the machine's RabbitMQ, whose queues the broker tests share: one at a time
@Tag("flow") // the parties started apart through their command lines: run by ./bin/test and .ci/run, not by ./bin/test --quick
class PeersOnRabbitMqTest {

    static final String VHOST = "opensmur-peers";
    static final String PREFIX = "fr.health.peers";
    static final String URI = "amqp://127.0.0.1:5672/" + VHOST;

    static HubBroker broker;

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err, long millis) {
    }

    @BeforeAll
    static void theVhostIsThere() throws Exception {
        broker = HubBroker.require();
        try (Connection admin = admin()) {
            admin.createChannel().queueDeclarePassive(PREFIX + ".smurtab.ack");
        } catch (IOException e) {
            String problem = "vhost " + VHOST + " with the users " + PREFIX + ".* is not set up (" + e.getCause() + "): run bin/hub-broker-setup";
            if ("true".equals(System.getenv("CI"))) {
                fail(problem);
            }
            assumeTrue(false, "skipped: " + problem);
        }
    }

    private static Connection admin() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri("amqp://guest:guest@127.0.0.1:5672/" + VHOST);
        factory.setAutomaticRecoveryEnabled(false);
        return factory.newConnection("peers-test-admin");
    }

    /** A plain connection as {@code user} with the folder's password (bin/hub-broker-setup gives it to the vhost's password users). */
    private static Connection as(String user) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        factory.setVirtualHost(VHOST);
        factory.setUsername(user);
        factory.setPassword(new String(broker.password()));
        factory.setAutomaticRecoveryEnabled(false);
        return factory.newConnection("peers-test-" + user);
    }

    private static void purge() throws Exception {
        try (Connection admin = admin(); Channel channel = admin.createChannel()) {
            channel.queuePurge(HubTopology.DISPATCH);
            channel.queuePurge(HubTopology.DISPATCH_DLQ);
            for (String party : List.of("smurtab", "lrm", "oru")) {
                for (HubQueue queue : HubQueue.values()) {
                    channel.queuePurge(PREFIX + "." + party + "." + queue.suffix());
                }
            }
        }
    }

    /**
     * What is left in {@code party}'s .ack queue, taken from it, but the RC-REFs about a message {@code party} sent:
     * each named by its type and the distributionID it is about (ids only, no content).
     */
    private static List<String> unreadBeyondTheOwed(String party) throws Exception {
        List<String> other = new ArrayList<>();
        var codec = new org.opensmur.core.hub.codec.HubCodec();
        try (Connection admin = admin(); Channel channel = admin.createChannel()) {
            for (var r = channel.basicGet(party + ".ack", true); r != null; r = channel.basicGet(party + ".ack", true)) {
                var decoded = codec.decode(r.getBody());
                Object payload = decoded.isValid() ? decoded.envelope().payload() : null;
                if (!(payload instanceof org.opensmur.core.reference.Reference reference
                        && reference.distributionID().startsWith(party + "_"))) {
                    other.add(payload == null ? "an invalid message " + decoded.issues()
                            : payload.getClass().getSimpleName() + " " + decoded.envelope().distributionID());
                }
            }
        }
        return other;
    }

    private Run hubSim(String... demoArgs) {
        List<String> args = new ArrayList<>(List.of("--tls-dir", broker.tlsDir().toString(), "demo"));
        args.addAll(List.of(demoArgs));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = HubSimCli.command();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        long start = System.nanoTime();
        int exit = cli.execute(args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString(), (System.nanoTime() - start) / 1_000_000);
    }

    /** The options an integrator gives for three parties with a user and password each. */
    private List<String> perParty(String lrmPasswordFile) {
        String password = "file:" + broker.tlsDir().resolve("password");
        return List.of("--no-dispatcher", "--amqp", URI, "--id-prefix", PREFIX,
                "--tablet-password", password, "--lrm-password", "file:" + lrmPasswordFile, "--oru-password", password);
    }

    private Dispatcher dispatcherApart() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri("amqp://hub-dispatcher@127.0.0.1:5672/" + VHOST);
        factory.setPassword(new String(broker.password()));
        return new Dispatcher(factory.newConnection("peers-test-dispatcher"), Clock.systemUTC(), Dispatcher.Broker.RABBITMQ,
                ModelLine.CURRENT, OfficialSchemas.load(SharedCorpus.root(ModelLine.CURRENT).resolve("schemas")));
    }

    @Test
    void bothScenariosCompleteThroughADispatcherStartedApartWithAUserPerPartyAndTheHubsPermissions() throws Exception {
        // The permissions are the Hub's, or this test proves nothing: the LRM's user may not read the tablet's queue.
        try (Connection lrm = as(PREFIX + ".lrm")) {
            Channel channel = lrm.createChannel(); // closed by the broker's refusal
            IOException refused = assertThrows(IOException.class, () -> channel.basicGet(PREFIX + ".smurtab.message", false));
            assertTrue(String.valueOf(refused.getCause()).contains("ACCESS_REFUSED"), String.valueOf(refused.getCause()));
        }
        purge();
        List<String> args = new ArrayList<>(perParty(broker.tlsDir().resolve("password").toString()));
        args.addAll(List.of("--model-line", "3", "--rounds", "2", "--step-ms", "300"));
        Run run;
        try (Dispatcher apart = dispatcherApart()) {
            run = hubSim(args.toArray(String[]::new));
            assertTrue(apart.count(Dispatcher.Outcome.ROUTED) > 40, "the dispatcher started apart routed: " + apart.count(Dispatcher.Outcome.ROUTED));
            assertEquals(0, apart.count(Dispatcher.Outcome.REFUSED), run.out());
        }
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("Scenario primary-intervention") && run.out().contains("Scenario cancelled-engagement"), run.out());
        assertEquals(2, count(run.out(), "\\): complete\n"), run.out());
        assertTrue(run.out().contains("no dispatcher here (another one routes)") && !run.out().contains("dispatcher (the Hub's rules)"), run.out());
        for (String party : List.of("tablet: " + PREFIX + ".smurtab (user " + PREFIX + ".smurtab)", "LRM: " + PREFIX + ".lrm (user " + PREFIX + ".lrm)",
                "ORU: " + PREFIX + ".oru (user " + PREFIX + ".oru)")) {
            assertTrue(run.out().contains(party), party + " in:\n" + run.out());
        }
        // Every acknowledgement the tablet was owed came before the verdict, none left unread in its queue.
        Matcher owed = Pattern.compile("ARRIVED  RC-REF to the tablet: (\\d+) of (\\d+)").matcher(run.out());
        int rounds = 0;
        while (owed.find()) {
            rounds++;
            assertEquals(owed.group(2), owed.group(1));
            assertTrue(Integer.parseInt(owed.group(2)) > 0, owed.group());
        }
        assertEquals(2, rounds, run.out());
        // ... and nothing else in its queue but an acknowledgement come after the verdict for something of its own already
        // acknowledged (every one owed arrived, just above): on a loaded broker a copy the Hub delivered again is
        // acknowledged again, or a second step after the first, once the party has gone.
        assertEquals(List.of(), unreadBeyondTheOwed(PREFIX + ".smurtab"), "left unread in the tablet's .ack queue");
        assertEquals(List.of(), unreadBeyondTheOwed(PREFIX + ".lrm"), "left unread in the LRM's .ack queue");
        assertFalse(run.out().contains(new String(broker.password())) || run.err().contains(new String(broker.password())), "a password was printed");
    }

    @Test
    void aWrongPasswordIsNamedWithThePartyItsUserAndTheVhostAndEndsTheDemoAtOnce() throws Exception {
        purge();
        Path wrong = dir.resolve("lrm-password");
        Files.writeString(wrong, "not-the-password\n");
        List<String> args = new ArrayList<>(perParty(wrong.toString()));
        args.addAll(List.of("--model-line", "3", "--rounds", "1"));
        Run run = hubSim(args.toArray(String[]::new));
        assertEquals(HubSimCli.NOT_CONNECTED, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("The LRM (user " + PREFIX + ".lrm) was refused by the broker on vhost " + VHOST + ": wrong user or password"),
                run.err());
        assertTrue(run.millis() < 15_000, "ended in " + run.millis() + " ms");
        assertFalse(run.out().contains("Scenario"), "no scenario played: " + run.out());
        assertFalse(run.err().contains("not-the-password"), "the password was printed");
    }

    @Test
    void aPartyWithoutPermissionOnTheVhostIsNamed() {
        // fr.health.peers.* users exist, but have no permission on opensmur-test: the broker refuses the vhost.
        String password = "file:" + broker.tlsDir().resolve("password");
        Run run = hubSim("--no-dispatcher", "--amqp", "amqp://127.0.0.1:5672/opensmur-test", "--id-prefix", PREFIX,
                "--tablet-password", password, "--lrm-password", password, "--oru-password", password, "--rounds", "1");
        assertEquals(HubSimCli.NOT_CONNECTED, run.exit(), run.out() + run.err());
        assertTrue(run.err().matches("(?s).*The (tablet|LRM|ORU) \\(user " + Pattern.quote(PREFIX) + "\\.(smurtab|lrm|oru)\\) was refused by the broker"
                + " on vhost opensmur-test: no permission on the vhost for this user.*"), run.err());
    }

    @Test
    void aVhostOpenSmurDoesNotKnowIsRefusedInWordsWithoutItsModelLineAndRunsWithIt() throws Exception {
        List<String> args = new ArrayList<>(perParty(broker.tlsDir().resolve("password").toString()));
        args.addAll(List.of("--rounds", "1", "--step-ms", "300"));
        Run refused = hubSim(args.toArray(String[]::new));
        assertEquals(2, refused.exit(), refused.out() + refused.err());
        assertTrue(refused.err().contains("vhost '" + VHOST + "' is not one OpenSMUR knows") && refused.err().contains("--model-line 2.0 or --model-line 3"),
                refused.err());
        assertFalse(refused.err().contains("Exception") || refused.err().contains("MODEL_LINE") || refused.err().contains("\tat "), refused.err());

        purge();
        args.addAll(List.of("--model-line", "3"));
        try (Dispatcher apart = dispatcherApart()) {
            Run run = hubSim(args.toArray(String[]::new));
            assertEquals(0, run.exit(), run.out() + run.err());
            assertTrue(run.out().contains("vhost " + VHOST + ": model 3") && run.out().contains("Scenario primary-intervention"), run.out());
        }
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
