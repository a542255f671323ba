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
import org.opensmur.oru.Records;
import org.opensmur.oru.hub.Concentrator;
import org.opensmur.oru.quality.Nomenclatures;
import org.opensmur.oru.quality.Quality;
import org.opensmur.oru.store.OruDatabase;
import org.opensmur.oru.store.OruStore;

/**
 * The concentrator in a process of its own, playing a broker's queue from a folder: each message not yet
 * acknowledged is delivered (redelivered when an earlier process may have had it), and acknowledged (a
 * line in {@code acks}) only when the concentrator says it is stored. {@link OruCrashTest} kills it with
 * kill -9 at random moments, between the commit and the ack among others.
 * Arguments: the database URL, the PostgreSQL schema or "-", the messages' folder, the acks file; several
 * such groups of four are taken one after the other (the warm-up child of {@link CrashRun} takes one per
 * database, so that the class-data archive it leaves holds both drivers' classes).
 */
public final class CrashChild {

    public static void main(String[] args) throws Exception {
        for (int i = 0; i + 3 < args.length; i += 4) {
            take(args[i], args[i + 1].equals("-") ? null : args[i + 1], Path.of(args[i + 2]), Path.of(args[i + 3]));
        }
        System.exit(0);
    }

    private static void take(String url, String schema, Path messages, Path acks) throws Exception {
        Set<String> acked = new HashSet<>(Files.exists(acks) ? Files.readAllLines(acks) : List.of());
        boolean restarted = Files.exists(acks);
        FakeTransport transport = new FakeTransport();
        // what Oru.receive starts, on the database and store Oru opens (its dashboard's users and audit log take no part
        // in receiving: left out, the child starts without BouncyCastle, a signed jar verified at each start)
        try (OruDatabase database = OruDatabase.open(url, schema);
                Concentrator concentrator = new Concentrator(transport, Records.ORU,
                        new OruStore(database, new Quality(Nomenclatures.none())), ModelLine.CURRENT, Clock.systemUTC())) {
            concentrator.start();
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
    }
}
