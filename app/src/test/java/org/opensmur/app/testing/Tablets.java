package org.opensmur.app.testing;

import java.nio.file.Path;
import java.time.Clock;
import javafx.application.Platform;
import org.opensmur.app.session.TabletSession;
import org.opensmur.app.settings.TabletSettings;
import org.opensmur.app.map.PositionSource;
import org.opensmur.app.ui.Labels;
import org.opensmur.core.hub.amqp.AmqpHubTransport;
import org.opensmur.core.hub.transport.HubConfig;
import org.opensmur.tablet.rpis.RpisPrefill;
import org.opensmur.tablet.TabletCore;

/** The test tablet's settings, and an offline core for view-model tests. */
public final class Tablets {

    public static final String RESOURCE = "fr.health.samu440.resource.VLM1";
    public static final String LRM = "fr.health.samu440.lrm";
    public static final String CASE = "fr.health.samu440.DRFR154402414300123";

    private Tablets() {
    }

    public static TabletSettings settings(Path folder) {
        java.util.Map<String, String> s = new java.util.HashMap<>();
        s.put("HUB_HOSTNAME", "127.0.0.1");
        s.put("HUB_PORT", "1");
        s.put("VHOST", "15-smur_v1.7");
        s.put("CLIENT_ID", "fr.health.samu440.smur.vlm1");
        s.put("LRM_CLIENT_ID", LRM);
        s.put("ORU_CLIENT_ID", "fr.health.ors.pdl");
        s.put("PLAIN_AMQP", "true");
        return settings(HubConfig.load(null, s).orElseThrow(), folder);
    }

    /** The test tablet (VLM 1 of the SAMU 44) on {@code hub}, its store in {@code folder} (its key at the cheap cost of TestKeys). */
    /**
     * A test tablet on the vhost of {@code line} (model 2.0 on 15-smur_v1.6, model 3 on 15-smur_v1.7), with an LRM and
     * an ORU, its store in {@code folder}; no broker behind it (the view models' tests).
     */
    public static TabletSettings settingsOn(org.opensmur.core.hub.validation.ModelLine line, Path folder) {
        java.util.Map<String, String> s = new java.util.HashMap<>();
        s.put("HUB_HOSTNAME", "127.0.0.1");
        s.put("HUB_PORT", "1");
        s.put("VHOST", line == org.opensmur.core.hub.validation.ModelLine.V2 ? "15-smur_v1.6" : "15-smur_v1.7");
        s.put("CLIENT_ID", "fr.health.samu440.smur.vlm1");
        s.put("LRM_CLIENT_ID", LRM);
        s.put("ORU_CLIENT_ID", "fr.health.ors.pdl");
        s.put("PLAIN_AMQP", "true");
        return settings(HubConfig.load(null, s).orElseThrow(), folder);
    }

    public static TabletSettings settings(HubConfig hub, Path folder) {
        return new TabletSettings(hub, folder, org.opensmur.store.testing.TestKeys.secret("test-tablet"), RESOURCE, "SMUR", "VLM 1", "Équipe 1",
                new RpisPrefill.Unit("fr.health.samu440", "440000271", "440000289", "0"), null);
    }

    /** The same tablet with an offline map package (an .mbtiles file or a folder). */
    public static TabletSettings withTiles(TabletSettings s, Path tiles) {
        return new TabletSettings(s.hub(), s.storeFolder(), s.storeKeys(), s.resourceId(), s.vehicleType(), s.vehicleName(), s.crewName(),
                s.unit(), tiles, s.rpisToLrm());
    }

    /** A whole session on the real AMQP transport, handing events to the JavaFX thread, standing still. */
    public static TabletSession session(TabletSettings settings, Clock clock) {
        return session(settings, clock, new AmqpHubTransport(settings.hub(), clock));
    }

