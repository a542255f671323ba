package org.opensmur.signing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A local certificate authority for tests, CI and the demo: a CA, a broker certificate for
 * localhost/127.0.0.1, and client certificates whose CN is a Hub client id. Never for production:
 * there the IGC Santé issues the certificates (see {@link TabletKeys}).
 *
 * <p>Files written in the output folder: {@code ca.pem}, {@code ca-key.pem} (encrypted),
 * {@code broker.pem}, {@code broker-key.pem} (clear, readable by the broker only), {@code broker.p12}, {@code truststore.p12},
 * and per client {@code <id>.p12}, {@code <id>.pem}, {@code <id>-key.pem} (encrypted). All stores and
 * encrypted keys use the one password given.
 */
public final class DevCa {

    public static final List<String> BROKER_DNS = List.of("localhost");
    public static final List<String> BROKER_IPS = List.of("127.0.0.1");

    private final X509Certificate certificate;
    private final PrivateKey key;

    private DevCa(X509Certificate certificate, PrivateKey key) {
        this.certificate = certificate;
        this.key = key;
    }

    /** A new CA, valid from an hour ago (clock skew) for {@code validity}. */
    public static DevCa create(String name, Instant now, Duration validity) {
        KeyPair keys = Pki.newRsaKeyPair();
        X509Certificate ca = Pki.issue(name, keys.getPublic(), Pki.Usage.CA, now.minus(Duration.ofHours(1)),
                now.plus(validity), List.of(), List.of(), null, keys.getPrivate());
        return new DevCa(ca, keys.getPrivate());
    }

    /** The CA written by {@link #writeAll}, to issue more certificates later (e.g. an expired one in a test). */
    public static DevCa load(Path folder, char[] password) {
        return new DevCa(Pki.readCertificates(folder.resolve("ca.pem")).get(0),
                Pki.readPrivateKey(folder.resolve("ca-key.pem"), password));
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** A certificate and its key, signed by this CA. */
    public record Issued(X509Certificate certificate, PrivateKey key, X509Certificate authority) {
        public List<X509Certificate> chain() {
            return List.of(certificate, authority);
        }

        public KeyStore keyStore(char[] password) {
            return Pki.keyStore(key, chain(), "hub-client", password);
        }
    }

    public Issued issue(String commonName, Pki.Usage usage, Instant notBefore, Instant notAfter,
                        List<String> dnsNames, List<String> ipAddresses) {
        KeyPair keys = Pki.newRsaKeyPair();
        X509Certificate issued = Pki.issue(commonName, keys.getPublic(), usage, notBefore, notAfter, dnsNames,
                ipAddresses, certificate, key);
        return new Issued(issued, keys.getPrivate(), certificate);
    }

    /** Signs a key this CA never saw (the public key of a signing request), as an IGC would. */
    public X509Certificate sign(String commonName, java.security.PublicKey subjectKey, Pki.Usage usage, Instant notBefore,
                                Instant notAfter, List<String> dnsNames) {
        return Pki.issue(commonName, subjectKey, usage, notBefore, notAfter, dnsNames, List.of(), certificate, key);
    }

    public Issued client(String clientId, Instant now, Duration validity) {
        return issue(clientId, Pki.Usage.CLIENT, now.minus(Duration.ofHours(1)), now.plus(validity), List.of(), List.of());
    }

    /** Writes the CA, a broker certificate and one key store per client id into {@code folder}. */
    public static DevCa writeAll(Path folder, List<String> clientIds, char[] password, Instant now, Duration validity) {
        try {
            Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create " + folder, e);
        }
        DevCa ca = create("OpenSMUR development CA", now, validity);
        Pki.writeText(folder.resolve("ca.pem"), Pki.pem(ca.certificate), false);
        Pki.writeText(folder.resolve("ca-key.pem"), Pki.encryptedPem(ca.key, password), true);
        Pki.write(Pki.trustStore(List.of(ca.certificate)), password, folder.resolve("truststore.p12"));

        Issued broker = ca.issue("localhost", Pki.Usage.SERVER, now.minus(Duration.ofHours(1)), now.plus(validity),
                BROKER_DNS, BROKER_IPS);
        Pki.writeText(folder.resolve("broker.pem"), Pki.pem(broker.certificate()), false);
        Pki.writeText(folder.resolve("broker-key.pem"), Pki.pem(broker.key()), true);
        Pki.write(broker.keyStore(password), password, folder.resolve("broker.p12")); // for Java brokers (the local Hub)

        for (String clientId : clientIds) {
            Issued client = ca.client(clientId, now, validity);
            Pki.write(client.keyStore(password), password, folder.resolve(clientId + ".p12"));
            Pki.writeText(folder.resolve(clientId + ".pem"), Pki.pem(client.certificate()) + Pki.pem(ca.certificate), false);
            Pki.writeText(folder.resolve(clientId + "-key.pem"), Pki.encryptedPem(client.key(), password), true);
        }
        return ca;
    }
}
