package org.opensmur.app.flows;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import com.rabbitmq.client.ConnectionFactory;
import org.opensmur.app.DesktopMain;
import org.opensmur.core.hub.client.HubClient;
import org.opensmur.core.hub.client.ReceivedStore;
import org.opensmur.core.hub.client.HubEvent;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.codec.HubDates;
import org.opensmur.core.hub.message.DistributionKind;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.amqp.AmqpHubTransport;
import org.opensmur.core.hub.transport.HubConfig;
import org.opensmur.core.hub.amqp.TcpProxy;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.hubsim.broker.EmbeddedHub;
import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.hubsim.dispatch.Dispatcher;
import org.opensmur.hubsim.dispatch.OfficialSchemas;

/**
 * The local Hub on the embedded broker for the app's flows: dispatcher, an LRM and an ORU that record
 * what they receive (and acknowledge it as a real LRM does), and a TCP proxy in front of the broker so
 * that a test can take the tablet offline.
 */
public final class LocalHubForApp implements AutoCloseable {

    public static final String TABLET = "fr.health.test.smurtab";
    static final String LRM = "fr.health.test.lrm";
    static final String ORU = "fr.health.test.oru";
    /** Another Hub participant, with a certificate of its own: not the tablet's SAMU. */
    static final String OTHER = "fr.health.test.other";

    private static final List<String> CLIENTS = List.of(TABLET, LRM, ORU, OTHER);
    final Path dir;
    final EmbeddedHub hub;
    final Dispatcher dispatcher;
    final TcpProxy proxy;
    final List<HubMessage> atLrm = new CopyOnWriteArrayList<>();
    final List<HubMessage> atOru = new CopyOnWriteArrayList<>();
    /** RC-REFs the LRM received: "distributionID step". */
    final List<String> lrmReferences = new CopyOnWriteArrayList<>();
    private final AmqpHubTransport lrmTransport;
    private final AmqpHubTransport oruTransport;
    private final HubClient lrm;
    private final HubClient oru;
    private final HubCodec codec;
    private final OutgoingMessages fromLrm;
    final ModelLine line;
    private int cases;

    public LocalHubForApp() throws Exception {
        this("15-smur_local");
    }

    /**
     * The local Hub on {@code vhost} (its model line follows: 15-smur_v1.6 is model 2.0); its dispatcher
     * judges with the official schemas of that line, as the Hub does.
     */
    public LocalHubForApp(String vhost) throws Exception {
        line = ModelLine.named(HubConfig.KNOWN_VHOSTS.get(vhost));
        codec = HubCodec.of(line);
        fromLrm = OutgoingMessages.of(LRM, Clock.systemDefaultZone(), line);
        dir = Files.createTempDirectory("opensmur-app-hub");
        hub = EmbeddedHub.startLocalOnIssuedOnce(dir, CLIENTS, vhost); // each flow class: a fresh Hub, the JVM's certificates
        ConnectionFactory admin = new ConnectionFactory();
        admin.setUri(hub.adminUri());
        dispatcher = new Dispatcher(admin.newConnection("app-test-dispatcher"), Clock.systemUTC(), Dispatcher.Broker.QPID, line,
                OfficialSchemas.load(SharedCorpus.root(line).resolve("schemas")));
        proxy = new TcpProxy("127.0.0.1", new InetSocketAddress("127.0.0.1", hub.tlsPort()));
        lrmTransport = new AmqpHubTransport(config(LRM, false), Clock.systemUTC());
        lrm = new HubClient(lrmTransport, codec, decoded -> ReceivedStore.Outcome.NEW, HubClient.direct(lrmTransport, codec, fromLrm), event -> {
            if (event instanceof HubEvent.MessageReceived received) {
                atLrm.add(received.message());
            } else if (event instanceof HubEvent.ReferenceReceived reference) {
                lrmReferences.add(reference.referencedDistributionId() + " " + reference.step());
            }
        });
        oruTransport = new AmqpHubTransport(config(ORU, false), Clock.systemUTC());
        oru = new HubClient(oruTransport, codec, decoded -> ReceivedStore.Outcome.NEW,
                HubClient.direct(oruTransport, codec, OutgoingMessages.of(ORU, Clock.systemDefaultZone(), line)), event -> {
                    if (event instanceof HubEvent.MessageReceived received) {
                        atOru.add(received.message());
                    }
                });
        lrm.start();
        oru.start();
    }

