package org.opensmur.core.hub.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubConfigTest {

    @Test
    void everyBadOrMissingSettingIsReportedByName(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("hub.properties"), """
                HUB_HOSTNAME=messaging.bac-a-sable.hub.esante.gouv.fr
                HUB_PORT=99999
                EXCHANGE_NAME=amq.topic
                CLIENT_ID=fr.health.samu 440
                CERTIFICATE_PATH=/nowhere/tablet.p12
                """);
        HubConfig.Loaded loaded = HubConfig.load(file, Map.of());
        assertNull(loaded.config());
        List<String> names = loaded.problems().stream().map(p -> p.substring(0, p.indexOf(':'))).toList();
        assertEquals(List.of("HUB_PORT", "VHOST", "EXCHANGE_NAME", "CLIENT_ID", "CERTIFICATE_PATH", "TRUST_STORE_PATH",
                "KEY_PASSPHRASE"), names, loaded.problems().toString());
    }

    @Test
    void environmentOverridesTheFileWithTheSdkNames(@TempDir Path dir) throws IOException {
        Path p12 = Files.writeString(dir.resolve("tablet.p12"), "x");
        Path trust = Files.writeString(dir.resolve("trust.p12"), "x");
        Path file = Files.writeString(dir.resolve("hub.properties"), """
                HUB_HOSTNAME=wrong.example
                VHOST=15-smur_v1.6
                CLIENT_ID=fr.health.samu440.smur.vlm4
                CERTIFICATE_PATH=%s
                TRUST_STORE_PATH=%s
                """.formatted(p12, trust));
        HubConfig config = HubConfig.load(file, Map.of("HUB_HOSTNAME", "messaging.hub.esante.gouv.fr",
                "KEY_PASSPHRASE", "secret", "LRM_CLIENT_ID", "fr.health.samu440")).orElseThrow();
        assertEquals("messaging.hub.esante.gouv.fr", config.host());
        assertEquals(5671, config.port());
        assertEquals("hubsante", config.exchange());
        assertEquals("fr.health.samu440", config.lrmClientId());
        assertEquals("fr.health.samu440.smur.vlm4.info", config.queueName(HubQueue.INFO));
        assertFalse(config.plainAmqp());
        assertFalse(config.toString().contains("secret"), "secrets never printed");
    }

    @Test
    void plainAmqpOnlyWhenAskedFor() {
        HubConfig config = HubConfig.load(null, Map.of("HUB_HOSTNAME", "localhost", "VHOST", "dev",
                "CLIENT_ID", "fr.health.dev", "PLAIN_AMQP", "true")).orElseThrow();
        assertTrue(config.plainAmqp());
        assertEquals(5672, config.port());
        assertTrue(config.describe().startsWith("amqp://"));
    }
}
