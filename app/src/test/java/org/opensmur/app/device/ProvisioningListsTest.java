package org.opensmur.app.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.app.settings.TabletSettings;
import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.nomenclature.Nomenclature;
import org.opensmur.core.nomenclature.NomenclatureFolder;
import org.opensmur.core.nomenclature.NomenclatureList;
import org.opensmur.signing.DevCa;
import org.opensmur.signing.ProvisioningBundle;
import org.opensmur.store.crypto.PinLock;
import org.opensmur.store.crypto.Vault;
import org.opensmur.store.testing.TestKeys;
import org.opensmur.tablet.care.CareCatalog;

/**
 * The coded lists and the acts list a device can only get with its provisioning bundle: installed on import (first
 * provisioning and renewal) where the screens read them, each checked as {@code ./bin/tablet --nomenclatures} and
 * {@link CareCatalog} check them, owner-only; a bundle with one refused file is refused naming it, and nothing of it
 * is installed. A bundle of the previous format (no lists) still imports. No Hub: only the import.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.Tag("production-kdf") // bundles at production cost: a JVM with C2 of their own (app/pom.xml)
class ProvisioningListsTest {

    private static final String TABLET = "fr.health.test.smurtab";
    private static final Clock CLOCK = Clock.systemUTC();
    private static final char[] PASSWORD = "dev-ca-pass".toCharArray();
    private static final String ACTS = """
            {"source": "SMUR 44, 2026-11", "acts": [{"label": "Intubation orotrachéale", "code": "IOT"}],
             "drugs": [{"name": "Adrénaline", "doses": ["1"], "units": ["mg"], "routes": ["IV"]}]}""";
    private static final String DIAGNOSES = """
            ,code,label_n1,label_n2,description
            0,I21,Infarctus aigu du myocarde,,
            1,R55,Syncope et collapsus,,
            """;
    private Path ca;

    @BeforeAll
    void devCa(@TempDir Path dir) {
        ca = dir;
        DevCa.writeAll(ca, List.of(TABLET), PASSWORD, Instant.now(), Duration.ofDays(60));
    }

    /** A bundle as {@code signing provision --nomenclatures ... --acts ...} makes it, for this device. */
    private String bundle(char[] otp, Map<String, String> lists, String acts) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        lists.forEach((name, text) -> files.put(name, text.getBytes(StandardCharsets.UTF_8)));
        Map<String, String> settings = Map.of("HUB_HOSTNAME", "localhost", "HUB_PORT", "5671", "VHOST", "15-smur_v1.7",
                "CLIENT_ID", TABLET, "LRM_CLIENT_ID", "fr.health.test.lrm");
        return ProvisioningBundle.seal(new ProvisioningBundle.Contents(settings, Files.readAllBytes(ca.resolve(TABLET + ".p12")),
                PASSWORD.clone(), Files.readAllBytes(ca.resolve("truststore.p12")), PASSWORD.clone(), files,
                acts == null ? null : acts.getBytes(StandardCharsets.UTF_8)), otp, Instant.now().plus(Duration.ofDays(7)));
    }

    private static String official(String name) throws Exception {
        return Files.readString(SharedCorpus.root().resolve("nomenclatures").resolve(name));
    }

    private static NomenclatureFolder lists(Path device) {
        return new NomenclatureFolder(TabletSettings.nomenclatureFolder(DeviceStart.store(device)));
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void theListsAndTheActsABundleCarriesAreInstalledWhereTheScreensReadThemAtProvisioningAndAtARenewal(@TempDir Path device)
            throws Exception {
        char[] otp = ProvisioningBundle.newOneTimePassword();
        String fait = official("HubSante.fait.csv");
        Provisioning provisioning = new Provisioning(device, CLOCK);
        assertEquals(List.of(), provisioning.importBundle(bundle(otp, Map.of("HubSante.fait.csv", fait, "diagnostic.csv", DIAGNOSES),
                ACTS), otp));

        Nomenclature installed = lists(device).load(NomenclatureList.FAIT).orElseThrow();
        assertEquals(Nomenclature.digest(fait), installed.version());
        assertTrue(installed.source().matches("provisioning bundle sealed \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC"), installed.source());
        assertEquals(List.of("I21", "R55"), lists(device).load(NomenclatureList.DIAGNOSTIC).orElseThrow().entries().stream()
                .map(Nomenclature.Entry::code).toList());
        CareCatalog catalog = CareCatalog.in(DeviceStart.store(device));
        assertEquals("SMUR 44, 2026-11", catalog.source());
        assertEquals(List.of(new CareCatalog.Act("Intubation orotrachéale", "IOT")), catalog.acts());
        Path store = DeviceStart.store(device);
        assertEquals("rwx------", mode(store));
        assertEquals("rwx------", mode(TabletSettings.nomenclatureFolder(store)));
        for (Path file : List.of(store.resolve(CareCatalog.FILE), TabletSettings.nomenclatureFolder(store).resolve("fait.csv"),
                TabletSettings.nomenclatureFolder(store).resolve("diagnostic.csv"))) {
            assertEquals("rw-------", mode(file), file.toString());
        }
        assertFalse(Files.exists(device.resolve(BundleLists.STAGING)), "the files checked are not left behind");

        // A renewal with a new version of one list: installed at once (the screens read it again), the others kept.
        Vault vault = new PinLock(store, System::nanoTime, Duration.ofMillis(1), TestKeys.CHEAP).choose("306118".toCharArray()).open(store);
        String more = DIAGNOSES + "2,S06,Lésion traumatique intracrânienne,,\n";
        assertEquals(List.of(), new Provisioning(device, CLOCK).importRenewal(bundle(otp, Map.of("diagnostic.csv", more), null), otp, vault));
        assertEquals(Nomenclature.digest(more), lists(device).load(NomenclatureList.DIAGNOSTIC).orElseThrow().version());
        assertEquals(Nomenclature.digest(fait), lists(device).load(NomenclatureList.FAIT).orElseThrow().version());
        assertEquals("SMUR 44, 2026-11", CareCatalog.in(store).source());
        assertTrue(Files.exists(device.resolve("hub.next")));
    }

    @Test
    void aBundleWithARefusedListOrActsFileIsRefusedNamingItAndNothingOfItIsInstalled(@TempDir Path device) throws Exception {
        char[] otp = ProvisioningBundle.newOneTimePassword();
        String motif = official("HubSante.motif.csv");
        String damaged = motif.replace("\n0,M01.00,", "\n0,M1.00,"); // one code broken: RS-RPIS asks ^M\d{2}\.\d{2}(\.\d{2})?$
        assertFalse(damaged.equals(motif));
        String acts = ACTS.replace("\"label\": \"Intubation orotrachéale\", ", "");
        List<Provisioning.Problem> problems = new Provisioning(device, CLOCK).importBundle(bundle(otp, Map.of(
                "HubSante.fait.csv", official("HubSante.fait.csv"), "HubSante.motif.csv", damaged, "HubSante.canal.csv", "code\n"), acts), otp);

        assertEquals(List.of("HubSante.canal.csv", "HubSante.motif.csv", CareCatalog.FILE), problems.stream().map(Provisioning.Problem::field).toList(),
                problems.toString());
        assertTrue(problems.get(0).message().startsWith("not a list's file name (HubSante.<list>.csv or <list>.csv"), problems.toString());
        assertTrue(problems.get(1).message().contains("M1.00"), problems.toString());
        assertEquals("acts[0].label: missing", problems.get(2).message());
        assertFalse(Files.exists(device.resolve("hub")), "no identity");
        assertTrue(lists(device).load(NomenclatureList.FAIT).isEmpty(), "not the list that was right either");
        assertFalse(Files.exists(DeviceStart.store(device).resolve(CareCatalog.FILE)));
        assertFalse(Files.exists(device.resolve(BundleLists.STAGING)));

        // At a renewal too: the lists installed before stay as they were, no new identity waits.
        assertEquals(List.of(), new Provisioning(device, CLOCK).importBundle(bundle(otp, Map.of("HubSante.motif.csv", motif), ACTS), otp));
        Path store = DeviceStart.store(device);
        Vault vault = new PinLock(store, System::nanoTime, Duration.ofMillis(1), TestKeys.CHEAP).choose("306118".toCharArray()).open(store);
        List<Provisioning.Problem> renewal = new Provisioning(device, CLOCK).importRenewal(bundle(otp, Map.of("HubSante.motif.csv", damaged,
                "diagnostic.csv", DIAGNOSES), "{\"acts\": [], \"drugs\": []}"), otp, vault);
        assertEquals(List.of("HubSante.motif.csv"), renewal.stream().map(Provisioning.Problem::field).toList(), renewal.toString());
        assertEquals(Nomenclature.digest(motif), lists(device).load(NomenclatureList.MOTIF).orElseThrow().version());
        assertTrue(lists(device).load(NomenclatureList.DIAGNOSTIC).isEmpty());
        assertEquals("SMUR 44, 2026-11", CareCatalog.in(store).source());
        assertFalse(Files.exists(device.resolve("hub.next")));
    }

    /**
     * Compatibility: a bundle without lists or acts is sealed in the previous format ({@code opensmur-provisioning/2},
     * the only one a tablet of the previous version opens) and imports as before, installing no list.
     */
    @Test
    void aBundleOfThePreviousFormatStillImports(@TempDir Path device) throws Exception {
        char[] otp = ProvisioningBundle.newOneTimePassword();
        String previous = bundle(otp, Map.of(), null);
        assertTrue(previous.startsWith("format=" + ProvisioningBundle.FORMAT_WITHOUT_LISTS + "\n"), previous);
        assertEquals(List.of(), new Provisioning(device, CLOCK).importBundle(previous, otp));
        assertTrue(Files.isRegularFile(device.resolve("hub/hub.properties")));
        assertFalse(Files.exists(TabletSettings.nomenclatureFolder(DeviceStart.store(device))));
        assertEquals("défaut", CareCatalog.in(DeviceStart.store(device)).source());
    }
}
