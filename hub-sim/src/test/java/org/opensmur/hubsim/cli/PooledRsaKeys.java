package org.opensmur.hubsim.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyPairGeneratorSpi;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A seam for a production cost a test does not test: RSA key pairs made once by the test, handed in turn to
 * whoever asks the JCA for a new one ({@code KeyPairGenerator.getInstance("RSA")}), instead of a fresh
 * 2048-bit generation each time. A whole demo makes five (its development CA, the broker's, one per party):
 * in a demo's JVM started for a short run (C1 only, no BigInteger intrinsics) they were some 7 of its 11 CPU
 * seconds. Everything else of the certificates is the demo's own: issued, signed, written and checked as always.
 *
 * <p>{@link #main} runs {@link HubSimCli} with the pairs of the file named by {@value #KEYS} (written by
 * {@link #write}) before every other provider.
 */
public final class PooledRsaKeys extends Provider {

    /** The system property naming the file of key pairs. */
    public static final String KEYS = "opensmur.test.rsaKeyPairs";

    private final List<KeyPair> pairs;
    private final AtomicInteger next = new AtomicInteger();

    private PooledRsaKeys(List<KeyPair> pairs) {
        super("OpenSmurPooledRsaKeys", "1", "pre-generated RSA key pairs for tests");
        this.pairs = List.copyOf(pairs);
        putService(new Service(this, "KeyPairGenerator", "RSA", Pool.class.getName(), null, null) {
            @Override
            public Object newInstance(Object parameter) {
                return new Pool();
            }
        });
    }

    /** The demo's command line, its RSA key pairs taken from the file of {@value #KEYS}. */
    public static void main(String[] args) {
        Security.insertProviderAt(new PooledRsaKeys(read(Path.of(System.getProperty(KEYS)))), 1);
        HubSimCli.main(args);
    }

    /** Writes {@code count} new 2048-bit RSA key pairs (distinct: a CA and what it certifies never share one). */
    public static void write(Path file, int count) throws GeneralSecurityException, IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, new SecureRandom());
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            KeyPair pair = generator.generateKeyPair();
            lines.append(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded())).append(' ')
                    .append(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())).append('\n');
        }
        Files.writeString(file, lines, StandardCharsets.US_ASCII);
    }

    /** The public keys of the file's pairs. */
    public static List<java.security.PublicKey> publicKeys(Path file) {
        return read(file).stream().map(KeyPair::getPublic).toList();
    }

    private static List<KeyPair> read(Path file) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            List<KeyPair> pairs = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                String[] parts = line.split(" ");
                pairs.add(new KeyPair(rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(parts[1]))),
                        rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(parts[0])))));
            }
            if (pairs.isEmpty()) {
                throw new IllegalArgumentException("no key pair in " + file);
            }
            return pairs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each generator hands out the pool's pairs in turn, the same order across generators. */
    private final class Pool extends KeyPairGeneratorSpi {
        @Override
        public void initialize(int keySize, SecureRandom random) {
            if (keySize != 2048) {
                throw new IllegalArgumentException("the pool holds 2048-bit pairs, not " + keySize);
            }
        }

        @Override
        public KeyPair generateKeyPair() {
            int i = next.getAndIncrement();
            if (i >= pairs.size()) {
                // handed out again, a CA and a certificate it signs could share a key: the pool must grow instead
                throw new IllegalStateException("the pool's " + pairs.size() + " RSA key pairs are all used: make it larger");
            }
            return pairs.get(i);
        }
    }
}
