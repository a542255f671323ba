package org.opensmur.app.bilan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensmur.app.settings.TabletSettings;
import org.opensmur.app.testing.Tablets;
import org.opensmur.app.ui.Background;
import org.opensmur.app.ui.Labels;
import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.nomenclature.NomenclatureFolder;
import org.opensmur.core.nomenclature.NomenclatureList;
import org.opensmur.core.tablet.CaseView;
import org.opensmur.core.testing.MutableClock;
import org.opensmur.tablet.TabletCore;

/** The bilan's diagnoses picked from the SAMU's installed list, main and associated, as both model lines carry them. */
class BilanDiagnosisTest {

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));

    private TabletSettings settingsOn(ModelLine line) {
        return Tablets.settingsOn(line, dir.resolve(line.name()));
    }

    static java.util.stream.Stream<ModelLine> lines() {
        return java.util.stream.Stream.of(ModelLine.CURRENT, ModelLine.V2);
    }

    @ParameterizedTest
    @MethodSource("lines")
    void theMainDiagnosisFoundByAWordAndSeveralAssociatedOnesReachTheRsBpvAndTheOfficialSchemaAcceptsIt(ModelLine line) throws Exception {
        TabletSettings settings = settingsOn(line);
        Path file = dir.resolve("diagnostic.csv");
        Files.writeString(file, """
                ,code,label_n1,description
                0,I21,Infarctus aigu du myocarde,
                1,I46,Arrêt cardiaque,
                2,E11,Diabète sucré de type 2,
                3,I10,Hypertension essentielle (primitive),
                """);
        new NomenclatureFolder(settings.nomenclatureFolder()).install(NomenclatureList.DIAGNOSTIC, file, "SAMU 44 (test)");
        TabletCore core = Tablets.core(settings, clock);
        try {
            BilanViewModel model = new BilanViewModel(core, Background.direct(), settings, Labels.french(), clock);
            model.open(new CaseView(Tablets.CASE, new HubCodec().mapper().createObjectNode(), List.of(), true), Tablets.LRM);
            model.input("bilan.lastName").valueProperty().set("NORMAND");
            model.input("bilan.firstName").valueProperty().set("Alice");
            model.diagnosisPicker().queryProperty().set("arret cardiaque"); // without its accent
            assertTrue(model.diagnosisPicker().submit());
            assertEquals("I46", model.input("bilan.diagnosis").valueProperty().get());
            model.associatedPicker().queryProperty().set("diabete");
            assertTrue(model.associatedPicker().submit());
            model.associatedPicker().queryProperty().set("I10");
            assertTrue(model.associatedPicker().submit());
            model.associatedPicker().queryProperty().set("I99");
            assertFalse(model.associatedPicker().submit(), "not in the list the SAMU installed");
            assertEquals(List.of("E11", "I10"), model.associatedDiagnoses());
            assertEquals("", model.associatedPicker().valueProperty().get(), "ready for one more");
            assertTrue(model.send(), model.blockedProperty().get());

            var queued = core.store().outbox().list(Tablets.CASE, 10);
            JsonNode message = new ObjectMapper().readTree(core.store().outbox().body(queued.get(0).distributionId()));
            assertEquals(List.of(), org.opensmur.hubsim.dispatch.OfficialSchemas.load(SharedCorpus.root(line).resolve("schemas")).errors(message),
                    message.toString());
            JsonNode evaluation = message.findValue("evaluation");
            assertEquals("I46", evaluation.get("mainDiagnosis").asText());
            if (line == ModelLine.CURRENT) { // model 3: an array, one code each
                assertEquals("[\"E11\",\"I10\"]", evaluation.get("associatedDiagnosis").toString());
            } else { // model 2.0: one string
                assertEquals("E11, I10", evaluation.get("associatedDiagnosis").asText());
            }
        } finally {
            core.close();
        }
    }
}
