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
 *   tablet --restore-store COPY [--store DIR]   a rescued or damaged database back as the store
 * </pre>
 * The store's secret comes from OPENSMUR_STORE_SECRET (env:, file: or console, as for every secret).
 */
public final class DesktopMain {

    static final String DEFAULT_CLIENT = "fr.health.test.smurtab";

    private DesktopMain() {
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--restore-store")) {
            System.exit(restoreStore(List.of(args)));
        }
        Application.launch(TabletApp.class, args);
    }

    /**
     * {@code --restore-store COPY [--store DIR]}: puts a rescue copy (or any damaged database) back as the
     * store, copying every readable row into a new {@code store.db}; an existing one is never overwritten.
     */
    static int restoreStore(List<String> args) {
        Map<String, String> options = options(args);
        Path copy = Path.of(options.get("restore-store"));
        Path target = storeFolder(options).resolve("store.db");
        try {
            var salvage = org.opensmur.store.db.StoreDatabase.restore(copy, target);
            System.out.println("restored " + copy + " into " + target + ": rows copied " + salvage.copied()
                    + ", unreadable " + salvage.lost());
            return 0;
        } catch (org.opensmur.store.db.StoreException e) {
            System.err.println("cannot restore: " + e.getMessage());
            return 1;
        }
    }

    private static Map<String, String> options(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).startsWith("--") && !args.get(i).contains("=")) {
                options.put(args.get(i).substring(2), args.get(++i));
            }
        }
        return options;
    }

    private static Path storeFolder(Map<String, String> options) {
        return Path.of(options.getOrDefault("store", System.getProperty("user.home") + "/.opensmur/store"));
    }

    static TabletSettings settings(List<String> args) {
        Map<String, String> options = options(args);
        Map<String, String> env = new HashMap<>(System.getenv());
        HubConfig hub;
        if (options.containsKey("hub-dir")) {
            hub = localHub(Path.of(options.get("hub-dir")), options.getOrDefault("client-id", DEFAULT_CLIENT));
        } else {
            hub = HubConfig.load(options.containsKey("hub-config") ? Path.of(options.get("hub-config")) : null, env)
                    .orElseThrow();
        }
        Path store = storeFolder(options);
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
