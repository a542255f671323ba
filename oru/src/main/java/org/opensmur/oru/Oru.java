package org.opensmur.oru;

import java.nio.file.Path;
import java.time.Clock;
import org.opensmur.core.hub.transport.HubTransport;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.oru.hub.Concentrator;
import org.opensmur.oru.quality.Nomenclatures;
import org.opensmur.oru.quality.Quality;
import org.opensmur.oru.store.Audit;
import org.opensmur.oru.store.OruDatabase;
import org.opensmur.oru.store.OruStore;
import org.opensmur.oru.web.Dashboard;
import org.opensmur.oru.web.Users;

/**
 * The concentrator put together: its database, store, Hub client and dashboard. What {@code ./bin/oru
 * serve} runs, and what the local Hub's demo runs on its embedded default.
 */
public final class Oru implements AutoCloseable {

    private final OruDatabase database;
    private final OruStore store;
    private final Users users;
    private final Audit audit;
    private final Clock clock;
    private Concentrator concentrator;
    private Dashboard dashboard;

    public Oru(OruDatabase database, Nomenclatures nomenclatures, Users.Cost cost, Clock clock) {
        this(database, nomenclatures, cost, clock, OruStore.DEFAULT_ZONE);
    }

    /** {@code zone}: the region's time zone, which cuts its months and its exports' days. */
    public Oru(OruDatabase database, Nomenclatures nomenclatures, Users.Cost cost, Clock clock, java.time.ZoneId zone) {
        this.database = database;
        this.store = new OruStore(database, new Quality(nomenclatures), zone);
        this.users = new Users(store, cost);
        this.audit = new Audit(store, clock);
        this.clock = clock;
    }

    /** The embedded default in {@code folder}, the nomenclatures in {@code nomenclatures} when it exists. */
    public static Oru embedded(Path folder, Path nomenclatures, Clock clock) {
        Nomenclatures lists = nomenclatures != null && java.nio.file.Files.isDirectory(nomenclatures)
                ? Nomenclatures.in(nomenclatures) : Nomenclatures.none();
        return new Oru(OruDatabase.open(OruDatabase.embeddedUrl(folder), null), lists, Users.Cost.DEFAULT, clock);
    }

    /** Receives from the Hub on {@code transport} as client {@code oruId}, on a vhost of {@code line}. */
    public Concentrator receive(HubTransport transport, String oruId, ModelLine line, Clock clock) {
        return receive(transport, oruId, line, clock, java.util.Set.of());
    }

    /** As {@link #receive(HubTransport, String, ModelLine, Clock)}, taking records from {@code senders} only (empty: all). */
    public Concentrator receive(HubTransport transport, String oruId, ModelLine line, Clock clock, java.util.Set<String> senders) {
        return receive(transport, oruId, line, clock, senders, Concentrator.REFUSALS_PER_SENDER_PER_DAY);
    }

    /** As above, recording at most {@code refusalsPerSenderPerDay} refusals per sender and day (beyond, answered only). */
    public Concentrator receive(HubTransport transport, String oruId, ModelLine line, Clock clock, java.util.Set<String> senders,
            int refusalsPerSenderPerDay) {
        concentrator = new Concentrator(transport, oruId, store, line, clock, senders, refusalsPerSenderPerDay);
        concentrator.start();
        return concentrator;
    }

    /** Serves the dashboard on {@code host}:{@code port} (0: a free one); returns its port. */
    public int serve(String host, int port) {
        return serve(host, port, Dashboard.Settings.DEFAULT);
    }

    /** As {@link #serve(String, int)}, with the sessions' and the login's {@code settings}. */
    public int serve(String host, int port, Dashboard.Settings settings) {
        dashboard = new Dashboard(store, users, audit, settings, clock);
        return dashboard.start(host, port);
    }

    public OruStore store() {
        return store;
    }

    public Users users() {
        return users;
    }

    public Audit audit() {
        return audit;
    }

    @Override
    public void close() {
        if (dashboard != null) {
            dashboard.close();
        }
        if (concentrator != null) {
            concentrator.close();
        }
        database.close();
    }
}
