package org.opensmur.store.crypto;

import org.opensmur.signing.AesGcm;
import org.opensmur.signing.Argon2Kdf;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.opensmur.store.db.OwnerOnly;
import org.opensmur.store.db.StoreException;

/**
 * {@code store-key.json}, beside the database: the store's data key (AES-256, random) wrapped with AES-GCM
 * under a key derived by Argon2id from the PIN or the secret, with the derivation's parameters. Neither the
 * PIN nor the secret is in it; the parameters and the way it is unlocked are the wrapping's associated data,
 * so a file whose cost was lowered does not open. Changing the PIN rewrites this file only: the data stays
 * encrypted under the same data key.
 */
final class StoreKeyFile {

    static final String NAME = "store-key.json";
    private static final String FORMAT = "opensmur-store-key/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the key is unlocked: the crew's PIN, or a secret an integrator gives (file:). */
    enum UnlockedBy { PIN, SECRET }

    record Content(UnlockedBy unlockedBy, Argon2Kdf kdf, byte[] nonce, byte[] wrapped) {
    }

    private StoreKeyFile() {
    }

    static Path in(Path folder) {
        return folder.resolve(NAME);
    }

    static Optional<Content> read(Path file) {
        if (Files.notExists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (node == null || !FORMAT.equals(node.path("format").asText())) {
                throw new StoreException(file + " is not a store key of this tablet (format "
                        + (node == null ? "none" : node.path("format").asText("none")) + ")");
            }
            JsonNode kdf = node.path("kdf");
            if (!"argon2id".equals(kdf.path("algorithm").asText())) {
                throw new StoreException(file + ": unknown derivation " + kdf.path("algorithm").asText("none"));
            }
            Base64.Decoder b64 = Base64.getDecoder();
            return Optional.of(new Content(UnlockedBy.valueOf(node.path("unlockedBy").asText()),
                    new Argon2Kdf(kdf.path("memoryKiB").asInt(), kdf.path("iterations").asInt(), kdf.path("parallelism").asInt(),
                            b64.decode(kdf.path("salt").asText())),
                    b64.decode(node.path("nonce").asText()), b64.decode(node.path("wrapped").asText())));
        } catch (IOException | IllegalArgumentException e) {
            throw new StoreException(StoreException.Kind.DAMAGED, file + " cannot be read as a store key: " + e.getMessage(), e);
        }
    }

    /** Written whole or not at all (a temporary file, synced, then moved over the old one). */
    static void write(Path file, Content content) {
        ObjectNode node = JSON.createObjectNode();
        node.put("format", FORMAT);
        node.put("unlockedBy", content.unlockedBy().name());
        ObjectNode kdf = node.putObject("kdf");
        kdf.put("algorithm", "argon2id");
        kdf.put("version", 19);
        kdf.put("memoryKiB", content.kdf().memoryKiB());
        kdf.put("iterations", content.kdf().iterations());
        kdf.put("parallelism", content.kdf().parallelism());
        Base64.Encoder b64 = Base64.getEncoder();
        kdf.put("salt", b64.encodeToString(content.kdf().salt()));
        node.put("nonce", b64.encodeToString(content.nonce()));
        node.put("wrapped", b64.encodeToString(content.wrapped()));
        Path temporary = file.resolveSibling(NAME + ".new");
        try {
            Files.deleteIfExists(temporary);
            OwnerOnly.createFile(temporary);
            Files.writeString(temporary, node.toPrettyString(), StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StoreException("cannot write the store's key " + file + ": " + e.getMessage(), e);
        }
    }

    static SecretKey newDataKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES unavailable", e);
        }
    }

    static Content wrap(UnlockedBy by, Argon2Kdf kdf, char[] secret, SecretKey dataKey) {
        byte[] kek = kdf.derive(secret);
        try {
            AesGcm.Sealed sealed = AesGcm.seal(kek, associatedData(by, kdf), dataKey.getEncoded());
            return new Content(by, kdf, sealed.nonce(), sealed.bytes());
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    /** The data key, or {@link StoreException.Kind#WRONG_SECRET} (a wrong PIN, or a file altered). */
    static SecretKey unwrap(Content content, char[] secret) {
        byte[] kek = content.kdf().derive(secret);
        try {
            byte[] key = AesGcm.open(kek, content.nonce(), associatedData(content.unlockedBy(), content.kdf()), content.wrapped());
            try {
                return new SecretKeySpec(key, "AES");
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        } catch (AEADBadTagException e) {
            throw new StoreException(StoreException.Kind.WRONG_SECRET, content.unlockedBy() == UnlockedBy.PIN
                    ? "wrong PIN" : "the secret does not open the store's key (or the key file was altered)", e);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    private static byte[] associatedData(UnlockedBy by, Argon2Kdf kdf) {
        return (FORMAT + ";" + by + ";" + kdf.describe()).getBytes(StandardCharsets.UTF_8);
    }
}
