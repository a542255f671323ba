package org.opensmur.hubsim.capture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.opensmur.core.hub.codec.Decoded;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.transport.ConnectionState;
import org.opensmur.core.hub.transport.HubTransport;
import org.opensmur.core.hub.transport.Inbound;
import org.opensmur.core.hub.transport.PublishOutcome;

/**
 * Evidence for an integrator: every message a simulated party publishes, written as it went on the wire
 * (one JSON file each) with a line in {@code index.tsv}: number, sender, type, distributionID, the AMQP
 * properties the transport sets, and the broker's outcome. The transport underneath is unchanged.
 */
public final class CapturingTransport implements HubTransport {

    /** The AMQP properties every publication carries (see AmqpHubTransport). */
    private static final String PROPERTIES = "contentType=application/json deliveryMode=2 priority=0";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Object INDEX = new Object();

    private final HubTransport inner;
    private final String party;
    private final Path folder;
    private final HubCodec codec;

    public CapturingTransport(HubTransport inner, String party, Path folder, HubCodec codec) {
        this.inner = inner;
        this.party = party;
        this.folder = folder;
        this.codec = codec;
        synchronized (INDEX) {
            try {
                Files.createDirectories(folder);
                Path index = folder.resolve("index.tsv");
                if (!Files.exists(index)) {
                    Files.writeString(index, "n\tsender\ttype\tdistributionID\tamqp properties\toutcome\tfile\n", StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void start(Inbound inbound) {
        inner.start(inbound);
    }

    @Override
    public CompletableFuture<PublishOutcome> publish(byte[] body, String distributionId) {
        int n = SEQUENCE.incrementAndGet();
        Decoded decoded = codec.decode(body);
        String type = decoded.type() == null ? "unknown" : decoded.type().code();
        String file = String.format("%05d-%s-%s.json", n, party, type);
        try {
            Files.write(folder.resolve(file), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return inner.publish(body, distributionId).thenApply(outcome -> {
            String line = String.join("\t", String.valueOf(n), party, type, distributionId, PROPERTIES,
                    outcome.getClass().getSimpleName(), file) + "\n";
            synchronized (INDEX) {
                try {
                    Files.writeString(folder.resolve("index.tsv"), line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return outcome;
        });
    }

    @Override
    public ConnectionState state() {
        return inner.state();
    }

    @Override
    public void onStateChange(Consumer<ConnectionState> listener) {
        inner.onStateChange(listener);
    }

    @Override
    public void close() {
        inner.close();
    }
}
