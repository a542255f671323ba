package org.opensmur.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a tablet accepts of a bundle before spending anything on it: a password a person chose is refused at
 * sealing; a bundle asking for gigabytes or a million passes, or past its date, is refused with words before a
 * single derivation; pushing the date back in the file breaks the seal. The coded lists and the acts list it may
 * carry are sealed with the rest, and a bundle of the previous format (no lists) still opens.
 */
@org.junit.jupiter.api.Tag("production-kdf") // bundles sealed and opened at production cost: run by ./bin/test and .ci/run, not by --quick
class ProvisioningBundleTest {

    private static final Instant NOW = Instant.parse("2025-03-10T08:00:00Z");

    private static ProvisioningBundle.Contents contents() {
        return new ProvisioningBundle.Contents(Map.of("CLIENT_ID", "fr.health.test.smurtab"), new byte[] {1, 2, 3},
                "p12-pass".toCharArray(), new byte[] {4, 5}, "trust-pass".toCharArray());
    }

    @Test
    void theOneTimePasswordIsDrawnNotChosen() {
        char[] drawn = ProvisioningBundle.newOneTimePassword();
        String text = new String(drawn);
        assertTrue(text.matches("[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){5}"), text);
        assertNotEquals(text, new String(ProvisioningBundle.newOneTimePassword()));
        assertTrue(ProvisioningBundle.PASSWORD_SYMBOLS * Math.log(ProvisioningBundle.ALPHABET.length()) / Math.log(2)
                >= ProvisioningBundle.MIN_PASSWORD_BITS);
        for (String chosen : new String[] {"4711-2093-8812", "correct horse battery staple", "ABCD-EFGH-JKLM", ""}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> ProvisioningBundle.seal(contents(), chosen.toCharArray(), NOW.plus(Duration.ofDays(7))), chosen);
            assertTrue(refused.getMessage().startsWith("one-time password refused"), refused.getMessage());
        }
    }

    @Test
    void aBundleAskingTooMuchToOpenIsRefusedWithWordsBeforeAnyDerivation() throws Exception {
        char[] otp = ProvisioningBundle.newOneTimePassword();
        String bundle = ProvisioningBundle.seal(contents(), otp, NOW.plus(Duration.ofDays(7)));
        String kdf = bundle.lines().filter(l -> l.startsWith("kdf=")).findFirst().orElseThrow();
        String salt = kdf.substring(kdf.lastIndexOf(',') + 1);

        String greedy = bundle.replace(kdf, "kdf=4194304,3,1," + salt); // 4 GiB
        long start = System.nanoTime();
        ProvisioningBundle.Refused memory = assertThrows(ProvisioningBundle.Refused.class, () -> ProvisioningBundle.open(greedy, otp, NOW));
        assertEquals("the bundle asks for 4096 MiB, 3 passes and 1 lanes to open; this tablet gives at most 256 MiB, 10 passes"
                + " and 4 lanes: refused", memory.getMessage());
        assertEquals(ProvisioningBundle.Refused.Field.BUNDLE, memory.field());
        ProvisioningBundle.Refused passes = assertThrows(ProvisioningBundle.Refused.class,
                () -> ProvisioningBundle.open(bundle.replace(kdf, "kdf=65536,1000000,1," + salt), otp, NOW));
        assertTrue(passes.getMessage().contains("1000000 passes"), passes.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(1).toNanos(), "refused before anything was derived");

        ProvisioningBundle.Refused weak = assertThrows(ProvisioningBundle.Refused.class,
                () -> ProvisioningBundle.open(bundle.replace(kdf, "kdf=8192,1,1," + salt), otp, NOW));
        assertEquals("the bundle's protection is weaker than this tablet accepts", weak.getMessage());

        assertEquals("fr.health.test.smurtab", ProvisioningBundle.open(bundle, otp, NOW).settings().get("CLIENT_ID"));
    }

    @Test
    void aBundleExpiresAndItsDateCannotBePushedBack() throws Exception {
        char[] otp = ProvisioningBundle.newOneTimePassword();
        String bundle = ProvisioningBundle.seal(contents(), otp, NOW.plus(Duration.ofDays(7)));
        assertTrue(bundle.contains("expires=2025-03-17T08:00:00Z"), bundle);

        ProvisioningBundle.Refused late = assertThrows(ProvisioningBundle.Refused.class,
                () -> ProvisioningBundle.open(bundle, otp, NOW.plus(Duration.ofDays(7))));
        assertEquals("this bundle expired on 2025-03-17 08:00 UTC (it is 2025-03-17 08:00 UTC by this tablet's clock):"
                + " ask the integrator for a new one", late.getMessage());

        String extended = bundle.replace("expires=2025-03-17T08:00:00Z", "expires=2025-03-27T08:00:00Z");
        ProvisioningBundle.Refused altered = assertThrows(ProvisioningBundle.Refused.class,
                () -> ProvisioningBundle.open(extended, otp, NOW.plus(Duration.ofDays(8))));
        assertEquals(ProvisioningBundle.Refused.Field.PASSWORD, altered.field(), "the date is bound to the seal");

        // A bundle whose life is longer than signing provision ever seals (or a year pushed into it): refused.
        String longLived = ProvisioningBundle.seal(contents(), otp, NOW.plus(Duration.ofDays(60)));
        ProvisioningBundle.Refused tooLong = assertThrows(ProvisioningBundle.Refused.class,
                () -> ProvisioningBundle.open(longLived, otp, NOW));
        assertTrue(tooLong.getMessage().contains("more than 30 days away"), tooLong.getMessage());
        ProvisioningBundle.Refused pushed = assertThrows(ProvisioningBundle.Refused.class,
                () -> ProvisioningBundle.open(bundle.replace("expires=2025-03-17T08:00:00Z", "expires=2026-03-17T08:00:00Z"), otp,
                        NOW.plus(Duration.ofDays(8))));
        assertEquals(ProvisioningBundle.Refused.Field.BUNDLE, pushed.field());

        ProvisioningBundle.Refused old = assertThrows(ProvisioningBundle.Refused.class,
                () -> ProvisioningBundle.open(bundle.replace("opensmur-provisioning/2", "opensmur-provisioning/1"), otp, NOW));
        assertTrue(old.getMessage().startsWith("this bundle was made by an earlier version"), old.getMessage());
    }

    @Test
    void theListsAndTheActsAreSealedWithTheRestAndTheirFormatCannotBeLoweredInTheFile() throws Exception {
        byte[] fait = "code;libelle\nC01.00.00;Atteinte aux personnes\n".getBytes(StandardCharsets.UTF_8);
        byte[] diagnostic = "code;libelle\nI21;Infarctus aigu du myocarde\n".getBytes(StandardCharsets.UTF_8);
        byte[] acts = "{\"source\": \"SMUR 44\", \"acts\": [], \"drugs\": []}".getBytes(StandardCharsets.UTF_8);
        ProvisioningBundle.Contents given = contents();
        char[] otp = ProvisioningBundle.newOneTimePassword();
        Instant before = Instant.now().minusSeconds(1);
        String bundle = ProvisioningBundle.seal(new ProvisioningBundle.Contents(given.settings(), given.certificate(),
                given.certificatePassword(), given.trustStore(), given.trustStorePassword(),
                Map.of("HubSante.fait.csv", fait, "diagnostic.csv", diagnostic), acts), otp, NOW.plus(Duration.ofDays(7)));
        assertTrue(bundle.startsWith("format=opensmur-provisioning/3\n"), bundle);
        assertTrue(!bundle.contains("Infarctus") && !bundle.contains("SMUR 44"), "nothing of them in clear");

        ProvisioningBundle.Contents opened = ProvisioningBundle.open(bundle, otp, NOW);
        assertEquals(List.of("HubSante.fait.csv", "diagnostic.csv"), List.copyOf(opened.lists().keySet()));
        assertArrayEquals(fait, opened.lists().get("HubSante.fait.csv"));
        assertArrayEquals(diagnostic, opened.lists().get("diagnostic.csv"));
        assertArrayEquals(acts, opened.acts());
        assertEquals(Map.of("CLIENT_ID", "fr.health.test.smurtab"), opened.settings(), "neither a list nor the acts is a setting");
        assertTrue(!opened.sealed().isBefore(before) && !opened.sealed().isAfter(Instant.now()), opened.sealed().toString());

        // Lowered to the previous format in the file (a tablet of that version would import it without its lists): refused.
        ProvisioningBundle.Refused lowered = assertThrows(ProvisioningBundle.Refused.class, () -> ProvisioningBundle.open(
                bundle.replace("opensmur-provisioning/3", "opensmur-provisioning/2"), otp, NOW));
        assertEquals(ProvisioningBundle.Refused.Field.PASSWORD, lowered.field(), "the format is bound to the seal");
        // A byte of the sealed part changed (a list altered in the file): refused, nothing of it read.
        String sealed = bundle.lines().filter(l -> l.startsWith("sealed=")).findFirst().orElseThrow();
        char last = sealed.charAt(sealed.length() - 5);
        String altered = bundle.replace(sealed, sealed.substring(0, sealed.length() - 5) + (last == 'A' ? 'B' : 'A')
                + sealed.substring(sealed.length() - 4));
        altered = altered.replaceFirst("check=.*", "check=" + java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest
                .getInstance("SHA-256").digest(java.util.Base64.getDecoder().decode(altered.lines()
                        .filter(l -> l.startsWith("sealed=")).findFirst().orElseThrow().substring("sealed=".length())))));
        String alteredBundle = altered;
        assertEquals(ProvisioningBundle.Refused.Field.PASSWORD, assertThrows(ProvisioningBundle.Refused.class,
                () -> ProvisioningBundle.open(alteredBundle, otp, NOW)).field());
    }

    /**
     * Compatibility: a bundle of the previous format ({@code opensmur-provisioning/2}, no lists), here one the previous
     * version sealed (commit d66d0e5, kept as it was written), still opens; and one without lists or acts is still
     * sealed in that format, which tablets of the previous version open.
     */
    @Test
    void aBundleOfThePreviousFormatStillOpensAndOneWithoutListsIsStillSealedInIt() throws Exception {
        String previous;
        try (var in = ProvisioningBundleTest.class.getResourceAsStream("provisioning-v2.bundle")) {
            previous = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(previous.startsWith("format=opensmur-provisioning/2\n"), previous);
        ProvisioningBundle.Contents opened = ProvisioningBundle.open(previous, "BHYD-8SKW-GJRG-C6E2-ZNG4-KFY7".toCharArray(), NOW);
        assertEquals(Map.of("CLIENT_ID", "fr.health.test.smurtab"), opened.settings());
        assertArrayEquals(new byte[] {1, 2, 3}, opened.certificate());
        assertEquals("trust-pass", new String(opened.trustStorePassword()));
        assertEquals(Map.of(), opened.lists());
        assertNull(opened.acts());
        assertNull(opened.sealed());

        char[] otp = ProvisioningBundle.newOneTimePassword();
        String plain = ProvisioningBundle.seal(contents(), otp, NOW.plus(Duration.ofDays(7)));
        assertTrue(plain.startsWith("format=opensmur-provisioning/2\n"), plain);
        assertEquals(Map.of(), ProvisioningBundle.open(plain, otp, NOW).lists());
    }
}
