package org.opensmur.app.flows;

import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;

/**
 * The crew's flows on vhost 15-smur_v1.6: model 2.0 on the wire, judged by its official schemas. Only the flows
 * where the line makes a difference run here (statuses, RC-REF steps, what is sent and shown); those about the
 * screens, the store or the link alone run once, on model 3 ({@link TabletFlowsTest#sameOnModel3()}).
 */
class TabletFlowsOnModel2Test extends TabletFlowsTest {
    @Override
    String vhost() {
        return "15-smur_v1.6";
    }

    @Override
    boolean sameOnModel3() {
        return true;
    }

    @Start
    @Override
    void start(Stage stage) throws Exception {
        super.start(stage); // TestFX looks for @Start on the test class itself
    }
}
