package org.opensmur.app.flows;

import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;

/** The crew's flows on vhost 15-smur_v1.6: the same screens, model 2.0 on the wire, judged by its official schemas. */
class TabletFlowsOnModel2Test extends TabletFlowsTest {
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
