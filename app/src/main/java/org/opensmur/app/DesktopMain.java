package org.opensmur.app;

import org.opensmur.app.settings.TabletSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javafx.application.Application;
import org.opensmur.core.hub.transport.HubConfig;
import org.opensmur.core.hub.transport.LocalHubFolder;
import org.opensmur.store.crypto.StoreKeyProvider;
import picocli.CommandLine;

/**
 * Desktop entry point: reads the command line ({@link TabletCommand}, {@code --help}), then starts the
 * JavaFX app. The store opens with the crew's PIN (the unlock screen), or, for unattended runs, with
 * OPENSMUR_STORE_SECRET=file:PATH (a file its owner only may read).
 */
public final class DesktopMain {

    static final String DEFAULT_CLIENT = "fr.health.test.smurtab";

    private DesktopMain() {
    }

    /** What the command line said, for {@link TabletApp} (JavaFX builds the application itself). */
    private static TabletCommand options;

    /** Held: java.util.logging keeps loggers weakly, and a collected one forgets its level. */
    private static final java.util.logging.Logger GLUON_ATTACH = java.util.logging.Logger.getLogger("com.gluonhq.attach");

    public static void main(String[] args) {
        Parsed parsed = parse(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        if (parsed.exit() != null) {
            System.exit(parsed.exit());
        }
        if (parsed.command().restoreStore != null) {
            System.exit(restoreStore(parsed.command()));
        }
        options = parsed.command();
        if (options.nomenclatures != null && installLists(options, new PrintWriter(System.out, true), new PrintWriter(System.err, true)) != 0) {
            System.exit(1);
        }
        // Gluon Attach says at every desktop start that it is not on a device and has no GPS there (the app
        // then uses an NMEA file or a simulated drive, and says so itself): its severe problems only.
        GLUON_ATTACH.setLevel(java.util.logging.Level.SEVERE);
        Application.launch(TabletApp.class);
    }

    /** The command line read: options to run with, or the exit code when it was help, a version or a mistake. */
    record Parsed(TabletCommand command, Integer exit) {
    }

    static Parsed parse(String[] args, PrintWriter out, PrintWriter err) {
        TabletCommand command = new TabletCommand();
        CommandLine cli = new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(out);
        cli.setErr(err);
        try {
            cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println(e.getMessage()); // names the option and, for a list, the values it takes
            err.println("(./bin/tablet --help lists every option)");
            return new Parsed(command, 2);
        }
        if (cli.isUsageHelpRequested()) {
            cli.usage(out);
            return new Parsed(command, 0);
        }
        if (cli.isVersionHelpRequested()) {
            cli.printVersionHelp(out);
            return new Parsed(command, 0);
        }
        if (command.keepMissionsHours < 0) {
            err.println("--keep-missions: " + command.keepMissionsHours + ": give a number of hours, 0 (at once) or more");
            return new Parsed(command, 2);
        }
        if (command.lockAfterMinutes < 0) {
            err.println("--lock-after: " + command.lockAfterMinutes + ": give a number of minutes, 0 (never) or more");
            return new Parsed(command, 2);
        }
        return new Parsed(command, null);
    }

    /**
     * {@code --nomenclatures PATH}: installs the coded lists found there into the tablet's data folder, each checked
     * (its outcome printed); 1 when nothing there could be installed.
     */
    static int installLists(TabletCommand command, PrintWriter out, PrintWriter err) {
        Path from = command.nomenclatures;
        var folder = new org.opensmur.core.nomenclature.NomenclatureFolder(
                TabletSettings.nomenclatureFolder(command.store()));
        String source = command.nomenclatureSource != null ? command.nomenclatureSource : source(from);
        java.util.List<org.opensmur.core.nomenclature.NomenclatureFolder.Outcome> outcomes;
        if (java.nio.file.Files.isDirectory(from)) {
            outcomes = folder.installAll(from, source);
        } else {
            var list = org.opensmur.core.nomenclature.NomenclatureList.forFile(from.getFileName().toString());
            if (list.isEmpty()) {
                err.println("--nomenclatures: " + from + ": not a list's file name (HubSante.<list>.csv or <list>.csv, <list> one of "
                        + java.util.Arrays.stream(org.opensmur.core.nomenclature.NomenclatureList.values())
                                .map(org.opensmur.core.nomenclature.NomenclatureList::id).toList() + ")");
                return 1;
            }
            outcomes = java.util.List.of(folder.install(list.get(), from, source));
        }
        for (var outcome : outcomes) {
            switch (outcome) {
                case org.opensmur.core.nomenclature.NomenclatureFolder.Outcome.Installed ok -> out.println("list " + ok.nomenclature().list().id()
                        + " installed from " + ok.file() + ": " + ok.nomenclature().entries().size() + " codes, version "
                        + ok.nomenclature().version() + ", source " + ok.nomenclature().source());
                case org.opensmur.core.nomenclature.NomenclatureFolder.Outcome.Refused no -> err.println("list file " + no.file()
                        + " refused: " + no.reason());
            }
        }
        if (outcomes.isEmpty()) {
            err.println("--nomenclatures: no list's file in " + from);
        }
        return outcomes.stream().anyMatch(o -> o instanceof org.opensmur.core.nomenclature.NomenclatureFolder.Outcome.Installed) ? 0 : 1;
    }

    /** The folder's path, and the Hub models' commit when it is their nomenclatures folder (SOURCE_COMMIT beside it). */
    private static String source(Path from) {
        Path absolute = from.toAbsolutePath().normalize();
        Path commit = (java.nio.file.Files.isDirectory(absolute) ? absolute : absolute.getParent()).resolveSibling("SOURCE_COMMIT");
        try {
            if (java.nio.file.Files.isRegularFile(commit)) {
                return absolute + " (Hub models, commit " + java.nio.file.Files.readString(commit).strip() + ")";
            }
        } catch (java.io.IOException e) {
            // no commit to name: the path alone
        }
        return absolute.toString();
    }

    static TabletCommand options() {
        return options != null ? options : new TabletCommand();
    }

    /**
     * {@code --restore-store COPY [--store DIR]}: puts a rescue copy (or any damaged database) back as the
     * store, copying every readable row into a new {@code store.db}; an existing one is never overwritten.
     */
    static int restoreStore(TabletCommand command) {
        Path copy = command.restoreStore;
        Path target = command.store().resolve("store.db");
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

    static TabletSettings settings(TabletCommand command) {
        Map<String, String> env = new HashMap<>(System.getenv());
        HubConfig hub;
        if (command.hubDir != null) {
            hub = HubConfig.load(null, localHubSettings(command.hubDir, command.vhost, command.clientId)).orElseThrow();
        } else {
            hub = HubConfig.load(command.hubConfig, env).orElseThrow();
        }
        // Unattended runs (integrators, the demo) give a secret file; otherwise the crew unlocks with the PIN.
        String secretSetting = env.get("OPENSMUR_STORE_SECRET");
        StoreKeyProvider keys = secretSetting == null ? null : StoreKeyProvider.fromSetting(secretSetting);
        return TabletSettings.of(hub, command.store(), keys, command.tiles(), "true".equalsIgnoreCase(env.get("RPIS_TO_LRM")));
    }

    /** The Hub settings for {@code clientId} in a local Hub's folder, by the SDK's names. */
    public static Map<String, String> localHubSettings(Path dir, String clientId) {
        return localHubSettings(dir, null, clientId);
    }

    /** The same on one of the local Hub's vhosts ({@code null}: the folder's own). */
    static Map<String, String> localHubSettings(Path dir, String vhost, String clientId) {
        Map<String, String> s = LocalHubFolder.open(dir).withVhost(vhost).settings(clientId);
        s.put("LRM_CLIENT_ID", "fr.health.test.lrm");
        s.put("ORU_CLIENT_ID", "fr.health.test.oru");
        s.put("HEARTBEAT_SECONDS", "5");
        return s;
    }
}
