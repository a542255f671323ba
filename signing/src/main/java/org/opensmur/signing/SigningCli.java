package org.opensmur.signing;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code signing}: certificates for the Hub's mutual TLS. Passwords are read from files, the environment or the console. */
@Command(name = "signing", mixinStandardHelpOptions = true, version = "signing 0.1",
        description = "Certificates and key stores for the Hub Santé's mutual TLS.",
        subcommands = {SigningCli.DevCaCommand.class, SigningCli.CsrCommand.class, SigningCli.ImportCommand.class,
            SigningCli.ProvisionCommand.class})
public final class SigningCli implements Callable<Integer> {

    private static final String PASSWORD_HELP = "where to read the password: file:PATH, env:NAME or console";

    @Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv(), args));
    }

    public static int run(PrintWriter out, PrintWriter err, Map<String, String> env, String... args) {
        CommandLine cli = new CommandLine(new SigningCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // Messages name files and problems, never secrets.
            commandLine.getErr().println("signing: " + e.getMessage());
            return 1;
        });
        ENV.set(env);
        try {
            return cli.execute(args);
        } finally {
            ENV.remove();
        }
    }

    private static final ThreadLocal<Map<String, String>> ENV = ThreadLocal.withInitial(System::getenv);

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 2;
    }

    @Command(name = "dev-ca", description = {
        "Creates a local CA, a broker certificate for localhost/127.0.0.1 and one client certificate per",
        "client id (CN = id), as PKCS#12 and PEM, for tests, CI and the demo. Never for production."})
    static final class DevCaCommand implements Callable<Integer> {
        @Option(names = "--out", required = true, description = "output folder")
        Path out;

        @Option(names = "--client", required = true, description = "a Hub client id (repeat for several)")
        List<String> clients;

        @Option(names = "--password", description = PASSWORD_HELP + " (default: a new random one written to OUT/password)")
        String password;

        @Option(names = "--days", defaultValue = "30", description = "validity in days (default 30)")
        int days;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            char[] secret;
            if (password != null) {
                secret = CommandLineSecrets.read(password, "store password", ENV.get());
            } else {
                secret = Pki.randomPassword().toCharArray();
                try {
                    Files.createDirectories(out);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("cannot create " + out, e);
                }
                Pki.writeText(out.resolve("password"), new String(secret) + "\n", true);
            }
            DevCa.writeAll(out, clients, secret, Instant.now(), Duration.ofDays(days));
            Secrets.wipe(secret);
            spec.commandLine().getOut().println("Development CA, broker certificate and " + clients.size()
                    + " client certificate(s) written to " + out);
            return 0;
        }
    }

    @Command(name = "csr", description = {
        "Generates a key pair and a certificate signing request for the IGC Santé. The private key is",
        "written encrypted with the passphrase; send only the CSR."})
    static final class CsrCommand implements Callable<Integer> {
        @Option(names = "--cn", required = true, description = "common name (the FQDN that identifies your entity)")
        String commonName;

        @Option(names = "--san", description = "DNS subject alternative name (repeat for several)")
        List<String> dnsNames = List.of();

        @Option(names = "--key-out", required = true)
        Path keyOut;

        @Option(names = "--csr-out", required = true)
        Path csrOut;

        @Option(names = "--key-password", required = true, description = PASSWORD_HELP)
        String keyPassword;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            char[] secret = CommandLineSecrets.read(keyPassword, "key passphrase", ENV.get());
            TabletKeys.certificationRequest(commonName, dnsNames, secret, keyOut, csrOut);
            Secrets.wipe(secret);
            spec.commandLine().getOut().println("Encrypted key written to " + keyOut + ", request to " + csrOut);
            return 0;
        }
    }

    @Command(name = "import", description = {
        "Builds the tablet's PKCS#12 from the issued certificate and its private key, and/or a trust store",
        "from CA certificates. Refuses an expired certificate or a key that does not match."})
    static final class ImportCommand implements Callable<Integer> {
        @Option(names = "--cert", description = "issued certificate (PEM, may hold the chain)")
        Path certificate;

        @Option(names = "--chain", description = "intermediate CA certificates (PEM)")
        List<Path> chain = List.of();

        @Option(names = "--key", description = "private key (PEM, encrypted or not)")
        Path key;

        @Option(names = "--key-password", description = PASSWORD_HELP)
        String keyPassword;

        @Option(names = "--out", description = "PKCS#12 to write for the tablet")
        Path out;

        @Option(names = "--ca", description = "CA certificate for the trust store (PEM; repeat)")
        List<Path> authorities = List.of();

        @Option(names = "--truststore-out", description = "trust store to write (PKCS#12)")
        Path trustStoreOut;

        @Option(names = "--store-password", required = true, description = PASSWORD_HELP)
        String storePassword;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter printer = spec.commandLine().getOut();
            if (certificate == null && trustStoreOut == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give --cert/--key/--out, --ca/--truststore-out, or both");
            }
            char[] store = CommandLineSecrets.read(storePassword, "store password", ENV.get());
            if (certificate != null) {
                if (key == null || out == null) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--cert needs --key and --out");
                }
                char[] keySecret = keyPassword == null ? null : CommandLineSecrets.read(keyPassword, "key passphrase", ENV.get());
                X509Certificate leaf = TabletKeys.importIssued(certificate, chain, key, keySecret, out, store, Instant.now());
                Secrets.wipe(keySecret);
                printer.println("Key store for CN=" + Pki.commonName(leaf) + " written to " + out
                        + " (valid until " + leaf.getNotAfter().toInstant() + ")");
            }
            if (trustStoreOut != null) {
                int count = TabletKeys.trustStore(authorities, trustStoreOut, store, Instant.now());
                printer.println("Trust store with " + count + " CA certificate(s) written to " + trustStoreOut);
            }
            Secrets.wipe(store);
            return 0;
        }
    }

    @Command(name = "provision", description = {
        "Writes the provisioning bundle a new tablet imports at first start (or from its settings, to renew its",
        "certificate or change its vhost): its Hub settings, its PKCS#12 and the Hub's trust store with their",
        "passwords, sealed (Argon2id, AES-256-GCM) under a one-time password this command draws (120 bits) and",
        "prints once, to be given to the crew apart. The bundle is one text file (mode 0600) and expires.",
        "It may carry the SAMU's coded lists and the SMUR's acts and drugs list too, sealed with the rest: the",
        "tablet checks them as ./bin/tablet --nomenclatures does and installs them with the bundle, or nothing",
        "of a bundle with a refused one. Large lists (communes, FINESS) make a bundle of a file only."})
    static final class ProvisionCommand implements Callable<Integer> {
        @Option(names = "--hub-host", required = true, description = "the Hub's host name")
        String host;

        @Option(names = "--hub-port", defaultValue = "5671", description = "the Hub's AMQPS port (default ${DEFAULT-VALUE})")
        int port;

        @Option(names = "--vhost", required = true, description = "the vhost (15-smur_v1.6 for model 2.0, 15-smur_v1.7 for 3)")
        String vhost;

        @Option(names = "--client-id", required = true, description = "the tablet's Hub client id (its certificate's CN)")
        String clientId;

        @Option(names = "--lrm-id", required = true, description = "the SAMU's LRM client id")
        String lrmId;

        @Option(names = "--oru-id", description = "the regional ORU's client id (RPIS)")
        String oruId;

        @Option(names = "--partner-id", paramLabel = "ID", description = "a party that may steer the tablet's cases besides its"
                + " SAMU (a neighbouring SAMU's LRM): PARTNER_CLIENT_IDS on the device; repeat for several")
        List<String> partnerIds = new java.util.ArrayList<>();

        @Option(names = "--model-line", paramLabel = "LINE", description = "the model line (2.0 or 3) of a vhost the tablet"
                + " does not know by name: MODEL_LINE on the device")
        String modelLine;

        @Option(names = "--certificate", required = true, description = "the tablet's PKCS#12 (from signing import)")
        Path certificate;

        @Option(names = "--certificate-password", required = true, description = PASSWORD_HELP)
        String certificatePassword;

        @Option(names = "--trust-store", required = true, description = "the Hub's trust store (PKCS#12)")
        Path trustStore;

        @Option(names = "--trust-store-password", required = true, description = PASSWORD_HELP)
        String trustStorePassword;

        @Option(names = "--valid-days", defaultValue = "7", description = "days the bundle can be imported (1 to 30, default ${DEFAULT-VALUE})")
        int validDays;

        @Option(names = "--out", required = true, description = "the bundle file to write (never overwritten)")
        Path out;

        @Option(names = "--nomenclatures", paramLabel = "PATH", description = "coded lists to install with the bundle: a folder"
                + " (its files named as a list, HubSante.<list>.csv or <list>.csv, are taken, the others named and left out) or"
                + " one list's file; repeat for several")
        List<Path> nomenclatures = new java.util.ArrayList<>();

        @Option(names = "--acts", paramLabel = "FILE", description = "the SMUR's acts and drugs list (actes-medicaments.json)"
                + " to install with the bundle")
        Path acts;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Map<String, String> settings = new java.util.TreeMap<>();
            settings.put("HUB_HOSTNAME", host);
            settings.put("HUB_PORT", Integer.toString(port));
            settings.put("VHOST", vhost);
            settings.put("CLIENT_ID", clientId);
            settings.put("LRM_CLIENT_ID", lrmId);
            if (oruId != null) {
                settings.put("ORU_CLIENT_ID", oruId);
            }
            if (!partnerIds.isEmpty()) {
                settings.put("PARTNER_CLIENT_IDS", String.join(",", partnerIds)); // checked by the device as the Hub settings are
            }
            if (modelLine != null) {
                settings.put("MODEL_LINE", modelLine);
            }
            if (validDays < 1 || validDays > ProvisioningBundle.MAX_VALID_DAYS) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--valid-days: " + validDays
                        + ": between 1 and 30 (a bundle that lives long is a bundle that leaks)");
            }
            if (java.nio.file.Files.exists(out)) {
                throw new IllegalArgumentException(out + " exists: a bundle is never overwritten");
            }
            PrintWriter printer = spec.commandLine().getOut();
            Map<String, byte[]> lists = lists(nomenclatures, spec.commandLine(), printer);
            byte[] actsFile = null;
            if (acts != null) {
                if (!Files.isRegularFile(acts)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--acts: " + acts + ": no such file");
                }
                actsFile = Files.readAllBytes(acts);
            }
            char[] certificateSecret = CommandLineSecrets.read(certificatePassword, "certificate password", ENV.get());
            char[] trustSecret = CommandLineSecrets.read(trustStorePassword, "trust store password", ENV.get());
            char[] otp = ProvisioningBundle.newOneTimePassword();
            Instant expires = Instant.now().plus(Duration.ofDays(validDays));
            try {
                String bundle = ProvisioningBundle.seal(new ProvisioningBundle.Contents(settings, java.nio.file.Files.readAllBytes(certificate),
                        certificateSecret, java.nio.file.Files.readAllBytes(trustStore), trustSecret, lists, actsFile), otp, expires);
                java.nio.file.Files.createFile(out, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
                java.nio.file.Files.writeString(out, bundle);
                printer.println("provisioning bundle for " + clientId + " written to " + out + ", valid until "
                        + expires.truncatedTo(java.time.temporal.ChronoUnit.MINUTES) + " (" + validDays + " days)");
                if (!lists.isEmpty() || actsFile != null) {
                    printer.println("with " + (lists.isEmpty() ? "no coded list" : "the coded lists " + String.join(", ", lists.keySet()))
                            + (actsFile != null ? " and the acts and drugs list " + acts.getFileName() : "") + ": "
                            + (bundle.length() + 1023) / 1024 + " KB");
                }
                printer.println("one-time password, shown this once (give it to the crew apart from the file; it is kept nowhere):");
                printer.println("    " + new String(otp));
            } finally {
                Secrets.wipe(certificateSecret);
                Secrets.wipe(trustSecret);
                Secrets.wipe(otp);
            }
            return 0;
        }

        /**
         * The coded lists' files {@code paths} name, by file name: a folder's files named as a list (the others said
         * and left out), or a list's file. Refused with the option named: a path that is not there, a file not named
         * as a list, a folder without any, one list given twice. Their content is the tablet's to check.
         */
        static Map<String, byte[]> lists(List<Path> paths, CommandLine command, PrintWriter out) throws java.io.IOException {
            Map<String, byte[]> lists = new java.util.TreeMap<>();
            Map<String, String> byList = new java.util.HashMap<>();
            for (Path path : paths) {
                List<Path> files;
                if (Files.isDirectory(path)) {
                    try (var listed = Files.list(path)) {
                        files = listed.filter(Files::isRegularFile).sorted().toList();
                    }
                    List<String> left = files.stream().map(f -> f.getFileName().toString())
                            .filter(name -> ProvisioningBundle.listOf(name).isEmpty()).toList();
                    files = files.stream().filter(f -> ProvisioningBundle.listOf(f.getFileName().toString()).isPresent()).toList();
                    if (files.isEmpty()) {
                        throw new CommandLine.ParameterException(command, "--nomenclatures: no list's file in " + path
                                + " (HubSante.<list>.csv or <list>.csv, <list> one of " + ProvisioningBundle.LISTS + ")");
                    }
                    if (!left.isEmpty()) {
                        out.println("--nomenclatures: left out of the bundle (not a list the tablet installs): " + String.join(", ", left));
                    }
                } else if (Files.isRegularFile(path)) {
                    if (ProvisioningBundle.listOf(path.getFileName().toString()).isEmpty()) {
                        throw new CommandLine.ParameterException(command, "--nomenclatures: " + path + ": not a list's file name"
                                + " (HubSante.<list>.csv or <list>.csv, <list> one of " + ProvisioningBundle.LISTS + ")");
                    }
                    files = List.of(path);
                } else {
                    throw new CommandLine.ParameterException(command, "--nomenclatures: " + path + ": no such file or folder");
                }
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    String list = ProvisioningBundle.listOf(name).orElseThrow();
                    String before = byList.put(list, file.toString());
                    if (before != null) {
                        throw new CommandLine.ParameterException(command, "--nomenclatures: list " + list + " given twice ("
                                + before + ", " + file + "): keep one");
                    }
                    lists.put(name, Files.readAllBytes(file));
                }
            }
            return lists;
        }
    }
}
