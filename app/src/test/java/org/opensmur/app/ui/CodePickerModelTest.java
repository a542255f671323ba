package org.opensmur.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.core.nomenclature.Nomenclature;
import org.opensmur.core.nomenclature.NomenclatureFolder;
import org.opensmur.core.nomenclature.NomenclatureList;

/** The picker as the crew meets it: a code absent from the installed list refused with why, words found, a missing list named. */
class CodePickerModelTest {

    @TempDir
    Path dir;

    private NomenclatureFolder withDiagnoses() throws Exception {
        Path file = dir.resolve("diagnostic.csv");
        Files.writeString(file, """
                ,code,label_n1,description
                0,I21,Infarctus aigu du myocarde,
                1,I46,Arrêt cardiaque,
                2,R55,Syncope et collapsus,Malaise avec perte de connaissance
                """);
        NomenclatureFolder folder = new NomenclatureFolder(dir.resolve("lists"));
        assertTrue(folder.install(NomenclatureList.DIAGNOSTIC, file, "SAMU 44, liste de test") instanceof NomenclatureFolder.Outcome.Installed);
        return folder;
    }

    @Test
    void aCodeAbsentFromTheInstalledListIsRefusedWithTheListAndItsVersion() throws Exception {
        NomenclatureFolder folder = withDiagnoses();
        CodePickerModel picker = CodePickerModel.installed(NomenclatureList.DIAGNOSTIC, folder, Background.direct(), Labels.french());
        String version = folder.load(NomenclatureList.DIAGNOSTIC).orElseThrow().version();
        picker.queryProperty().set("i21zzzz");
        assertFalse(picker.submit());
        assertEquals("", picker.valueProperty().get(), "nothing taken");
        assertEquals("Code I21ZZZZ absent de la liste des diagnostics SMUR (thésaurus SFMU-FEDORU) version " + version,
                picker.messageProperty().get());
        picker.queryProperty().set("i21");
        assertTrue(picker.submit(), "a code of the list, typed in any case");
        assertEquals("I21", picker.valueProperty().get());
        assertEquals("", picker.messageProperty().get());
    }

    @Test
    void aDiagnosisIsFoundByAWordOfItsLabelAccentsIgnoredAndTheMostUsedComesFirst() throws Exception {
        NomenclatureFolder folder = withDiagnoses();
        CodePickerModel picker = CodePickerModel.installed(NomenclatureList.DIAGNOSTIC, folder, Background.direct(), Labels.french());
        picker.queryProperty().set("arret");
        assertEquals(List.of("I46"), picker.results().stream().map(Nomenclature.Entry::code).toList());
        assertTrue(picker.submit());
        assertEquals("I46", picker.valueProperty().get());
        assertEquals("Arrêt cardiaque · I46", picker.shownProperty().get(), "shown in words");
        // counted on this tablet: the next picker (another screen, a restart) offers it first
        CodePickerModel next = CodePickerModel.installed(NomenclatureList.DIAGNOSTIC, new NomenclatureFolder(folder.folder()),
                Background.direct(), Labels.french());
        assertEquals("I46", next.results().get(0).code());
        assertEquals(3, next.results().size());
    }

    @Test
    void withNoListInstalledThePickerSaysWhichAndHowAndTakesFreeTextOnlyWhereTheModelDoes() {
        NomenclatureFolder empty = new NomenclatureFolder(dir.resolve("none"));
        CodePickerModel diagnosis = CodePickerModel.installed(NomenclatureList.DIAGNOSTIC, empty, Background.direct(), Labels.french());
        assertTrue(diagnosis.missingProperty().get());
        assertTrue(diagnosis.messageProperty().get().startsWith("Liste des diagnostics SMUR (thésaurus SFMU-FEDORU) non installée sur la tablette : "
                + "installez le fichier diagnostic.csv de votre SAMU (./bin/tablet --nomenclatures DOSSIER)"), diagnosis.messageProperty().get());
        diagnosis.queryProperty().set("i21");
        assertTrue(diagnosis.submit(), "RS-BPV mainDiagnosis is a free string: a CIM-10 code written");
        assertEquals("I21", diagnosis.valueProperty().get());
        CodePickerModel motive = CodePickerModel.installed(NomenclatureList.FAIT, empty, Background.direct(), Labels.french());
        assertTrue(motive.messageProperty().get().contains("HubSante.fait.csv"), motive.messageProperty().get());
        motive.queryProperty().set("C11.06.00");
        assertFalse(motive.submit(), "RS-RPIS whatsHappen.code has a pattern and a list: nothing typed blind");
        assertEquals("", motive.valueProperty().get());
    }
}
