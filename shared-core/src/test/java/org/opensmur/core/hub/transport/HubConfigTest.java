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
        assertEquals("2.0", config.modelLine(), "15-smur_v1.6 is validated with model 2.0");
        assertFalse(config.plainAmqp());
        assertFalse(config.toString().contains("secret"), "secrets never printed");
    }

    /** A PEM chain as a CA delivers it (.crt, .cer) needs no passphrase for a key kept unencrypted beside it; a PKCS#12 does. */
    @Test
    void aPemChainByAnyOfItsUsualNamesNeedsNoPassphraseAPkcs12Does(@TempDir Path dir) throws IOException {
        Path trust = Files.writeString(dir.resolve("trust.pem"), "x");
        Path key = Files.writeString(dir.resolve("tablet-key.pem"), "x");
        for (String name : List.of("tablet.pem", "tablet.crt", "tablet.CER", "tablet.p12")) {
            Path certificate = Files.writeString(dir.resolve(name), "x");
            HubConfig.Loaded loaded = HubConfig.load(null, Map.of("HUB_HOSTNAME", "messaging.hub.esante.gouv.fr", "VHOST", "15-smur_v1.6",
                    "CLIENT_ID", "fr.health.samu440.smur.vlm4", "CERTIFICATE_PATH", certificate.toString(), "KEY_PATH", key.toString(),
                    "TRUST_STORE_PATH", trust.toString()));
            assertEquals(name.endsWith(".p12"), loaded.problems().stream().anyMatch(p -> p.startsWith("KEY_PASSPHRASE")),
                    name + ": " + loaded.problems());
        }
    }

    @Test
    void plainAmqpOnlyWhenAskedFor() {
        HubConfig config = HubConfig.load(null, Map.of("HUB_HOSTNAME", "localhost", "VHOST", "dev", "MODEL_LINE", "3",
                "CLIENT_ID", "fr.health.dev", "PLAIN_AMQP", "true")).orElseThrow();
        assertTrue(config.plainAmqp());
        assertEquals(5672, config.port());
        assertTrue(config.describe().startsWith("amqp://"));
    }

    @Test
    void theVhostDecidesTheModelLineAndAnUnknownOneIsRefusedUnlessNamed() {
        Map<String, String> base = Map.of("HUB_HOSTNAME", "localhost", "CLIENT_ID", "fr.health.dev", "PLAIN_AMQP", "true");
        java.util.function.Function<Map<String, String>, HubConfig.Loaded> load = extra -> {
            Map<String, String> all = new java.util.HashMap<>(base);
            all.putAll(extra);
            return HubConfig.load(null, all);
        };
        assertEquals("2.0", load.apply(Map.of("VHOST", "15-smur_v1.6")).orElseThrow().modelLine());
        assertEquals("3", load.apply(Map.of("VHOST", "15-smur_v1.7")).orElseThrow().modelLine());
        assertEquals("2.0", load.apply(Map.of("VHOST", "samu44-recette", "MODEL_LINE", "2.0")).orElseThrow().modelLine());

        HubConfig.Loaded unknown = load.apply(Map.of("VHOST", "samu44-recette"));
        assertNull(unknown.config());
        String problem = unknown.problems().get(0);
        assertTrue(problem.startsWith("VHOST: 'samu44-recette'") && problem.contains("MODEL_LINE") && problem.contains("15-smur_v1.6=2.0"),
                problem);
        HubConfig.Loaded badLine = load.apply(Map.of("VHOST", "15-smur_v1.6", "MODEL_LINE", "4"));
        assertTrue(badLine.problems().get(0).startsWith("MODEL_LINE: '4'"), badLine.problems().toString());
        HubConfig.Loaded contradicting = load.apply(Map.of("VHOST", "15-smur_v1.6", "MODEL_LINE", "3"));
        assertEquals(List.of("MODEL_LINE: '3' contradicts the vhost 15-smur_v1.6, which is model 2.0"), contradicting.problems(),
                "a bundle saying model 3 for the model 2.0 vhost: every message would be refused there");
        assertEquals("2.0", load.apply(Map.of("VHOST", "15-smur_v1.6", "MODEL_LINE", "2.0")).orElseThrow().modelLine(), "agreeing: taken");
    }

    @Test
    void aClientIdWithAnUnderscoreIsRefusedAtStartUpNotDiscoveredAsError300() {
        HubConfig.Loaded loaded = HubConfig.load(null, Map.of("HUB_HOSTNAME", "localhost", "VHOST", "15-smur_v1.6",
                "CLIENT_ID", "fr.health.samu440.smur_vlm4", "PLAIN_AMQP", "true"));
        assertNull(loaded.config());
        assertTrue(loaded.problems().get(0).startsWith("CLIENT_ID:") && loaded.problems().get(0).contains("no '_'"),
                loaded.problems().toString());
    }

    @Test
    void plainAmqpIsRefusedToAnyBrokerButTheLoopback() {
        HubConfig.Loaded remote = HubConfig.load(null, Map.of("HUB_HOSTNAME", "messaging.bac-a-sable.hub.esante.gouv.fr",
                "VHOST", "15-smur_v1.6", "CLIENT_ID", "fr.health.dev", "PLAIN_AMQP", "true"));
        assertNull(remote.config());
        assertTrue(remote.problems().get(0).startsWith("PLAIN_AMQP:") && remote.problems().get(0).contains("bac-a-sable"),
                remote.problems().toString());
        for (String loopback : new String[] {"localhost", "127.0.0.1", "127.1.2.3", "::1"}) {
            assertTrue(HubConfig.load(null, Map.of("HUB_HOSTNAME", loopback, "VHOST", "15-smur_v1.6", "CLIENT_ID", "fr.health.dev",
                    "PLAIN_AMQP", "true")).problems().isEmpty(), loopback);
        }
        // Names that only look like the loopback resolve wherever their owner wants.
        for (String lookalike : new String[] {"127.evil.example", "127.0.0.1.nip.io", "127.0.0.256", "127.1", "localhost.example"}) {
            HubConfig.Loaded refused = HubConfig.load(null, Map.of("HUB_HOSTNAME", lookalike, "VHOST", "15-smur_v1.6",
                    "CLIENT_ID", "fr.health.dev", "PLAIN_AMQP", "true"));
            assertNull(refused.config(), lookalike);
            assertTrue(refused.problems().get(0).startsWith("PLAIN_AMQP:"), lookalike + ": " + refused.problems());
        }
    }

    @org.junit.jupiter.api.Test
    void theTrustedPartiesAreTheTabletsSamuAndThePartnersTheProvisioningNames() {
        HubConfig config = HubConfig.load(null, Map.of("HUB_HOSTNAME", "localhost", "VHOST", "15-smur_v1.6", "CLIENT_ID", "fr.health.dev",
                "PLAIN_AMQP", "true", "LRM_CLIENT_ID", "fr.health.samu440", "PARTNER_CLIENT_IDS", "fr.health.samu850, fr.health.samu490")).orElseThrow();
        assertEquals(java.util.Set.of("fr.health.samu440", "fr.health.samu850", "fr.health.samu490"), config.trustedParties());
        HubConfig.Loaded bad = HubConfig.load(null, Map.of("HUB_HOSTNAME", "localhost", "VHOST", "15-smur_v1.6", "CLIENT_ID", "fr.health.dev",
                "PLAIN_AMQP", "true", "PARTNER_CLIENT_IDS", "fr.health.samu850,fr.health.samu_490"));
        assertNull(bad.config());
        assertTrue(bad.problems().get(0).startsWith("PARTNER_CLIENT_IDS: 'fr.health.samu_490'"), bad.problems().toString());
    }
}
