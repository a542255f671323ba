package org.opensmur.app.flows;

import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;

/**
 * {@link RequestFlowsTest} on vhost 15-smur_v1.6: model 2.0 on the wire, judged by its official schemas. Only what
 * differs by line runs again here, the RS-RI on the wire (its RC-REF without a step on 2.0, the team and its
 * medical level as 2.0 writes them): anEngagementRingsAndOneTapAcceptsWithAValidRsRi,
 * theShiftSetUpOnceIsWhatTheReplyTheBilanAndTheRpisSay. The other flows are about the screens, the store or the
 * link alone and run once, on model 3 ({@link TabletFlows#sameOnModel3()}).
 */
class RequestFlowsOnModel2Test extends RequestFlowsTest {
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
