package org.opensmur.core.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyPairGeneratorSpi;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A seam for a production cost the tests do not test: 2048-bit RSA key pairs made once for a whole run of the suite
 * and handed in turn to whoever asks the JCA for one ({@code KeyPairGenerator.getInstance("RSA")}) in a test JVM.
 * The test JVMs run C1 only, without BigInteger intrinsics: each pair cost over a second of CPU there, and every JVM
 * that starts a local Hub makes six (its development CA, the broker's, one per party), plus the tests' own CAs.
 * Everything else of the certificates is the code's own: issued, signed, written and checked as always.
 *
 * <p>{@code ./bin/test} writes the pairs with openssl before the tests (a PEM file of private keys) and names the
 * file in the system property {@value #KEYS}; without it, keys are generated as in production. Inside a JVM no pair
 * is handed out twice (a CA and what it certifies never share a key): past the pool, or for another size or
 * exponent, the JDK's own generator answers. Different JVMs get the same pairs, which is harmless: their Hubs and
 * CAs never meet. Registered like {@link QuickAwaits}.
 */
public final class PooledRsaKeys implements BeforeAllCallback {

    /** The system property naming the PEM file of private keys. */
    public static final String KEYS = "opensmur.test.rsaKeyPairs";

    private static boolean installed;

    @Override
    public void beforeAll(ExtensionContext context) {
        installFromSystemProperty();
    }

    /** Puts the pool of the file {@value #KEYS} names before every other provider, once per JVM; nothing when unset. */
    public static synchronized void installFromSystemProperty() {
        String file = System.getProperty(KEYS, "");
        if (installed || file.isBlank()) {
            return;
        }
        install(Path.of(file));
    }

    /** Puts the pool of {@code file}'s key pairs before every other provider. */
    public static synchronized void install(Path file) {
        Security.insertProviderAt(pool(file), 1);
        installed = true;
    }

    /** Writes {@code count} new distinct 2048-bit RSA key pairs to {@code file}, as PEM private keys. */
    public static void write(Path file, int count) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, new SecureRandom());
        StringBuilder pem = new StringBuilder();
        for (int i = 0; i < count; i++) {
            pem.append(org.opensmur.signing.Pki.pem(generator.generateKeyPair().getPrivate()));
        }
        org.opensmur.signing.Pki.writeText(file, pem.toString(), true);
    }

    /** The provider of {@code file}'s key pairs, not installed. */
    static Pool pool(Path file) {
        return new Pool(read(file));
    }

    /** The public keys of the file's pairs. */
    public static List<PublicKey> publicKeys(Path file) {
        return read(file).stream().map(KeyPair::getPublic).toList();
    }

    private static List<KeyPair> read(Path file) {
        List<KeyPair> pairs = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                PrivateKey key = switch (item) {
                    case PrivateKeyInfo info -> converter.getPrivateKey(info); // openssl genpkey: PKCS#8
                    case PEMKeyPair pair -> converter.getKeyPair(pair).getPrivate(); // PKCS#1, as write() puts it
                    default -> throw new IllegalArgumentException("not a private key in " + file + ": " + item.getClass().getSimpleName());
                };
                RSAPrivateCrtKey crt = (RSAPrivateCrtKey) key;
                pairs.add(new KeyPair(rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent())), key));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the test RSA key pairs of " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("no key pair in " + file);
        }
        return pairs;
    }

    /** The provider: each generator hands out the pool's pairs in turn, across generators. */
    static final class Pool extends Provider {

        private final List<KeyPair> pairs;
        private final AtomicInteger next = new AtomicInteger();

        Pool(List<KeyPair> pairs) {
            super("OpenSmurPooledRsaKeys", "1", "RSA key pairs made once for a run of the tests");
            this.pairs = List.copyOf(pairs);
            putService(new Service(this, "KeyPairGenerator", "RSA", Generator.class.getName(), null, null) {
                @Override
                public Object newInstance(Object parameter) {
                    return new Generator(Pool.this);
                }
            });
        }

        /** The next pair never handed out in this JVM, or none left. */
        KeyPair take() {
            int i = next.getAndIncrement();
            return i < pairs.size() ? pairs.get(i) : null;
        }
    }

    private static final class Generator extends KeyPairGeneratorSpi {

        private final Pool pool;
        private int keySize; // 0: not initialised, the JDK's default size (not the pool's)
        private BigInteger exponent = RSAKeyGenParameterSpec.F4;
        private SecureRandom random;

        Generator(Pool pool) {
            this.pool = pool;
        }

        @Override
        public void initialize(int keySize, SecureRandom random) {
            this.keySize = keySize;
            this.random = random;
        }

        @Override
        public void initialize(AlgorithmParameterSpec params, SecureRandom random) throws InvalidAlgorithmParameterException {
            if (!(params instanceof RSAKeyGenParameterSpec rsa)) {
                throw new InvalidAlgorithmParameterException("RSAKeyGenParameterSpec expected");
            }
            this.keySize = rsa.getKeysize();
            this.exponent = rsa.getPublicExponent();
            this.random = random;
        }

        @Override
        public KeyPair generateKeyPair() {
            KeyPair pooled = keySize == 2048 && RSAKeyGenParameterSpec.F4.equals(exponent) ? pool.take() : null;
            return pooled != null ? pooled : generated();
        }

        /** What the JDK's own provider makes, with the same parameters. */
        private KeyPair generated() {
            try {
                KeyPairGenerator jdk = KeyPairGenerator.getInstance("RSA", "SunRsaSign");
                if (keySize != 0) {
                    jdk.initialize(new RSAKeyGenParameterSpec(keySize, exponent), random != null ? random : new SecureRandom());
                }
                return jdk.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
