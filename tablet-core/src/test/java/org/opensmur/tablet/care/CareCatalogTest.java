package org.opensmur.tablet.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tiles come from the SMUR's own list when it installed one, else from the default; a wrong list is refused by name. */
class CareCatalogTest {

    @TempDir
    Path dir;

    @Test
    void withoutTheSmursFileTheDefaultOffersTheCommonActsAndDrugsWithoutInventingCodes() {
        CareCatalog catalog = CareCatalog.in(dir);
        assertEquals("défaut", catalog.source());
        List<String> acts = catalog.acts().stream().map(CareCatalog.Act::label).toList();
        assertTrue(acts.containsAll(List.of("Intubation", "Massage cardiaque externe", "Défibrillation", "VVP", "VVO", "Oxygénothérapie",
                "Immobilisation")), acts.toString());
        assertTrue(catalog.acts().stream().allMatch(a -> a.code() == null), "no official ACTES_SMUR list: no code is made up");
        List<String> drugs = catalog.drugs().stream().map(CareCatalog.Drug::name).toList();
        assertTrue(drugs.containsAll(List.of("Adrénaline", "Amiodarone", "Morphine", "Kétamine")), drugs.toString());
    }

    @Test
    void theSmursFileReplacesTheDefaultWithItsCodesAndItsDoses() throws Exception {
        Files.writeString(dir.resolve(CareCatalog.FILE), """
                {"source": "SMUR Nantes 2026-11",
                 "acts": [{"label": "Intubation orotrachéale", "code": "IOT"}, {"label": "Garrot"}],
                 "drugs": [{"name": "Adrénaline", "doses": ["1", "0,5"], "units": ["mg"], "routes": ["IV", "IO"]},
                           {"name": "Naloxone"}]}
                """);
        CareCatalog catalog = CareCatalog.in(dir);
        assertEquals("SMUR Nantes 2026-11", catalog.source());
        assertEquals(List.of(new CareCatalog.Act("Intubation orotrachéale", "IOT"), new CareCatalog.Act("Garrot", null)), catalog.acts());
        assertEquals(List.of("1", "0,5"), catalog.drugs().get(0).doses());
        assertEquals(List.of("IV", "IO"), catalog.drugs().get(0).routes());
        assertEquals(CareCatalog.ROUTES, catalog.drugs().get(1).routes(), "routes not said: every route offered");
        assertEquals(List.of(), catalog.drugs().get(1).doses(), "doses not said: typed on the keypad");
    }

    @Test
    void aWrongFileIsRefusedNamingTheField() throws Exception {
        Files.writeString(dir.resolve(CareCatalog.FILE), """
                {"acts": [{"label": "Intubation"}, {"code": "X"}], "drugs": []}
                """);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> CareCatalog.in(dir));
        assertEquals(CareCatalog.FILE + ": acts[1].label: missing", missing.getMessage());
        Files.writeString(dir.resolve(CareCatalog.FILE), """
                {"acts": [], "drugs": [{"name": "Morphine", "routes": ["IV", 3]}]}
                """);
        assertEquals(CareCatalog.FILE + ": drugs[0].routes[1]: a text is expected",
                assertThrows(IllegalArgumentException.class, () -> CareCatalog.in(dir)).getMessage());
        Files.writeString(dir.resolve(CareCatalog.FILE), "{not json");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CareCatalog.in(dir)).getMessage().startsWith(CareCatalog.FILE + ": not JSON"));
    }

    @Test
    void anActIsSentAsItsCodeWhenItHasOneAndADrugIsSaidWithItsDoseUnitRouteAndTime() {
        var at = java.time.OffsetDateTime.parse("2026-12-06T10:42:00+01:00");
        assertEquals("IOT", CareGiven.act("Intubation", "IOT", at).procedure());
        assertEquals("Intubation", CareGiven.act("Intubation", null, at).procedure());
        CareGiven adrenaline = CareGiven.drug("Adrénaline", "1", "mg", "IV", at);
        assertEquals("Adrénaline 1 mg IV 10:42", adrenaline.summary());
        assertNull(adrenaline.code());
        assertEquals(adrenaline.id(), adrenaline.at(at.minusMinutes(2)).id(), "a corrected time is the same entry");
    }
}
