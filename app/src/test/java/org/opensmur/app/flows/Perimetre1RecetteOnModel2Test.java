package org.opensmur.app.flows;

import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;

/** Périmètre 1 played on the screens on the model 2.0 vhost in service (15-smur_v1.6). */
class Perimetre1RecetteOnModel2Test extends Perimetre1RecetteTest {

    @Override
    String vhost() {
        return "15-smur_v1.6";
    }

    @Start
    @Override
    void start(Stage stage) throws Exception {
        super.start(stage); // TestFX looks for @Start on the test class itself
    }
}
