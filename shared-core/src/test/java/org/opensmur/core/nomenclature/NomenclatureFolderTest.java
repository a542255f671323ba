package org.opensmur.core.nomenclature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.core.conformance.SharedCorpus;

/** Installing a coded list on a tablet: checked, versioned, owner-only; a bad file keeps nothing. */
class NomenclatureFolderTest {

    @TempDir
    Path dir;

    /** A SAMU's diagnosis list in the Hub's shape (CIM-10 codes and their labels). */
    static final String DIAGNOSES = """
            ,code,label_n1,label_n2,description
            0,I21,Infarctus aigu du myocarde,,
            1,I46,Arrêt cardiaque,,
            2,R55,"Syncope et collapsus",,"Malaise avec perte de connaissance"
            3,S06,Lésion traumatique intracrânienne,,
            """;

    private Path file(String name, String text) throws Exception {
        Path f = dir.resolve("in").resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void theHubsOwnListsAreInstalledFromTheOfficialFolderWithTheirSourceAndVersion() throws Exception {
        Path official = SharedCorpus.root().resolve("nomenclatures");
        NomenclatureFolder folder = new NomenclatureFolder(dir.resolve("nomenclatures"));
        List<NomenclatureFolder.Outcome> outcomes = folder.installAll(official, "HubSante models");
        outcomes.forEach(o -> assertInstanceOf(NomenclatureFolder.Outcome.Installed.class, o, o.toString()));
        assertEquals(java.util.Arrays.stream(NomenclatureList.values()).filter(NomenclatureList::hub).map(NomenclatureList::id).sorted().toList(),
                outcomes.stream().map(o -> ((NomenclatureFolder.Outcome.Installed) o).nomenclature().list().id()).sorted().toList(),
                "every list the Hub publishes that the tablet picks from (fait, lieu, motif, typeRessource, typeVecteur), each found and taken");
        // read again from the tablet's folder, as a new start would
        NomenclatureFolder again = new NomenclatureFolder(dir.resolve("nomenclatures"));
        Nomenclature fait = again.load(NomenclatureList.FAIT).orElseThrow();
        String text = Files.readString(official.resolve("HubSante.fait.csv"));
        assertEquals(Nomenclature.digest(text), fait.version());
        assertEquals("HubSante models", fait.source());
        long rows = Csv.rows(text).stream().skip(1).filter(r -> r.size() > 1 && !r.get(1).isBlank()).count();
        assertEquals(rows, fait.entries().size());
        assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(again.folder()));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(again.folder().resolve("fait.csv")));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(again.folder().resolve("fait.properties")));
    }

    @Test
    void aMalformedFileIsRefusedAndTheListInstalledBeforeStays() throws Exception {
        NomenclatureFolder folder = new NomenclatureFolder(dir.resolve("nomenclatures"));
        assertInstanceOf(NomenclatureFolder.Outcome.Installed.class,
                folder.install(NomenclatureList.DIAGNOSTIC, file("diagnostic.csv", DIAGNOSES), "SAMU 44"));
        var noCode = folder.install(NomenclatureList.DIAGNOSTIC, file("a.csv", ",id,label_n1\n0,I21,Infarctus\n"), "x");
        assertTrue(((NomenclatureFolder.Outcome.Refused) noCode).reason().contains("no 'code' column"), noCode.toString());
        var narrow = folder.install(NomenclatureList.DIAGNOSTIC, file("b.csv", ",code,label_n1\n0,I21\n"), "x");
        assertTrue(((NomenclatureFolder.Outcome.Refused) narrow).reason().contains("row 1"), narrow.toString());
        var cut = folder.install(NomenclatureList.DIAGNOSTIC, file("c.csv", ",code,label_n1\n0,I21,\"Infarctus"), "x");
        assertTrue(((NomenclatureFolder.Outcome.Refused) cut).reason().contains("never closed"), cut.toString());
        var twice = folder.install(NomenclatureList.DIAGNOSTIC, file("d.csv", ",code,label_n1\n0,I21,a\n1,I21,b\n"), "x");
        assertTrue(((NomenclatureFolder.Outcome.Refused) twice).reason().contains("twice"), twice.toString());
        Files.write(dir.resolve("in/latin1.csv"), ",code,label_n1\n0,I46,Arr\u00eat\n".getBytes(StandardCharsets.ISO_8859_1));
        var latin1 = folder.install(NomenclatureList.DIAGNOSTIC, dir.resolve("in/latin1.csv"), "x");
        assertTrue(((NomenclatureFolder.Outcome.Refused) latin1).reason().contains("UTF-8"), latin1.toString());
        Nomenclature kept = new NomenclatureFolder(dir.resolve("nomenclatures")).load(NomenclatureList.DIAGNOSTIC).orElseThrow();
        assertEquals("SAMU 44", kept.source());
        assertEquals(4, kept.entries().size());
    }

    @Test
    void aCodeBreakingTheModelsPatternIsRefusedNamingIt() throws Exception {
        NomenclatureFolder folder = new NomenclatureFolder(dir.resolve("nomenclatures"));
        // RS-RPIS whatsHappen.code: ^C\d{2}(\.\d{2}){2}$
        var outcome = folder.install(NomenclatureList.FAIT, file("HubSante.fait.csv",
                ",code,label_n1,label_n2,label_n3,description,commentaire\n0,C01.00.00,Accident,,,,\n1,C1.06,Malaise,,,,\n"), "x");
        String reason = ((NomenclatureFolder.Outcome.Refused) outcome).reason();
        assertTrue(reason.contains("C1.06") && reason.contains("fait"), reason);
        assertTrue(folder.load(NomenclatureList.FAIT).isEmpty(), "nothing kept of a refused file");
        assertFalse(Files.exists(folder.folder().resolve("fait.csv")));
        // Checked alone (a bundle's lists, all checked before any is installed): the same refusal, nothing written.
        assertEquals(outcome, folder.check(NomenclatureList.FAIT, dir.resolve("in/HubSante.fait.csv"), "x").orElseThrow());
        assertTrue(folder.check(NomenclatureList.DIAGNOSTIC, file("diagnostic.csv", DIAGNOSES), "x").isEmpty());
        assertFalse(Files.exists(folder.folder().resolve("diagnostic.csv")), "a check installs nothing");
    }

    /** signing cannot see this enum: the lists a bundle may carry are held to it here. */
    @Test
    void theListsAProvisioningBundleMayCarryAreTheTabletsLists() {
        assertEquals(java.util.Arrays.stream(NomenclatureList.values()).map(NomenclatureList::id).sorted().toList(),
                org.opensmur.signing.ProvisioningBundle.LISTS.stream().sorted().toList());
        for (NomenclatureList list : NomenclatureList.values()) {
            for (String name : List.of("HubSante." + list.id() + ".csv", list.id() + ".csv", list.id().toUpperCase() + ".CSV")) {
                assertEquals(NomenclatureList.forFile(name).map(NomenclatureList::id), org.opensmur.signing.ProvisioningBundle.listOf(name), name);
            }
        }
        for (String name : List.of("HubSante.canal.csv", "diagnostic.txt", "diagnostics.csv", "HubSante.fait.csv.bak")) {
            assertTrue(org.opensmur.signing.ProvisioningBundle.listOf(name).isEmpty() && NomenclatureList.forFile(name).isEmpty(), name);
        }
    }

    @Test
    void anInstalledFileChangedAfterwardsIsNotUsed() throws Exception {
        NomenclatureFolder folder = new NomenclatureFolder(dir.resolve("nomenclatures"));
        folder.install(NomenclatureList.DIAGNOSTIC, file("diagnostic.csv", DIAGNOSES), "SAMU 44");
        Files.writeString(folder.folder().resolve("diagnostic.csv"), DIAGNOSES + "4,X99,Ajout,,\n");
        NomenclatureFolder again = new NomenclatureFolder(folder.folder());
        assertTrue(again.load(NomenclatureList.DIAGNOSTIC).isEmpty());
        assertTrue(again.problem(NomenclatureList.DIAGNOSTIC).orElseThrow().contains("changed since"));
    }

    @Test
    void aDiagnosisIsFoundByAWordOfItsLabelAccentsAndCaseIgnoredTheMostUsedFirst() throws Exception {
        NomenclatureFolder folder = new NomenclatureFolder(dir.resolve("nomenclatures"));
        folder.install(NomenclatureList.DIAGNOSTIC, file("diagnostic.csv", DIAGNOSES), "SAMU 44");
        Nomenclature list = folder.load(NomenclatureList.DIAGNOSTIC).orElseThrow();
        assertEquals(List.of("I46"), codes(NomenclatureSearch.search(list, "ARRET card", Map.of(), 10)));
        assertEquals(List.of("I21"), codes(NomenclatureSearch.search(list, "infarctus", Map.of(), 10)));
        assertEquals(List.of("R55"), codes(NomenclatureSearch.search(list, "perte connaissance", Map.of(), 10)), "description too");
        assertEquals(List.of("S06"), codes(NomenclatureSearch.search(list, "s0", Map.of(), 10)), "by its code");
        assertTrue(NomenclatureSearch.search(list, "fracture", Map.of(), 10).isEmpty());
        folder.used(NomenclatureList.DIAGNOSTIC, "R55");
        folder.used(NomenclatureList.DIAGNOSTIC, "R55");
        folder.used(NomenclatureList.DIAGNOSTIC, "I46");
        Map<String, Integer> usage = new NomenclatureFolder(folder.folder()).usage(NomenclatureList.DIAGNOSTIC);
        assertEquals(List.of("R55", "I46", "I21", "S06"), codes(NomenclatureSearch.search(list, "", usage, 10)));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(folder.folder().resolve("usage.properties")));
    }

    private static List<String> codes(List<Nomenclature.Entry> entries) {
        return entries.stream().map(Nomenclature.Entry::code).toList();
    }
}
