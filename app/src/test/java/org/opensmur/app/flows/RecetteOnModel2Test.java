package org.opensmur.app.flows;

import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;

/** The recette on the model 2.0 vhost in service (15-smur_v1.6), with that line's official examples. */
class RecetteOnModel2Test extends RecetteTest {

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
