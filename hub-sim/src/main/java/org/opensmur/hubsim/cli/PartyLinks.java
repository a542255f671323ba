package org.opensmur.hubsim.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.opensmur.core.hub.transport.HubConfig;
import org.opensmur.core.hub.transport.LocalHubFolder;
import org.opensmur.signing.CommandLineSecrets;
import org.opensmur.signing.Secrets;

/**
 * How each simulated party reaches another broker ({@code demo --amqp URI}): the broker's address and vhost
 * from the URI, and, per party, its own client id and its own credentials, as the Hub gives each client its
 * own user with its own permissions. Plain {@code amqp://} (loopback only): a user and a password per party
 * (the password read from {@code file:PATH}, {@code env:NAME} or the console, never given on the command
 * line); {@code amqps://}: a certificate folder per party. Passwords are never printed.
 */
final class PartyLinks {

    /** A simulated party: how the messages name it, and the suffix of its client id after {@code --id-prefix}. */
    enum Party {
        TABLET("the tablet", "smurtab", "tablet"),
        LRM("the LRM", "lrm", "lrm"),
        ORU("the ORU", "oru", "oru");

        final String words;
        final String idSuffix;
        /** The options' word: --tablet-id, --lrm-password... */
        final String option;

        Party(String words, String idSuffix, String option) {
            this.words = words;
            this.idSuffix = idSuffix;
            this.option = option;
        }

        /** "The LRM", at the start of a sentence. */
        String capitalised() {
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }
    }

    /** What an integrator said about one party; null where they said nothing. */
    record Access(String clientId, String user, String password, Path tlsDir) {
    }

    /** A refusal of what was asked, in words, before anything connects (the command exits 2). */
    static final class Refused extends IllegalArgumentException {
        Refused(String message) {
            super(message);
        }
    }

    /** The vhost the URI names (its path, decoded), or null when it names none. */
    static String vhostOf(URI uri) {
        String path = uri.getPath();
        return path == null || path.isEmpty() || path.equals("/") ? null : path.substring(1);
    }

    /**
     * The vhost to use: the URI's, or {@code --vhost}, or {@code fallback} (the local Hub folder's); a URI and
     * a {@code --vhost} that disagree are refused naming both.
     */
    static String vhost(URI uri, String option, String fallback) {
        String inUri = vhostOf(uri);
        if (inUri != null && option != null && !inUri.equals(option)) {
            throw new Refused("--amqp names vhost '" + inUri + "' and --vhost names '" + option
                    + "': give the vhost once (in the URI), or the same in both");
        }
        String vhost = inUri != null ? inUri : option != null ? option : fallback;
        if (vhost == null) {
            throw new Refused("--amqp " + safe(uri) + " names no vhost: give it as the URI's path (amqp://HOST:PORT/VHOST) or with --vhost");
        }
        return vhost;
    }

    /**
     * The model line of {@code vhost}: {@code --model-line} when given, else the one of a vhost the project
     * knows; an unknown vhost without it is refused in words.
     */
    static String modelLine(String vhost, String option) {
        if (option != null) {
            String line = option.equals("3.x") ? "3" : option;
            if (!HubConfig.MODEL_LINES.contains(line)) {
                throw new Refused("--model-line: '" + option + "' is not a model line the local Hub speaks (" + String.join(", ", HubConfig.MODEL_LINES) + ")");
            }
            return line;
        }
        String known = HubConfig.KNOWN_VHOSTS.get(vhost);
        if (known == null) {
            Map<String, String> vhosts = new TreeMap<>(HubConfig.KNOWN_VHOSTS);
            throw new Refused("vhost '" + vhost + "' is not one OpenSMUR knows (it knows " + vhosts
                    + ", vhost=model line), so it cannot tell which model its messages follow: say it with --model-line 2.0 or --model-line 3");
        }
        return known;
    }