    /** The same on a given transport (e.g. one that times what it hands over). */
    public static TabletSession session(TabletSettings settings, Clock clock, org.opensmur.core.hub.transport.HubTransport transport) {
        return session(settings, clock, transport, new StandingStill());
    }

    /** The same with a position source of the test's. */
    public static TabletSession session(TabletSettings settings, Clock clock, org.opensmur.core.hub.transport.HubTransport transport,
                                        PositionSource positions) {
        return new TabletSession(transport, settings, Labels.french(), Platform::runLater, clock, positions);
    }

    /**
     * A vehicle that moves when the test says, its fixes called back on the UI thread as the device's position
     * service does (Gluon Attach): what the tablet does with a fix must leave that thread for the store.
     */
    public static final class Moving implements PositionSource {
        private volatile java.util.function.Consumer<Fix> listener;

        @Override
        public void start(java.util.function.Consumer<Fix> listener) {
            this.listener = listener;
        }

        /** A fix at ({@code lat}, {@code lon}), now, delivered on the UI thread. */
        public void moveTo(double lat, double lon) {
            java.util.function.Consumer<Fix> to = listener;
            if (to != null) {
                Platform.runLater(() -> to.accept(new Fix(lat, lon, 50, 90, java.time.Instant.now())));
            }
        }

        @Override
        public void close() {
            listener = null;
        }
    }

    /** A vehicle whose position never comes (the tests that need positions give their own). */
    public static final class StandingStill implements PositionSource {
        @Override
        public void start(java.util.function.Consumer<Fix> listener) {
        }

        @Override
        public void close() {
        }
    }

    /** A tablet engaged on the official NORMAND request over a fake link: its core, its mission core, the case. */
    public record Engaged(TabletCore core, org.opensmur.tablet.mission.MissionCore mission, org.opensmur.core.testing.FakeTransport link,
                          String caseId) implements AutoCloseable {
        @Override
        public void close() {
            core.close();
        }
    }

    /**
     * The test tablet in {@code settings}' folder, its mission core doing its work on the caller's thread, the
     * SAMU's request delivered and accepted, the reply integrated by the SAMU ({@code accept} false: opened
     * again as after a restart, nothing delivered).
     */
    public static Engaged engaged(TabletSettings settings, Clock clock, boolean accept) {
        var link = new org.opensmur.core.testing.FakeTransport();
        var core = new TabletCore(link, settings.clientId(), org.opensmur.core.hub.validation.ModelLine.named(settings.hub().modelLine()),
                settings.storeFolder(), settings.storeKeys(), clock);
        core.trust(settings.hub().trustedParties());
        var mission = new org.opensmur.tablet.mission.MissionCore(core, new org.opensmur.tablet.mission.Crew(settings.resourceId(),
                settings.unit().orgId(), settings.vehicleType(), settings.vehicleName(), settings.crewName()), Runnable::run);
        core.start();
        if (accept) {
            var samu = org.opensmur.core.outgoing.OutgoingMessages.of(settings.lrmId(), clock);
            org.opensmur.tablet.testing.Deliveries.deliver(core, link, org.opensmur.tablet.testing.Deliveries.request(samu, settings.clientId()));
            String reply = mission.accept(null).orElseThrow().distributionId();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> core.ledger().find(reply).state() == org.opensmur.core.tablet.DeliveryState.SENT);
            var sent = core.outgoing().codec().decode(core.ledger().body(reply)).envelope();
            org.opensmur.tablet.testing.Deliveries.deliver(core, link,
                    samu.reference(sent, org.opensmur.core.reference.ReferenceStep.INTEGRE).orElseThrow());
        }
        return new Engaged(core, mission, link, mission.openCase());
    }

    public static TabletCore core(TabletSettings settings, Clock clock) {
        return new TabletCore(new NoNetwork(), settings.clientId(),
                org.opensmur.core.hub.validation.ModelLine.named(settings.hub().modelLine()), settings.storeFolder(),
                settings.storeKeys(), clock);
    }
}