    /** Settings for a client; the tablet's go through the proxy, with short heartbeats to notice a cut fast. */
    public HubConfig config(String clientId, boolean throughProxy) {
        Map<String, String> s = DesktopMain.localHubSettings(dir, clientId);
        if (throughProxy) {
            s.put("HUB_PORT", String.valueOf(proxy.port()));
            s.put("HEARTBEAT_SECONDS", "2");
            s.put("CONNECT_TIMEOUT_SECONDS", "3");
        }
        return HubConfig.load(null, s).orElseThrow();
    }

    public boolean lrmConnected() {
        return lrmTransport.state().isConnected() && oruTransport.state().isConnected();
    }

    /** A fresh case id for each flow. */
    public String newCase() {
        return "fr.health.samu440.DRFR15440" + (OffsetDateTime.now().toEpochSecond() % 100_000_000L) + (cases++);
    }

    /** Publishes one of the hub-sim scenario payloads as the LRM, with this case's values filled in. */
    public HubMessage send(String file, String caseId, DistributionKind kind) throws Exception {
        return sendPayload(scenarioFile(file, caseId), kind);
    }

    /** The same scenario file, published by another participant through the dispatcher, as the Hub would route it. */
    public HubMessage sendFromThirdParty(String file, String caseId, DistributionKind kind) throws Exception {
        var decoded = codec.decode(scenarioFile(file, caseId));
        try (AmqpHubTransport other = new AmqpHubTransport(config(OTHER, false), Clock.systemUTC())) {
            other.start(delivery -> org.opensmur.core.hub.transport.Inbound.Disposition.RETRY_LATER); // it reads nothing here
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> other.state().isConnected());
            HubMessage message = OutgoingMessages.of(OTHER, Clock.systemDefaultZone(), line)
                    .build(decoded.message().payload(), TABLET, kind == null ? decoded.type().defaultKind() : kind).orElseThrow();
            if (!other.publish(codec.encode(message), message.distributionID()).join().isConfirmed()) {
                throw new IllegalStateException("the third party could not publish " + decoded.type());
            }
            return message;
        }
    }

    private byte[] scenarioFile(String file, String caseId) throws Exception {
        String text;
        String variant = org.opensmur.hubsim.lrm.Scenario.variantFor(file, line);
        InputStream found = variant == null ? null : getClass().getResourceAsStream("/scenarios/primary/" + variant);
        try (InputStream in = found != null ? found : getClass().getResourceAsStream("/scenarios/primary/" + file)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String senderCaseId = caseId.substring(caseId.lastIndexOf('.') + 1);
        text = text.replace("${caseId}", caseId).replace("${senderCaseId}", senderCaseId)
                .replace("${patientId}", "fr.health.samu440.patient." + senderCaseId + ".1")
                .replace("${now}", HubDates.format(OffsetDateTime.now()));
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Publishes a payload (its wrapper, as the official examples are written, in this line's shape) as the LRM,
     * with {@code kind} ({@code null}: the type's own).
     */
    public HubMessage sendPayload(byte[] wrapper, DistributionKind kind) {
        var decoded = codec.decode(wrapper);
        if (decoded.message() == null) {
            throw new IllegalArgumentException("the example cannot be read on model " + line.name() + ": " + decoded.issues());
        }
        HubMessage message = fromLrm.build(decoded.message().payload(), TABLET, kind == null ? decoded.type().defaultKind() : kind)
                .orElseThrow();
        if (!lrmTransport.publish(codec.encode(message), message.distributionID()).join().isConfirmed()) {
            throw new IllegalStateException("the LRM could not publish " + decoded.type());
        }
        return message;
    }

    /** The codec of this Hub's line. */
    public HubCodec codec() {
        return codec;
    }

    @Override
    public void close() throws Exception {
        lrm.close(); // and its transport
        oru.close();
        proxy.close();
        dispatcher.close();
        hub.close();
    }
}