    /** The URI without its user information (a password may be there). */
    static String safe(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private final URI uri;
    private final String vhost;
    private final String modelLine;
    private final Path defaultTlsDir;
    private final Map<Party, Access> access;
    private final Map<Party, String> ids = new EnumMap<>(Party.class);
    private final Map<String, String> environment;

    PartyLinks(URI uri, String vhost, String modelLine, Path defaultTlsDir, Map<Party, Access> access, Map<Party, String> ids,
               Map<String, String> environment) {
        if (!"amqp".equals(uri.getScheme()) && !"amqps".equals(uri.getScheme())) {
            throw new Refused("--amqp: amqps://HOST:PORT/VHOST, or amqp://HOST:PORT/VHOST on this machine, not " + safe(uri));
        }
        if (uri.getHost() == null) {
            throw new Refused("--amqp: no host in " + safe(uri));
        }
        if (plain(uri) && !loopback(uri.getHost())) {
            // Plain AMQP carries certificates nowhere and passwords in clear: the loopback only.
            throw new Refused("--amqp: plain amqp:// only to this machine (localhost, 127.x.x.x, ::1), not " + uri.getHost()
                    + " (use amqps:// with the parties' certificates)");
        }
        this.uri = uri;
        this.vhost = vhost;
        this.modelLine = modelLine;
        this.defaultTlsDir = defaultTlsDir;
        this.access = access;
        this.ids.putAll(ids);
        this.environment = environment;
    }

    private static boolean plain(URI uri) {
        return "amqp".equals(uri.getScheme());
    }

    static boolean loopback(String host) {
        return org.opensmur.core.hub.transport.HubConfig.loopback(host);
    }

    String vhost() {
        return vhost;
    }

    String clientId(Party party) {
        return ids.get(party);
    }

    /** Who the broker is asked to let in for {@code party}, for people: a user, or a certificate file. */
    String who(Party party) {
        if (plain(uri)) {
            return "user " + user(party);
        }
        return "certificate " + certificate(party);
    }

    private Path tlsDir(Party party) {
        Access a = access.get(party);
        return a != null && a.tlsDir() != null ? a.tlsDir() : defaultTlsDir;
    }

    private Path certificate(Party party) {
        return tlsDir(party).resolve(clientId(party) + ".p12");
    }

    /** The party's user: its own option, else its client id when it has its own password (the Hub names users so), else the URI's, else guest. */
    private String user(Party party) {
        Access a = access.get(party);
        if (a != null && a.user() != null) {
            return a.user();
        }
        if (a != null && a.password() != null) {
            return clientId(party);
        }
        String info = uri.getUserInfo();
        return info == null ? "guest" : info.split(":", 2)[0];
    }

    private String password(Party party) {
        Access a = access.get(party);
        if (a != null && a.password() != null) {
            try {
                return new String(CommandLineSecrets.read(a.password(), party.words + "'s password (--" + party.option + "-password)", environment));
            } catch (IllegalArgumentException e) {
                throw new Refused(e.getMessage()); // names the option and where it looked, never a value
            }
        }
        String info = uri.getUserInfo();
        if (info == null) {
            return "guest";
        }
        String[] parts = info.split(":", 2);
        return parts.length > 1 ? parts[1] : "";
    }

    /** The party's settings, by the SDK's names, and the configuration they make (a problem refused in words). */
    HubConfig config(Party party) {
        Map<String, String> s = new HashMap<>();
        s.put("HUB_HOSTNAME", uri.getHost());
        if (uri.getPort() > 0) {
            s.put("HUB_PORT", String.valueOf(uri.getPort()));
        }
        s.put("VHOST", vhost);
        s.put("MODEL_LINE", modelLine);
        s.put("CLIENT_ID", clientId(party));
        s.put("LRM_CLIENT_ID", clientId(Party.LRM));
        s.put("ORU_CLIENT_ID", clientId(Party.ORU));
        if (plain(uri)) {
            s.put("PLAIN_AMQP", "true");
            s.put("PLAIN_USER", user(party));
            s.put("PLAIN_PASSWORD", password(party));
        } else {
            Path dir = tlsDir(party);
            Path certificate = certificate(party);
            if (!Files.isReadable(certificate)) {
                throw new Refused(party.capitalised() + " (client id " + clientId(party) + ") has no certificate " + certificate.getFileName()
                        + " in " + dir + (access.get(party) == null || access.get(party).tlsDir() == null
                        ? " (give its folder with --" + party.option + "-tls DIR)" : ""));
            }
            String password;
            try {
                password = new String(Secrets.fromFile(dir.resolve("password"), party.words + "'s certificate password"));
            } catch (IllegalArgumentException e) {
                throw new Refused(e.getMessage());
            }
            s.put("CERTIFICATE_PATH", certificate.toString());
            s.put("KEY_PASSPHRASE", password);
            s.put("TRUST_STORE_PATH", dir.resolve("truststore.p12").toString());
            s.put("TRUST_STORE_PASSWORD", password);
        }
        HubConfig.Loaded loaded = HubConfig.load(null, s);
        if (!loaded.problems().isEmpty()) {
            throw new Refused(party.capitalised() + ": " + String.join("; ", loaded.problems()));
        }
        return loaded.config();
    }

    /** The client ids: {@code --id-prefix} P gives P.smurtab, P.lrm, P.oru; a party's own option wins. */
    static Map<Party, String> ids(String prefix, Map<Party, String> own) {
        Map<Party, String> ids = new EnumMap<>(Party.class);
        for (Party party : Party.values()) {
            String id = own.get(party);
            ids.put(party, id != null ? id : prefix + "." + party.idSuffix);
        }
        if (ids.values().stream().distinct().count() < ids.size()) {
            throw new Refused("the tablet, the LRM and the ORU need three different client ids, not " + ids.values());
        }
        return ids;
    }

    /** The local Hub folder's settings for {@code clientId} (its own broker), with the other parties' ids. */
    static HubConfig local(LocalHubFolder folder, String clientId, Map<Party, String> ids, String modelLine) {
        Map<String, String> s = folder.settings(clientId);
        s.put("LRM_CLIENT_ID", ids.get(Party.LRM));
        s.put("ORU_CLIENT_ID", ids.get(Party.ORU));
        if (modelLine != null) {
            s.put("MODEL_LINE", modelLine);
        }
        HubConfig.Loaded loaded = HubConfig.load(null, s);
        if (!loaded.problems().isEmpty()) {
            throw new Refused(clientId + ": " + String.join("; ", loaded.problems()));
        }
        return loaded.config();
    }
}
