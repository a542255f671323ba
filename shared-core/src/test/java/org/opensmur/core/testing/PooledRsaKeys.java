package org.opensmur.core.testing;

import java.math.BigInteger;
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
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A seam for a production cost the tests do not test: 2048-bit RSA key pairs made once for a whole run of the suite
 * and handed in turn to whoever asks the JCA for one ({@code KeyPairGenerator.getInstance("RSA")}) in a test JVM.
 * The test JVMs run C1 only, without BigInteger intrinsics: each pair cost about a second of CPU there, and every JVM
 * that starts a local Hub makes six (its development CA, the broker's, one per party), plus the tests' own CAs.
 * Everything else of the certificates is the code's own: issued, signed, written and checked as always.
 *
 * <p>{@code ./bin/test} writes the pairs with openssl before the tests (a PEM file of private keys) and names the
 * file in the system property {@value #KEYS}; without it, keys are generated as in production. Inside a JVM no pair
 * is handed out twice (a CA and what it certifies never share a key): past the pool, or for another size or
 * exponent, the JDK's own generator answers. Each JVM starts at its own place in the pool (its process id), so that
 * two JVMs' local Hubs, each with a development CA of the same name, share a CA key one time in the pool's size only
 * (a client left reconnecting from one JVM's test could then be let in by the other JVM's Hub, had it reached that
 * Hub's port: accepted for the tests, which close their clients).
 * Registered like {@link QuickAwaits}.
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
    private static void install(Path file) {
        if (Security.insertProviderAt(pool(file), 1) == -1) {
            throw new IllegalStateException("a pool of test RSA key pairs is installed already");
        }
        installed = true;
    }

    /**
     * Writes {@code count} distinct 2048-bit RSA key pairs to {@code file} (owner only), as PEM private keys: new ones,
     * or, in a JVM where the pool is installed, pairs this JVM takes from it (never handed out again in this JVM).
     */
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
        return pool(file, (int) ProcessHandle.current().pid());
    }

    /** The provider of {@code file}'s key pairs from the pair at {@code first} (modulo their number), not installed. */
    static Pool pool(Path file, int first) {
        return new Pool(read(file), first);
    }

    /** The public keys of the file's pairs. */
    public static List<PublicKey> publicKeys(Path file) {
        return read(file).stream().map(KeyPair::getPublic).toList();
    }

    /** The file's pairs: 2048-bit RSA keys of exponent 65537, each once (a pair twice would be handed out twice). */
    private static List<KeyPair> read(Path file) {
        List<KeyPair> pairs = new ArrayList<>();
        java.util.Set<BigInteger> moduli = new java.util.HashSet<>();
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            for (PrivateKey key : org.opensmur.signing.Pki.readPrivateKeys(file)) {
                if (!(key instanceof RSAPrivateCrtKey crt) || crt.getModulus().bitLength() != 2048
                        || !RSAKeyGenParameterSpec.F4.equals(crt.getPublicExponent())) {
                    throw new IllegalArgumentException("not a 2048-bit RSA key of exponent 65537 in " + file);
                }
                if (!moduli.add(crt.getModulus())) {
                    throw new IllegalArgumentException("the same RSA key twice in " + file);
                }
                pairs.add(new KeyPair(rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent())), key));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("no key pair in " + file);
        }
        return pairs;
    }

    /** The provider: its generators hand out the pool's pairs in turn, from this JVM's place in the pool, each once. */
    static final class Pool extends Provider {

        private final List<KeyPair> pairs;
        private final int first;
        private final AtomicInteger taken = new AtomicInteger();

        Pool(List<KeyPair> pairs, int first) {
            super("OpenSmurPooledRsaKeys", "1", "RSA key pairs made once for a run of the tests");
            this.pairs = List.copyOf(pairs);
            this.first = Math.floorMod(first, pairs.size());
            putService(new Service(this, "KeyPairGenerator", "RSA", Generator.class.getName(), null, null) {
                @Override
                public Object newInstance(Object parameter) {
                    return new Generator(Pool.this);
                }
            });
        }

        /** The next pair never handed out in this JVM, or none left. */
        KeyPair take() {
            int i = taken.getAndIncrement();
            return i < pairs.size() ? pairs.get((first + i) % pairs.size()) : null;
        }
    }

    private static final class Generator extends KeyPairGeneratorSpi {

        private final Pool pool;
        private boolean pooled; // initialised for 2048 bits, exponent 65537 (not initialised: the JDK's default size)
        private KeyPairGenerator jdk;

        Generator(Pool pool) {
            this.pool = pool;
            try {
                jdk = KeyPairGenerator.getInstance("RSA", "SunRsaSign");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void initialize(int keySize, SecureRandom random) {
            jdk.initialize(keySize, random); // refuses what the JDK refuses, where the JDK would
            pooled = keySize == 2048;
        }

        @Override
        public void initialize(AlgorithmParameterSpec params, SecureRandom random) throws InvalidAlgorithmParameterException {
            jdk.initialize(params, random);
            pooled = params instanceof RSAKeyGenParameterSpec rsa && rsa.getKeysize() == 2048
                    && RSAKeyGenParameterSpec.F4.equals(rsa.getPublicExponent()) && rsa.getKeyParams() == null;
        }

        @Override
        public KeyPair generateKeyPair() {
            KeyPair pair = pooled ? pool.take() : null;
            return pair != null ? pair : jdk.generateKeyPair();
        }
    }
}
