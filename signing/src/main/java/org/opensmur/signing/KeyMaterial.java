package org.opensmur.signing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Loads the tablet's TLS identity and trust anchors: PKCS#12 (or JKS), or PEM certificate and key read
 * with BouncyCastle. Errors name the file and what is wrong with it.
 */
public final class KeyMaterial {

    private KeyMaterial() {
    }

    /**
     * The client identity. {@code certificate} is a .p12/.pfx/.jks store, or a PEM file with the
     * certificate chain; for PEM, {@code pemKey} is the private key file (null: the same file).
     */
    public static KeyManagerFactory keyManagers(Path certificate, Path pemKey, char[] passphrase, Instant now) {
        requireFile(certificate, "client certificate");
        KeyStore store;
        char[] storePassword = passphrase;
        if (isPem(certificate)) {
            List<X509Certificate> chain = Pki.readCertificates(certificate);
            Path keyFile = pemKey != null ? pemKey : certificate;
            requireFile(keyFile, "client private key");
            PrivateKey key = Pki.readPrivateKey(keyFile, passphrase);
            if (!Pki.keyMatches(key, chain.get(0))) {
                throw new IllegalArgumentException("the private key " + keyFile + " does not belong to " + certificate);
            }
            storePassword = passphrase != null ? passphrase : new char[0];
            store = Pki.keyStore(key, chain, "hub-client", storePassword);
        } else {
            store = Pki.loadStore(certificate, passphrase);
        }
        checkClientCertificate(store, certificate, now);
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, storePassword);
            return factory;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the key in " + certificate + ": " + e.getMessage(), e);
        }
    }

    /** Trust anchors from a PKCS#12/JKS trust store or a PEM bundle of CA certificates. */
    public static TrustManagerFactory trustManagers(Path trustStore, char[] password) {
        requireFile(trustStore, "trust store");
        KeyStore store = isPem(trustStore) ? Pki.trustStore(Pki.readCertificates(trustStore)) : Pki.loadStore(trustStore, password);
        try {
            if (store.size() == 0) {
                throw new IllegalArgumentException("the trust store " + trustStore + " holds no certificate");
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the trust store " + trustStore + ": " + e.getMessage(), e);
        }
    }

    /** When the client certificate in {@code certificate} (a PKCS#12/JKS store, or PEM) stops being valid. */
    public static Instant clientNotAfter(Path certificate, char[] passphrase) {
        requireFile(certificate, "client certificate");
        if (isPem(certificate)) {
            return Pki.readCertificates(certificate).get(0).getNotAfter().toInstant();
        }
        KeyStore store = Pki.loadStore(certificate, passphrase);
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    return ((X509Certificate) store.getCertificate(alias)).getNotAfter().toInstant();
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read " + certificate + ": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException(certificate + " holds no private key entry");
    }

    /** The CN of the client certificate: the broker logs the tablet in under this name. */
    public static String clientCommonName(KeyStore store) {
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    return Pki.commonName((X509Certificate) store.getCertificate(alias));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(e);
        }
        return null;
    }

    private static void checkClientCertificate(KeyStore store, Path file, Instant now) {
        try {
            boolean found = false;
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    Pki.checkValidNow((X509Certificate) store.getCertificate(alias), now);
                    found = true;
                }
            }
            if (!found) {
                throw new IllegalArgumentException(file + " holds no private key entry");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code file} is read as PEM (a certificate chain, its key apart) rather than PKCS#12: by its name. */
    public static boolean isPem(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer");
    }

    private static void requireFile(Path file, String what) {
        if (file == null || !Files.isReadable(file)) {
            throw new IllegalArgumentException(what + " not found or not readable: " + file);
        }
    }
}
