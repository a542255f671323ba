package org.opensmur.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.openssl.PEMParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningCliTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SigningCli.run(new PrintWriter(out, true), new PrintWriter(err, true), env, args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void devCaIssuesClientCertificatesNamedByClientId(@TempDir Path dir) throws Exception {
        Run run = run(Map.of("DEV_PASSWORD", "s3cret-dev"), "dev-ca", "--out", dir.toString(),
                "--client", "fr.health.test.smurtab", "--password", "env:DEV_PASSWORD");
        assertEquals(0, run.exit(), run.err());
        KeyStore client = Pki.loadStore(dir.resolve("fr.health.test.smurtab.p12"), "s3cret-dev".toCharArray());
        assertEquals("fr.health.test.smurtab", KeyMaterial.clientCommonName(client));
        X509Certificate broker = Pki.readCertificates(dir.resolve("broker.pem")).get(0);
        assertEquals("localhost", Pki.commonName(broker));
        assertTrue(broker.getSubjectAlternativeNames().stream().anyMatch(n -> n.get(1).equals("127.0.0.1")));
        broker.verify(Pki.readCertificates(dir.resolve("ca.pem")).get(0).getPublicKey());
        assertThrows(IllegalArgumentException.class, () -> Pki.readPrivateKey(dir.resolve("ca-key.pem"), "wrong".toCharArray()),
                "the CA key is encrypted");
        assertFalse(Files.exists(dir.resolve("password")), "the given password is not written down");
    }

    @Test
    void csrThenImportBuildsTheTabletKeyStore(@TempDir Path dir) throws Exception {
        Map<String, String> env = Map.of("KEY_PASS", "key-pass", "STORE_PASS", "store-pass");
        Run csr = run(env, "csr", "--cn", "smur-vlm4.chu-nantes.fr", "--san", "smur-vlm4.chu-nantes.fr",
                "--key-out", dir.resolve("tablet-key.pem").toString(), "--csr-out", dir.resolve("tablet.csr").toString(),
                "--key-password", "env:KEY_PASS");
        assertEquals(0, csr.exit(), csr.err());
        assertTrue(Files.readString(dir.resolve("tablet-key.pem")).contains("ENCRYPTED PRIVATE KEY"));
        PKCS10CertificationRequest request;
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(dir.resolve("tablet.csr")))) {
            request = (PKCS10CertificationRequest) parser.readObject();
        }
        assertEquals("CN=smur-vlm4.chu-nantes.fr", request.getSubject().toString());

        // The IGC's part, played by a test CA.
        DevCa igc = DevCa.create("TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS", Instant.now(), Duration.ofDays(365));
        X509Certificate issued = igc.sign("smur-vlm4.chu-nantes.fr",
                new org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest(request).getPublicKey(), Pki.Usage.SERVER_AND_CLIENT,
                Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(90)), List.of("smur-vlm4.chu-nantes.fr"));
        Pki.writeText(dir.resolve("issued.pem"), Pki.pem(issued), false);
        Pki.writeText(dir.resolve("igc.pem"), Pki.pem(igc.certificate()), false);

        Run imported = run(env, "import", "--cert", dir.resolve("issued.pem").toString(), "--chain", dir.resolve("igc.pem").toString(),
                "--key", dir.resolve("tablet-key.pem").toString(), "--key-password", "env:KEY_PASS",
                "--out", dir.resolve("tablet.p12").toString(), "--ca", dir.resolve("igc.pem").toString(),
                "--truststore-out", dir.resolve("trust.p12").toString(), "--store-password", "env:STORE_PASS");
        assertEquals(0, imported.exit(), imported.err());
        KeyStore tablet = Pki.loadStore(dir.resolve("tablet.p12"), "store-pass".toCharArray());
        assertEquals("smur-vlm4.chu-nantes.fr", KeyMaterial.clientCommonName(tablet));
        assertEquals(1, Pki.loadStore(dir.resolve("trust.p12"), "store-pass".toCharArray()).size());
        assertThrows(IllegalArgumentException.class, () -> Pki.loadStore(dir.resolve("tablet.p12"), "nope".toCharArray()));
    }

    @Test
    void importRefusesAnExpiredCertificateAndAForeignKey(@TempDir Path dir) throws IOException {
        DevCa ca = DevCa.create("CA", Instant.now(), Duration.ofDays(10));
        Instant now = Instant.now();
        DevCa.Issued expired = ca.issue("old", Pki.Usage.CLIENT, now.minus(Duration.ofDays(5)), now.minus(Duration.ofDays(1)), List.of(), List.of());
        DevCa.Issued valid = ca.client("valid", now, Duration.ofDays(5));
        DevCa.Issued other = ca.client("other", now, Duration.ofDays(5));
        Pki.writeText(dir.resolve("expired.pem"), Pki.pem(expired.certificate()), false);
        Pki.writeText(dir.resolve("valid.pem"), Pki.pem(valid.certificate()), false);
        Pki.writeText(dir.resolve("other-key.pem"), Pki.pem(other.key()), true);
        Pki.writeText(dir.resolve("expired-key.pem"), Pki.pem(expired.key()), true);
        Map<String, String> env = Map.of("STORE_PASS", "p");

        Run old = run(env, "import", "--cert", dir.resolve("expired.pem").toString(), "--key", dir.resolve("expired-key.pem").toString(),
                "--out", dir.resolve("x.p12").toString(), "--store-password", "env:STORE_PASS");
        assertEquals(1, old.exit());
        assertTrue(old.err().contains("expired"), old.err());

        Run foreign = run(env, "import", "--cert", dir.resolve("valid.pem").toString(), "--key", dir.resolve("other-key.pem").toString(),
                "--out", dir.resolve("y.p12").toString(), "--store-password", "env:STORE_PASS");
        assertEquals(1, foreign.exit());
        assertTrue(foreign.err().contains("does not belong"), foreign.err());
        assertFalse(Files.exists(dir.resolve("y.p12")));
    }

    @Test
    void passwordsAreNeverTakenFromTheCommandLine(@TempDir Path dir) {
        Run run = run(Map.of(), "dev-ca", "--out", dir.toString(), "--client", "a", "--password", "hunter2");
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("file:PATH, env:NAME or console"), run.err());
        assertFalse(run.err().contains("hunter2"), "and never echoed");
    }

    @Test
    @org.junit.jupiter.api.Tag("production-kdf") // a bundle sealed at production cost: not by --quick
    void provisionSealsTheSettingsAndStoresUnderAOneTimePasswordItDrawsAndPrintsOnce(@TempDir Path dir) throws Exception {
        Run ca = run(Map.of("DEV_PASSWORD", "s3cret-dev"), "dev-ca", "--out", dir.toString(), "--client", "fr.health.test.smurtab",
                "--password", "env:DEV_PASSWORD");
        assertEquals(0, ca.exit(), ca.err());
        Map<String, String> env = Map.of("DEV_PASSWORD", "s3cret-dev");
        Path bundle = dir.resolve("tablet.bundle");
        Instant before = Instant.now();
        Run provision = run(env, "provision", "--hub-host", "hub.esante.gouv.fr", "--vhost", "15-smur_v1.6",
                "--client-id", "fr.health.test.smurtab", "--lrm-id", "fr.health.samu440", "--oru-id", "fr.health.ors.pdl",
                "--partner-id", "fr.health.samu850", "--partner-id", "fr.health.samu490", "--model-line", "2.0",
                "--certificate", dir.resolve("fr.health.test.smurtab.p12").toString(), "--certificate-password", "env:DEV_PASSWORD",
                "--trust-store", dir.resolve("truststore.p12").toString(), "--trust-store-password", "env:DEV_PASSWORD",
                "--valid-days", "3", "--out", bundle.toString());
        assertEquals(0, provision.exit(), provision.err());
        java.util.regex.Matcher printed = java.util.regex.Pattern.compile("(?m)^    ([2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){5})$")
                .matcher(provision.out());
        assertTrue(printed.find(), "the password is printed in six groups of four: " + provision.out());
        String otp = printed.group(1);
        assertFalse(printed.find(), "and printed once");
        String text = Files.readString(bundle);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(bundle)));
        assertFalse(text.contains("s3cret-dev") || text.contains("hub.esante.gouv.fr") || text.contains("smurtab") || text.contains(otp),
                "nothing of it in clear: " + text);

        ProvisioningBundle.Refused wrong = assertThrows(ProvisioningBundle.Refused.class,
                () -> ProvisioningBundle.open(text, otp.replace(otp.charAt(0), otp.charAt(0) == 'A' ? 'B' : 'A').toCharArray(), Instant.now()));
        assertEquals(ProvisioningBundle.Refused.Field.PASSWORD, wrong.field());
        ProvisioningBundle.Refused cut = assertThrows(ProvisioningBundle.Refused.class,
                () -> ProvisioningBundle.open(text.substring(0, text.length() / 2), otp.toCharArray(), Instant.now()));
        assertEquals(ProvisioningBundle.Refused.Field.BUNDLE, cut.field(), cut.getMessage());
        ProvisioningBundle.Refused late = assertThrows(ProvisioningBundle.Refused.class,
                () -> ProvisioningBundle.open(text, otp.toCharArray(), before.plus(Duration.ofDays(3)).plus(Duration.ofMinutes(5))));
        assertTrue(late.getMessage().startsWith("this bundle expired on "), late.getMessage());

        // Typed in lower case, without its dashes: the same password.
        ProvisioningBundle.Contents opened = ProvisioningBundle.open(text, otp.replace("-", "").toLowerCase().toCharArray(), Instant.now());
        assertEquals(Map.of("HUB_HOSTNAME", "hub.esante.gouv.fr", "HUB_PORT", "5671", "VHOST", "15-smur_v1.6",
                "CLIENT_ID", "fr.health.test.smurtab", "LRM_CLIENT_ID", "fr.health.samu440", "ORU_CLIENT_ID", "fr.health.ors.pdl",
                "PARTNER_CLIENT_IDS", "fr.health.samu850,fr.health.samu490", "MODEL_LINE", "2.0"),
                opened.settings(), "the partners a device cannot be given otherwise (it reads no environment)");
        KeyStore client = KeyStore.getInstance("PKCS12");
        client.load(new java.io.ByteArrayInputStream(opened.certificate()), opened.certificatePassword());
        assertEquals("fr.health.test.smurtab", KeyMaterial.clientCommonName(client));
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("truststore.p12")), opened.trustStore()));

        Run again = run(env, "provision", "--hub-host", "h", "--vhost", "v", "--client-id", "c", "--lrm-id", "l",
                "--certificate", dir.resolve("fr.health.test.smurtab.p12").toString(), "--certificate-password", "env:DEV_PASSWORD",
                "--trust-store", dir.resolve("truststore.p12").toString(), "--trust-store-password", "env:DEV_PASSWORD",
                "--out", bundle.toString());
        assertEquals(1, again.exit(), "an existing bundle is never overwritten");
        assertFalse(again.out().contains("one-time password"), "and no password is shown for a bundle not written");
        assertEquals(text, Files.readString(bundle));

        Run chosen = run(Map.of("DEV_PASSWORD", "s3cret-dev", "OTP", "7391-5820-4411"), "provision", "--hub-host", "h", "--vhost", "v",
                "--client-id", "c", "--lrm-id", "l", "--certificate", dir.resolve("fr.health.test.smurtab.p12").toString(),
                "--certificate-password", "env:DEV_PASSWORD", "--trust-store", dir.resolve("truststore.p12").toString(),
                "--trust-store-password", "env:DEV_PASSWORD", "--one-time-password", "env:OTP", "--out", dir.resolve("b2").toString());
        assertEquals(2, chosen.exit(), "a password a person chose is not an option");
        Run forever = run(env, "provision", "--hub-host", "h", "--vhost", "v", "--client-id", "c", "--lrm-id", "l",
                "--certificate", dir.resolve("fr.health.test.smurtab.p12").toString(), "--certificate-password", "env:DEV_PASSWORD",
                "--trust-store", dir.resolve("truststore.p12").toString(), "--trust-store-password", "env:DEV_PASSWORD",
                "--valid-days", "365", "--out", dir.resolve("b3").toString());
        assertEquals(2, forever.exit());
        assertTrue(forever.err().contains("--valid-days: 365: between 1 and 30"), forever.err());
        assertFalse(Files.exists(dir.resolve("b3")));
    }

    @Test
    @org.junit.jupiter.api.Tag("production-kdf") // a bundle sealed at production cost: not by --quick
    void provisionCarriesTheCodedListsAndTheActsGivenAndRefusesWhatIsNotAList(@TempDir Path dir) throws Exception {
        Run ca = run(Map.of("DEV_PASSWORD", "s3cret-dev"), "dev-ca", "--out", dir.toString(), "--client", "fr.health.test.smurtab",
                "--password", "env:DEV_PASSWORD");
        assertEquals(0, ca.exit(), ca.err());
        Map<String, String> env = Map.of("DEV_PASSWORD", "s3cret-dev");
        Path lists = Files.createDirectories(dir.resolve("lists"));
        Files.writeString(lists.resolve("HubSante.fait.csv"), "code;libelle\nC01.00.00;Atteinte aux personnes\n");
        Files.writeString(lists.resolve("HubSante.canal.csv"), "code;libelle\n"); // a Hub list the tablet does not pick from
        Files.writeString(lists.resolve("README.txt"), "lists of SAMU 44");
        Path diagnostic = Files.writeString(dir.resolve("diagnostic.csv"), "code;libelle\nI21;Infarctus aigu du myocarde\n");
        Path acts = Files.writeString(dir.resolve("smur44-actes.json"), "{\"acts\": [], \"drugs\": []}");
        List<String> common = List.of("provision", "--hub-host", "h", "--vhost", "v", "--client-id", "fr.health.test.smurtab",
                "--lrm-id", "l", "--certificate", dir.resolve("fr.health.test.smurtab.p12").toString(),
                "--certificate-password", "env:DEV_PASSWORD", "--trust-store", dir.resolve("truststore.p12").toString(),
                "--trust-store-password", "env:DEV_PASSWORD");
        java.util.function.BiFunction<String, List<String>, Run> provision = (out, more) -> {
            List<String> args = new java.util.ArrayList<>(common);
            args.addAll(more);
            args.addAll(List.of("--out", dir.resolve(out).toString()));
            return run(env, args.toArray(String[]::new));
        };

        Run with = provision.apply("with.bundle", List.of("--nomenclatures", lists.toString(), "--nomenclatures", diagnostic.toString(),
                "--acts", acts.toString()));
        assertEquals(0, with.exit(), with.err());
        assertTrue(with.out().contains("--nomenclatures: left out of the bundle (not a list the tablet installs): HubSante.canal.csv,"
                + " README.txt"), with.out());
        assertTrue(with.out().contains("with the coded lists HubSante.fait.csv, diagnostic.csv and the acts and drugs list"
                + " smur44-actes.json: "), with.out());
        java.util.regex.Matcher printed = java.util.regex.Pattern.compile("(?m)^    ([2-9A-HJ-NP-Z-]{29})$").matcher(with.out());
        assertTrue(printed.find(), with.out());
        ProvisioningBundle.Contents opened = ProvisioningBundle.open(Files.readString(dir.resolve("with.bundle")),
                printed.group(1).toCharArray(), Instant.now());
        assertEquals(List.of("HubSante.fait.csv", "diagnostic.csv"), List.copyOf(opened.lists().keySet()));
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(diagnostic), opened.lists().get("diagnostic.csv")));
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(acts), opened.acts()));

        // Refused with the option named, and nothing written: a file not named as a list, a folder without one, a list
        // given twice, a path or an acts file that is not there.
        Path notAList = Files.writeString(dir.resolve("diagnostics-2026.csv"), "code;libelle\n");
        Path none = Files.createDirectories(dir.resolve("none"));
        Files.writeString(none.resolve("HubSante.canal.csv"), "code;libelle\n");
        Path twice = Files.createDirectories(dir.resolve("twice"));
        Files.writeString(twice.resolve("fait.csv"), "code;libelle\n");
        Map<List<String>, String> refused = Map.of(
                List.of("--nomenclatures", notAList.toString()), "--nomenclatures: " + notAList + ": not a list's file name (HubSante.<list>.csv"
                        + " or <list>.csv, <list> one of [fait, motif, lieu, diagnostic, actes, devenir",
                List.of("--nomenclatures", none.toString()), "--nomenclatures: no list's file in " + none,
                List.of("--nomenclatures", lists.toString(), "--nomenclatures", twice.toString()), "--nomenclatures: list fait given twice ("
                        + lists.resolve("HubSante.fait.csv") + ", " + twice.resolve("fait.csv") + "): keep one",
                List.of("--nomenclatures", dir.resolve("nowhere").toString()), "--nomenclatures: " + dir.resolve("nowhere")
                        + ": no such file or folder",
                List.of("--acts", dir.resolve("actes-medicaments.json").toString()), "--acts: " + dir.resolve("actes-medicaments.json")
                        + ": no such file");
        for (var wrong : refused.entrySet()) {
            Run no = provision.apply("refused.bundle", wrong.getKey());
            assertEquals(2, no.exit(), wrong.getKey() + ": " + no.out());
            assertTrue(no.err().contains(wrong.getValue()), no.err());
            assertFalse(no.out().contains("one-time password"), no.out());
            assertFalse(Files.exists(dir.resolve("refused.bundle")));
        }

        Run usage = run(env, "provision"); // its usage, as signing shows it
        assertEquals(2, usage.exit());
        assertTrue(usage.err().contains("[--nomenclatures=PATH]...") && usage.err().contains("[--acts=FILE]")
                && usage.err().contains("It may carry the SAMU's coded lists"), usage.err());
    }
}
