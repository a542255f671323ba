package org.opensmur.hubsim.cli;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.amqp.HubBroker;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.hubsim.dispatch.Dispatcher;
import org.opensmur.hubsim.dispatch.OfficialSchemas;
import picocli.CommandLine;

/**
 * The simulated LRM, ORU and tablet on a broker where another dispatcher routes (here a separate one, as
 * a Hub sandbox would), on vhost 15-smur_v1.6, with every published message captured as evidence.
 */
@Tag("rabbitmq") // on the machine's RabbitMQ, whose queues the broker tests share: one at a time
@Tag("slow") // whole demos: run by ./bin/test and .ci/run, not by ./bin/test --quick
class AnyBrokerDemoTest {

    @TempDir
    Path dir;

    @Test
    void theSimulatedPartiesPlayAScenarioThroughAnotherDispatcherAndLeaveEvidence() throws Exception {
        HubBroker broker = HubBroker.require().onVhost("15-smur_v1.6");
        broker.purgeAll();
        Path capture = dir.resolve("capture");
        // "another dispatcher": not the demo's own
        try (Dispatcher other = new Dispatcher(broker.admin(), Clock.systemUTC(), Dispatcher.Broker.RABBITMQ, ModelLine.V2,
                OfficialSchemas.load(SharedCorpus.root(ModelLine.V2).resolve("schemas")))) {
            int exit = new CommandLine(new HubSimCli()).execute("--tls-dir", broker.tlsDir().toString(), "demo",
                    "--broker", "rabbitmq", "--amqp", "amqps://localhost:5671", "--vhost", "15-smur_v1.6", "--no-dispatcher",
                    "--capture", capture.toString(), "--rounds", "1", "--step-ms", "300");
            assertEquals(0, exit, "the scenario completed through the other dispatcher");
            assertTrue(other.count(Dispatcher.Outcome.ROUTED) > 20, "it did the routing: " + other.count(Dispatcher.Outcome.ROUTED));
            assertEquals(0, other.count(Dispatcher.Outcome.REFUSED));
        }
        List<String> index = Files.readAllLines(capture.resolve("index.tsv"));
        assertTrue(index.get(0).startsWith("n\tsender\ttype\tdistributionID\tamqp properties"), index.get(0));
        Set<String> senders = new java.util.TreeSet<>();
        JsonSchema official = SharedCorpus.officialEnvelopeSchema(ModelLine.V2);
        HubCodec codec = HubCodec.of(ModelLine.V2);
        for (String line : index.subList(1, index.size())) {
            String[] cells = line.split("\t");
            senders.add(cells[1]);
            assertTrue(cells[4].contains("contentType=application/json") && cells[4].contains("deliveryMode=2"), line);
            JsonNode message = codec.mapper().readTree(capture.resolve(cells[6]).toFile());
            assertEquals(cells[3], message.get("distributionID").asText());
            assertEquals(Set.of(), official.validate(message), "captured " + cells[6] + " passes the official 2.0 schema");
        }
        assertEquals(Set.of(HubBroker.LRM, HubBroker.TABLET), senders.stream().filter(s -> !s.equals(HubBroker.ORU))
                .collect(java.util.stream.Collectors.toSet()), "the LRM and the tablet published, each captured");
        assertTrue(index.size() > 20, "messages captured: " + (index.size() - 1));
    }
}
