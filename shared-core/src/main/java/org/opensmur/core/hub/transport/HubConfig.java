package org.opensmur.core.hub.transport;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * How to reach the Hub. Read from a properties file, then overridden by environment variables with the
 * names integrators know from the official SDK tutorials ({@code HUB_HOSTNAME}, {@code HUB_PORT},
 * {@code VHOST}, {@code EXCHANGE_NAME}, {@code CERTIFICATE_PATH}, {@code KEY_PASSPHRASE},
 * {@code TRUST_STORE_PATH}, {@code TRUST_STORE_PASSWORD}) plus ours ({@code CLIENT_ID},
 * {@code LRM_CLIENT_ID}, {@code ORU_CLIENT_ID}, {@code KEY_PATH}, {@code PLAIN_AMQP}, {@code MODEL_LINE}, ...).
 * The vhost decides the model line ({@link #KNOWN_VHOSTS}); {@code MODEL_LINE} names it for another vhost.
 * The file uses the same names. Secrets are better given by environment than in the file.
 */
public record HubConfig(
        String host,
        int port,
        String vhost,
        String exchange,
        String clientId,
        String lrmClientId,
        String oruClientId,
        Path certificatePath,
        Path keyPath,
        char[] keyPassphrase,
        Path trustStorePath,
        char[] trustStorePassword,
        boolean plainAmqp,
        String plainUser,
        char[] plainPassword,
        int prefetch,
        int maxInFlight,
        Duration heartbeat,
        Duration connectTimeout,
        Duration publishTimeout,
        String modelLine,
        java.util.List<String> partnerClientIds) {

    /**
     * Who may steer this tablet's cases besides any case's first speaker: its SAMU ({@code LRM_CLIENT_ID})
     * and the partners the provisioning names ({@code PARTNER_CLIENT_IDS}, comma-separated).
     */
    public java.util.Set<String> trustedParties() {
        java.util.Set<String> trusted = new java.util.LinkedHashSet<>(partnerClientIds == null ? java.util.List.of() : partnerClientIds);
        if (lrmClientId != null) {
            trusted.add(lrmClientId);
        }
        return java.util.Set.copyOf(trusted);
    }

    public static final String HUB_EXCHANGE = "hubsante";
    /** The Hub takes a message's sender as {@code distributionID.split("_")[0]}: a client id has no '_'. */
    private static final Pattern CLIENT_ID = Pattern.compile("^[A-Za-z0-9.-]+$");

    /**
     * The vhosts this client knows, and the model line the Hub validates their messages with. A vhost is
     * named after the link and its DSF version; the models library maps DSF 15-SMUR 1.6 to model 2.0 and
     * 1.7 to model 3. The local Hub's own test vhosts speak 3.x.
     */
    public static final Map<String, String> KNOWN_VHOSTS = Map.of(
            "15-smur_v1.6", "2.0",
            "15-smur_v1.7", "3",
            "15-smur_local", "3",
            "opensmur-test", "3");
    /** The model lines a {@code MODEL_LINE} setting may name. */
    public static final List<String> MODEL_LINES = List.of("2.0", "3");

    /** The result of reading the configuration: a config, or every problem, each naming its setting. */
    public record Loaded(HubConfig config, List<String> problems) {
        public HubConfig orElseThrow() {
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("Hub configuration: " + String.join("; ", problems));
            }
            return config;
        }
    }

    public static Loaded load(Path file, Map<String, String> environment) {
        Properties properties = new Properties();
        List<String> problems = new ArrayList<>();
        if (file != null) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                problems.add("cannot read the configuration file " + file + ": " + e.getMessage());
            }
        }
        return from(properties, environment, problems);
    }

    static Loaded from(Properties file, Map<String, String> environment, List<String> problems) {
        Settings s = new Settings(file, environment, problems);
        boolean plain = s.flag("PLAIN_AMQP", false);
        String host = s.required("HUB_HOSTNAME");
        if (plain && host != null && !loopback(host)) {
            // No TLS means no certificate and a password in clear: only to a broker on this very machine.
            problems.add("PLAIN_AMQP: plain AMQP (no TLS) is only for a broker on this machine (localhost, 127.x.x.x, ::1),"
                    + " not '" + host + "'");
        }
        int port = s.integer("HUB_PORT", plain ? 5672 : 5671, 1, 65535);
        String vhost = s.required("VHOST");
        String exchange = s.text("EXCHANGE_NAME", HUB_EXCHANGE);
        if (!HUB_EXCHANGE.equals(exchange)) {
            problems.add("EXCHANGE_NAME: the Hub only accepts publications on '" + HUB_EXCHANGE + "', not '" + exchange + "'");
        }
        String clientId = s.clientId("CLIENT_ID", true);
        String lrm = s.clientId("LRM_CLIENT_ID", false);
        String oru = s.clientId("ORU_CLIENT_ID", false);
        Path certificate = null;
        Path key = null;
        char[] keyPassphrase = null;
        Path trustStore = null;
        char[] trustPassword = null;
        String plainUser = null;
        char[] plainPassword = null;
        if (plain) {
            plainUser = s.text("PLAIN_USER", "guest");
            plainPassword = s.text("PLAIN_PASSWORD", "guest").toCharArray();
        } else {
            certificate = s.file("CERTIFICATE_PATH", true);
            key = s.file("KEY_PATH", false);
            String passphrase = s.text("KEY_PASSPHRASE", null);
            keyPassphrase = passphrase == null ? null : passphrase.toCharArray();
            trustStore = s.file("TRUST_STORE_PATH", true);
            String trust = s.text("TRUST_STORE_PASSWORD", null);
            trustPassword = trust == null ? null : trust.toCharArray();
            // the same rule as the one that reads it: a chain named .pem, .crt or .cer is PEM, its key unencrypted or not
            if (certificate != null && !org.opensmur.signing.KeyMaterial.isPem(certificate) && keyPassphrase == null) {
                problems.add("KEY_PASSPHRASE: required to open the PKCS#12 " + certificate);
            }
        }
        int prefetch = s.integer("PREFETCH", 20, 1, 10_000);
        int maxInFlight = s.integer("MAX_IN_FLIGHT", 256, 1, 65_535);
        Duration heartbeat = Duration.ofSeconds(s.integer("HEARTBEAT_SECONDS", 10, 1, 600));
        Duration connectTimeout = Duration.ofSeconds(s.integer("CONNECT_TIMEOUT_SECONDS", 15, 1, 600));
        Duration publishTimeout = Duration.ofSeconds(s.integer("PUBLISH_TIMEOUT_SECONDS", 30, 1, 3600));
        String line = modelLine(s.text("MODEL_LINE", null), vhost, problems);
        // Other SAMU (and the like) the crew works for besides its own, as the provisioning says: they may steer a case.
        java.util.List<String> partners = new java.util.ArrayList<>();
        String partnerList = s.text("PARTNER_CLIENT_IDS", null);
        if (partnerList != null) {
            for (String partner : partnerList.split("[,\\s]+")) {
                if (partner.isBlank()) {
                    continue;
                }
                if (!CLIENT_ID.matcher(partner).matches()) {
                    problems.add("PARTNER_CLIENT_IDS: '" + partner + "' is not a Hub client id (letters, digits, '.', '-')");
                }
                partners.add(partner);
            }
        }
        HubConfig config = new HubConfig(host, port, vhost, exchange, clientId, lrm, oru, certificate, key, keyPassphrase,
                trustStore, trustPassword, plain, plainUser, plainPassword, prefetch, maxInFlight, heartbeat,
                connectTimeout, publishTimeout, line, partners);
        return new Loaded(problems.isEmpty() ? config : null, List.copyOf(problems));
    }

    private static final java.util.regex.Pattern LOOPBACK_V4 =
            java.util.regex.Pattern.compile("127\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){2}");

    /**
     * Whether {@code host} names the loopback itself: {@code localhost}, {@code ::1}, or an IPv4 literal in
     * 127.0.0.0/8. A name that merely starts with "127." ({@code 127.evil.example}) is a remote host.
     */
    public static boolean loopback(String host) {
        String h = host.strip().toLowerCase(java.util.Locale.ROOT);
        return h.equals("localhost") || h.equals("::1") || h.equals("[::1]") || LOOPBACK_V4.matcher(h).matches();
    }

    /** The model line: {@code MODEL_LINE} when set, else the one of a known vhost; an unknown vhost without it is refused. */
    private static String modelLine(String setting, String vhost, List<String> problems) {
        if (setting != null) {
            String line = setting.equals("3.x") ? "3" : setting;
            if (!MODEL_LINES.contains(line)) {
                problems.add("MODEL_LINE: '" + setting + "' is not a model line this client speaks (" + String.join(", ", MODEL_LINES) + ")");
                return null;
            }
            String known = vhost == null ? null : KNOWN_VHOSTS.get(vhost);
            if (known != null && !known.equals(line)) {
                // said for a vhost it does not know; for one it knows, another line would be refused by every peer there
                problems.add("MODEL_LINE: '" + setting + "' contradicts the vhost " + vhost + ", which is model " + known);
                return null;
            }
            return line;
        }
        if (vhost == null) {
            return null;
        }
        String known = KNOWN_VHOSTS.get(vhost);
        if (known == null) {
            problems.add("VHOST: '" + vhost + "' is not a vhost this tablet knows (" + new java.util.TreeMap<>(KNOWN_VHOSTS)
                    + "); set MODEL_LINE=2.0 or MODEL_LINE=3 to say which model its messages follow");
        }
        return known;
    }

    /** The queue this client consumes for {@code queue}. */
    public String queueName(HubQueue queue) {
        return clientId + "." + queue.suffix();
    }

    public String describe() {
        return (plainAmqp ? "amqp" : "amqps") + "://" + host + ":" + port + "/" + vhost + " as " + clientId
                + " (model " + modelLine + ")";
    }

    @Override
    public String toString() {
        return "HubConfig[" + describe() + "]"; // never the secrets
    }

    private record Settings(Properties file, Map<String, String> environment, List<String> problems) {
        String text(String name, String fallback) {
            String value = environment.get(name);
            if (value == null || value.isBlank()) {
                value = file.getProperty(name);
            }
            return value == null || value.isBlank() ? fallback : value.strip();
        }

        String required(String name) {
            String value = text(name, null);
            if (value == null) {
                problems.add(name + ": missing");
            }
            return value;
        }

        String clientId(String name, boolean required) {
            String value = required ? required(name) : text(name, null);
            if (value != null && !CLIENT_ID.matcher(value).matches()) {
                problems.add(name + ": '" + value + "' is not a Hub client id (letters, digits, '.', '-'"
                        + (value.contains("_") ? "; no '_': the Hub reads the sender as the distributionID up to its first '_'" : "")
                        + ")");
            }
            return value;
        }

        int integer(String name, int fallback, int min, int max) {
            String value = text(name, null);
            if (value == null) {
                return fallback;
            }
            try {
                int parsed = Integer.parseInt(value);
                if (parsed < min || parsed > max) {
                    problems.add(name + ": " + parsed + " is outside " + min + ".." + max);
                }
                return parsed;
            } catch (NumberFormatException e) {
                problems.add(name + ": '" + value + "' is not a number");
                return fallback;
            }
        }

        boolean flag(String name, boolean fallback) {
            String value = text(name, null);
            if (value == null) {
                return fallback;
            }
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                problems.add(name + ": '" + value + "' is not true or false");
            }
            return value.equalsIgnoreCase("true");
        }

        Path file(String name, boolean required) {
            String value = required ? required(name) : text(name, null);
            if (value == null) {
                return null;
            }
            Path path = Path.of(value);
            if (!Files.isReadable(path)) {
                problems.add(name + ": " + path + " does not exist or cannot be read");
            }
            return path;
        }
    }
}
