package org.opensmur.app;

import java.nio.file.Path;
import java.util.Locale;
import org.opensmur.app.ui.Theme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The desktop tablet's command line ({@code ./bin/tablet --help}). Options take {@code --x=V} or
 * {@code --x V}; a bad value is refused naming the option and the values it takes.
 */
@Command(name = "tablet", mixinStandardHelpOptions = true, version = "OpenSMUR tablet 0.1",
        sortOptions = false,
        description = {"The SMUR tablet on the desktop (JavaFX).",
            "The store opens with the crew's PIN (chosen at first start, 6 digits or more);",
            "unattended runs give OPENSMUR_STORE_SECRET=file:PATH instead (mode 0600)."},
        footer = {"", "./bin/tablet --device DIR runs the device's start path instead (DIR stands in for the app's private"
            + " storage: the provisioning bundle, then the PIN); it takes no other option."})
public final class TabletCommand {

    /** The languages the screens speak. */
    public enum Lang { FR, EN }

    @Option(names = "--hub-dir", paramLabel = "DIR", description = "a local Hub's folder (broker.env and dev-ca stores, see hub-sim)")
    Path hubDir;

    @Option(names = "--client-id", paramLabel = "ID", defaultValue = DesktopMain.DEFAULT_CLIENT,
            description = "with --hub-dir: the tablet's client id (default: ${DEFAULT-VALUE})")
    String clientId;

    @Option(names = "--vhost", paramLabel = "VHOST", description = "with --hub-dir: which of the local Hub's vhosts"
            + " (15-smur_v1.6 for model 2.0; default: the folder's)")
    String vhost;

    @Option(names = "--hub-config", paramLabel = "FILE", description = "Hub settings by the SDK's names (HUB_HOSTNAME, VHOST, CLIENT_ID...);"
            + " the environment overrides them")
    Path hubConfig;

    @Option(names = "--store", paramLabel = "DIR", description = "the offline store's folder (default: ~/.opensmur/store)")
    Path store;

    @Option(names = "--tiles", paramLabel = "PATH", description = "offline map: an .mbtiles file, or a folder holding one or tiles laid out z/x/y.png")
    Path tiles;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "fr", description = "screens in: ${COMPLETION-CANDIDATES}"
            + " (default: ${DEFAULT-VALUE})")
    Lang lang;

    @Option(names = "--theme", paramLabel = "THEME", defaultValue = "day", description = "${COMPLETION-CANDIDATES}"
            + " (default: ${DEFAULT-VALUE})")
    Theme theme;

    @Option(names = "--nmea", paramLabel = "FILE", description = "replay positions from an NMEA file (desktop; devices use their GPS)")
    Path nmea;

    @Option(names = "--autopilot", paramLabel = "MS", description = "demo only: plays the crew on the screens, one step every MS ms")
    Long autopilot;

    @Option(names = "--lock-after", paramLabel = "MINUTES", defaultValue = "5",
            description = "locks the screen after MINUTES without a touch, outside an active mission (0: never; default: ${DEFAULT-VALUE})")
    int lockAfterMinutes;

    @Option(names = "--keep-missions", paramLabel = "HOURS", defaultValue = "72",
            description = "erases a mission over (and all delivered) HOURS after its end (default: ${DEFAULT-VALUE})")
    int keepMissionsHours;

    @Option(names = "--nomenclatures", paramLabel = "PATH", description = "installs the coded lists in PATH (a file, or a folder of"
            + " HubSante.<list>.csv and <list>.csv files: fait, motif, lieu, diagnostic, actes, devenir, commune, finess...),"
            + " each checked, before starting; a refused file is said and changes nothing")
    Path nomenclatures;

    @Option(names = "--nomenclature-source", paramLabel = "TEXT", description = "with --nomenclatures: where the lists come from"
            + " (kept with each list; default: the path, and the Hub models' commit when the folder is theirs)")
    String nomenclatureSource;

    @Option(names = "--restore-store", paramLabel = "COPY", description = "puts a rescued or damaged database back as the store"
            + " (never overwrites one), then exits")
    Path restoreStore;

    public Locale locale() {
        return lang == Lang.EN ? Locale.ENGLISH : Locale.FRENCH;
    }

    public Theme theme() {
        return theme;
    }

    public Path tiles() {
        return tiles;
    }

    public Path nmea() {
        return nmea;
    }

    public Long autopilot() {
        return autopilot;
    }

    public java.time.Duration keepMissions() {
        return java.time.Duration.ofHours(Math.max(0, keepMissionsHours));
    }

    public java.time.Duration lockAfter() {
        return java.time.Duration.ofMinutes(Math.max(0, lockAfterMinutes));
    }

    public Path store() {
        return store != null ? store : Path.of(System.getProperty("user.home"), ".opensmur", "store");
    }
}
