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
    void provisionSealsTheSettingsAndStoresUnderAOneTimePasswordItDrawsAndPrintsOnce(@TempDir Path dir) throws Exception {
        Run ca = run(Map.of("DEV_PASSWORD", "s3cret-dev"), "dev-ca", "--out", dir.toString(), "--client", "fr.health.test.smurtab",
                "--password", "env:DEV_PASSWORD");
        assertEquals(0, ca.exit(), ca.err());
        Map<String, String> env = Map.of("DEV_PASSWORD", "s3cret-dev");
        Path bundle = dir.resolve("tablet.bundle");
        Instant before = Instant.now();
        Run provision = run(env, "provision", "--hub-host", "hub.esante.gouv.fr", "--vhost", "15-smur_v1.6",
                "--client-id", "fr.health.test.smurtab", "--lrm-id", "fr.health.samu440", "--oru-id", "fr.health.ors.pdl",
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
                "CLIENT_ID", "fr.health.test.smurtab", "LRM_CLIENT_ID", "fr.health.samu440", "ORU_CLIENT_ID", "fr.health.ors.pdl"),
                opened.settings());
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
}
