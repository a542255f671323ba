package org.opensmur.app.testing;

import java.nio.file.Path;
import java.time.Clock;
import org.opensmur.app.TabletSettings;
import org.opensmur.core.hub.transport.HubConfig;
import org.opensmur.store.rpis.RpisPrefill;
import org.opensmur.store.tablet.TabletCore;

/** A tablet core and its settings for view-model tests, offline, on a store in {@code folder}. */
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
        s.put("VHOST", "test");
        s.put("CLIENT_ID", "fr.health.samu440.smur.vlm1");
        s.put("LRM_CLIENT_ID", LRM);
        s.put("ORU_CLIENT_ID", "fr.health.ors.pdl");
        s.put("PLAIN_AMQP", "true");
        HubConfig hub = HubConfig.load(null, s).orElseThrow();
        return new TabletSettings(hub, folder, "view-model-test".toCharArray(), RESOURCE, "SMUR", "VLM 1", "Équipe 1",
                new RpisPrefill.Unit("fr.health.samu440", "440000271", "440000289", "0"), null);
    }

    public static TabletCore core(TabletSettings settings, Clock clock) {
        return new TabletCore(new NoNetwork(), settings.clientId(), settings.storeFolder(), settings.storeSecret(), clock);
    }
}
