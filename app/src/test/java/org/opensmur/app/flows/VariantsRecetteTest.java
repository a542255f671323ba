package org.opensmur.app.flows;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.hubsim.recette.Variants;
import org.testfx.framework.junit5.Start;

/**
 * A fixed sample of variants of the official case (seed 24, one variant), model 3, played on the screens as the
 * official case is: every send step's expected message differs from the official one where the crew enters it.
 */
class VariantsRecetteTest extends RecetteTest {

    static final long SEED = 24;
    private Path corpus;

    /** The line whose official corpus the variants are drawn from. */
    ModelLine line() {
        return ModelLine.CURRENT;
    }

    @Override
    Path corpus() {
        return corpus;
    }

    @Override
    Path casesFile() throws Exception {
        if (corpus == null) {
            corpus = Files.createTempDirectory("opensmur-variants");
        }
        return Variants.write(SharedCorpus.root(line()), SharedCorpus.root().resolve("test-cases/15-SMUR.json"), 1, SEED, corpus)
                .cases();
    }

    @Start
    @Override
    void start(Stage stage) throws Exception {
        super.start(stage); // TestFX looks for @Start on the test class itself
    }
}
