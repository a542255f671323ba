package org.opensmur.signing;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The production path: a key pair and a signing request for the IGC Santé, then the tablet's PKCS#12
 * built from the certificate it issues, and a trust store of the Hub's CA chain.
 */
public final class TabletKeys {

    private TabletKeys() {
    }

    /** Writes an encrypted private key and a PKCS#10 request for {@code commonName} (+ DNS alternative names). */
    public static void certificationRequest(String commonName, List<String> dnsNames, char[] keyPassword, Path keyOut, Path csrOut) {
        KeyPair keys = Pki.newRsaKeyPair();
        Pki.writeText(keyOut, Pki.encryptedPem(keys.getPrivate(), keyPassword), true);
        Pki.writeText(csrOut, Pki.pem(Pki.certificationRequest(keys, commonName, dnsNames)), false);
    }

    /**
     * Builds the tablet's PKCS#12 from the issued certificate (with its chain, in the same or other PEM
     * files) and the private key; refuses an expired certificate and a key that is not the certificate's.
     */
    public static X509Certificate importIssued(Path certificatePem, List<Path> chainPems, Path keyPem, char[] keyPassword,
                                               Path out, char[] storePassword, Instant now) {
        List<X509Certificate> chain = new ArrayList<>(Pki.readCertificates(certificatePem));
        chainPems.forEach(p -> chain.addAll(Pki.readCertificates(p)));
        X509Certificate leaf = chain.get(0);
        Pki.checkValidNow(leaf, now);
        PrivateKey key = Pki.readPrivateKey(keyPem, keyPassword);
        if (!Pki.keyMatches(key, leaf)) {
            throw new IllegalArgumentException("the private key " + keyPem + " does not belong to the certificate "
                    + leaf.getSubjectX500Principal().getName());
        }
        Pki.write(Pki.keyStore(key, chain, "hub-client", storePassword), storePassword, out);
        return leaf;
    }

    /** A PKCS#12 trust store of the CA certificates found in the PEM files. */
    public static int trustStore(List<Path> caPems, Path out, char[] password, Instant now) {
        List<X509Certificate> authorities = new ArrayList<>();
        caPems.forEach(p -> authorities.addAll(Pki.readCertificates(p)));
        authorities.forEach(ca -> Pki.checkValidNow(ca, now));
        Pki.write(Pki.trustStore(authorities), password, out);
        return authorities.size();
    }
}
