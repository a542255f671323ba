package org.opensmur.app;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import org.opensmur.core.hub.transport.HubConfig;
import org.opensmur.core.hub.transport.LocalHubFolder;
import org.opensmur.signing.Secrets;
import org.opensmur.store.rpis.RpisPrefill;

/**
 * Desktop entry point.
 * <pre>
 *   tablet --hub-config FILE            Hub settings as the SDK names them (HUB_HOSTNAME, CLIENT_ID, ...)
 *   tablet --hub-dir DIR [--client-id ID]  a local Hub's folder (broker.env + dev-ca stores, see hub-sim)
 *          [--store DIR] [--tiles DIR] [--lang=fr|en] [--theme=day|night|sunlight] [--nmea=FILE]
 * </pre>
 * The store's secret comes from OPENSMUR_STORE_SECRET (env:, file: or console, as for every secret).
 */
public final class DesktopMain {

    static final String DEFAULT_CLIENT = "fr.health.test.smurtab";

    private DesktopMain() {
    }

    public static void main(String[] args) {
        Application.launch(TabletApp.class, args);
    }

    static TabletSettings settings(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).startsWith("--") && !args.get(i).contains("=")) {
                options.put(args.get(i).substring(2), args.get(++i));
            }
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        HubConfig hub;
        if (options.containsKey("hub-dir")) {
            hub = localHub(Path.of(options.get("hub-dir")), options.getOrDefault("client-id", DEFAULT_CLIENT));
        } else {
            hub = HubConfig.load(options.containsKey("hub-config") ? Path.of(options.get("hub-config")) : null, env)
                    .orElseThrow();
        }
        Path store = Path.of(options.getOrDefault("store", System.getProperty("user.home") + "/.opensmur/store"));
        char[] secret = Secrets.read(env.getOrDefault("OPENSMUR_STORE_SECRET", "console"), "store secret", env);
        String resource = "fr.health.samu440.resource." + hub.clientId().replaceAll("[^A-Za-z0-9_-]", "-");
        return new TabletSettings(hub, store, secret, resource, "SMUR", "VLM 1", "Équipe SMUR 1",
                new RpisPrefill.Unit("fr.health.samu440", "440000271", "440000289", "0"),
                options.containsKey("tiles") ? Path.of(options.get("tiles")) : null,
                "true".equalsIgnoreCase(env.get("RPIS_TO_LRM")));
    }

    /** A local Hub's folder, as bin/hub-broker-setup or the embedded broker leaves it. */
    static HubConfig localHub(Path dir, String clientId) {
        return HubConfig.load(null, localHubSettings(dir, clientId)).orElseThrow();
    }

    /** The Hub settings for {@code clientId} in a local Hub's folder, by the SDK's names. */
    public static Map<String, String> localHubSettings(Path dir, String clientId) {
        Map<String, String> s = LocalHubFolder.open(dir).settings(clientId);
        s.put("LRM_CLIENT_ID", "fr.health.test.lrm");
        s.put("ORU_CLIENT_ID", "fr.health.test.oru");
        s.put("HEARTBEAT_SECONDS", "5");
        return s;
    }
}
