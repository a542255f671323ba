package org.opensmur.oru.crash;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.opensmur.core.hub.transport.Delivery;
import org.opensmur.core.hub.transport.HubQueue;
import org.opensmur.core.hub.transport.Inbound;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.testing.FakeTransport;
import org.opensmur.oru.Oru;
import org.opensmur.oru.Records;
import org.opensmur.oru.quality.Nomenclatures;
import org.opensmur.oru.store.OruDatabase;
import org.opensmur.oru.web.Users;

/**
 * The concentrator in a process of its own, playing a broker's queue from a folder: each message not yet
 * acknowledged is delivered (redelivered when an earlier process may have had it), and acknowledged (a
 * line in {@code acks}) only when the concentrator says it is stored. {@link OruCrashTest} kills it with
 * kill -9 at random moments, between the commit and the ack among others.
 * Arguments: the database URL, the PostgreSQL schema or "-", the messages' folder, the acks file.
 */
public final class CrashChild {

    public static void main(String[] args) throws Exception {
        Path messages = Path.of(args[2]);
        Path acks = Path.of(args[3]);
        Set<String> acked = new HashSet<>(Files.exists(acks) ? Files.readAllLines(acks) : List.of());
        boolean restarted = Files.exists(acks);
        try (Oru oru = new Oru(OruDatabase.open(args[0], args[1].equals("-") ? null : args[1]), Nomenclatures.none(),
                new Users.Cost(256, 1, 1), Clock.systemUTC())) {
            FakeTransport transport = new FakeTransport();
            oru.receive(transport, Records.ORU, ModelLine.CURRENT, Clock.systemUTC());
            List<Path> files;
            try (var list = Files.list(messages)) {
                files = list.sorted().toList();
            }
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (acked.contains(name)) {
                    continue;
                }
                Inbound.Disposition d = transport.inbound().onDelivery(
                        new Delivery(HubQueue.MESSAGE, Files.readAllBytes(file), "application/json", restarted));
                if (d != Inbound.Disposition.STORED) {
                    System.err.println("not stored: " + name + " " + d);
                    System.exit(2);
                }
                Files.writeString(acks, name + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        }
        System.exit(0);
    }
}
