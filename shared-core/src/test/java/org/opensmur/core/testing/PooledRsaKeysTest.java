package org.opensmur.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite's pool of RSA key pairs never hands a pair out twice in a JVM (a CA and what it certifies must not share a
 * key, or a test about a stranger's certificate could pass for the wrong reason), reads the keys as openssl writes
 * them, and leaves to the JDK what it cannot serve.
 */
class PooledRsaKeysTest {

    @Test
    void eachPairIsHandedOutOnceFromTheJvmsPlaceThenTheJdkGeneratesAndOtherSizesAreNeverPooled(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pairs.pem");
        PooledRsaKeys.write(file, 1);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), "private keys, owner only");
        KeyPairGenerator jdk = KeyPairGenerator.getInstance("RSA");
        jdk.initialize(2048);
        KeyPair other = jdk.generateKeyPair();
        // the second key as openssl genpkey writes it: PKCS#8, "PRIVATE KEY"
        Files.writeString(file, Files.readString(file) + "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(other.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        List<PublicKey> pooled = PooledRsaKeys.publicKeys(file);
        assertEquals(2, pooled.size());
        assertTrue(pooled.contains(other.getPublic()));

        PooledRsaKeys.Pool pool = PooledRsaKeys.pool(file, 1); // this JVM's place: the second pair
        KeyPairGenerator first = KeyPairGenerator.getInstance("RSA", pool);
        first.initialize(2048);
        KeyPair a = first.generateKeyPair();
        KeyPairGenerator second = KeyPairGenerator.getInstance("RSA", pool); // another generator, the same pool
        second.initialize(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4));
        KeyPair b = second.generateKeyPair();
        KeyPair c = second.generateKeyPair();
        assertEquals(List.of(pooled.get(1), pooled.get(0)), List.of(a.getPublic(), b.getPublic()), "the pool's pairs, in turn from its place");
        assertFalse(pooled.contains(c.getPublic()), "past the pool: a new pair");
        assertEquals(2048, ((RSAPublicKey) c.getPublic()).getModulus().bitLength());

        KeyPairGenerator sizes = KeyPairGenerator.getInstance("RSA", PooledRsaKeys.pool(file, 0)); // a fresh pool
        sizes.initialize(1024);
        assertEquals(1024, ((RSAPublicKey) sizes.generateKeyPair().getPublic()).getModulus().bitLength(), "another size: generated, as asked");
        sizes.initialize(new RSAKeyGenParameterSpec(1024, RSAKeyGenParameterSpec.F0));
        assertEquals(RSAKeyGenParameterSpec.F0, ((RSAPublicKey) sizes.generateKeyPair().getPublic()).getPublicExponent(), "another exponent too");
        sizes.initialize(2048);
        assertEquals(pooled.get(0), sizes.generateKeyPair().getPublic(), "back to 2048 bits: the pool, untouched by the others");
        assertThrows(java.security.InvalidParameterException.class, () -> sizes.initialize(256), "refused as the JDK refuses it");
    }

    @Test
    void aFileWithAKeyTwiceIsRefusedNamingIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pairs.pem");
        PooledRsaKeys.write(file, 1);
        Files.writeString(file, Files.readString(file).repeat(2));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> PooledRsaKeys.pool(file, 0));
        assertTrue(refused.getMessage().contains("twice") && refused.getMessage().contains(file.toString()), refused.getMessage());
    }
}
