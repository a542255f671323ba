package org.opensmur.app.flows;

import javafx.stage.Stage;
import org.opensmur.core.hub.validation.ModelLine;
import org.testfx.framework.junit5.Start;

/** The same fixed sample of variants, drawn from model 2.0's corpus and played on the 15-smur_v1.6 vhost. */
class VariantsRecetteOnModel2Test extends VariantsRecetteTest {

    @Override
    String vhost() {
        return "15-smur_v1.6";
    }

    @Override
    ModelLine line() {
        return ModelLine.V2;
    }

    @Start
    @Override
    void start(Stage stage) throws Exception {
        super.start(stage);
    }
}
