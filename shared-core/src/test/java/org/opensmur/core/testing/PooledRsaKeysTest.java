package org.opensmur.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite's pool of RSA key pairs never hands a pair out twice in a JVM (a CA and what it certifies must not share a
 * key, or a test about a stranger's certificate could pass for the wrong reason), and what it cannot serve from the
 * pool is generated as the JDK would.
 */
class PooledRsaKeysTest {

    @Test
    void eachPairIsHandedOutOnceThenTheJdkGeneratesAndOtherSizesAreNeverPooled(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pairs.pem");
        PooledRsaKeys.write(file, 2);
        assertEquals(List.of("rw-------"), List.of(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file))),
                "private keys, owner only");
        List<java.security.PublicKey> pooled = PooledRsaKeys.publicKeys(file);
        assertEquals(2, pooled.size());
        PooledRsaKeys.Pool pool = PooledRsaKeys.pool(file);

        KeyPairGenerator first = KeyPairGenerator.getInstance("RSA", pool);
        first.initialize(2048);
        KeyPair a = first.generateKeyPair();
        KeyPairGenerator second = KeyPairGenerator.getInstance("RSA", pool); // another generator, the same pool
        second.initialize(2048);
        KeyPair b = second.generateKeyPair();
        KeyPair c = second.generateKeyPair();
        assertEquals(pooled, List.of(a.getPublic(), b.getPublic()), "the pool's pairs, in turn");
        assertFalse(pooled.contains(c.getPublic()), "past the pool: a new pair");
        assertEquals(2048, ((RSAPublicKey) c.getPublic()).getModulus().bitLength());

        KeyPairGenerator other = KeyPairGenerator.getInstance("RSA", PooledRsaKeys.pool(file)); // a fresh pool
        other.initialize(1024);
        KeyPair small = other.generateKeyPair();
        assertEquals(1024, ((RSAPublicKey) small.getPublic()).getModulus().bitLength(), "another size: generated, as asked");
        other.initialize(2048);
        assertEquals(pooled.get(0), other.generateKeyPair().getPublic(), "the other size took nothing from the pool");
    }
}
