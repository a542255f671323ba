package org.opensmur.app.flows;

import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;

/**
 * Périmètre 1 played on the screens, model 3: the official case's RS-EDA and RS-EDA-MAJ received with no RS-ER,
 * then its RS-URL and RS-RPIS sent from a case the crew opened as shared.
 */
class Perimetre1RecetteTest extends RecetteTest {

    @Override
    String perimetre() {
        return "1";
    }

    @Start
    @Override
    void start(Stage stage) throws Exception {
        super.start(stage); // TestFX looks for @Start on the test class itself
    }
}
