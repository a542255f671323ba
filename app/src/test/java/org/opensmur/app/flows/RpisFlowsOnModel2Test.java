package org.opensmur.app.flows;

import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;

/**
 * {@link RpisFlowsTest} on vhost 15-smur_v1.6: model 2.0 on the wire, judged by its official schemas. Only what
 * differs by line runs again here, the RS-RPIS and the RS-BPV on the wire, judged by the line's official schemas,
 * and the case's fields they are prefilled from: theRpisIsPrefilledFromTheCaseAndTheStatusesAndReachesTheOru,
 * anRpisIsMadeOnlyWithPickersAndTheKeypadAndTheOfficialSchemaAcceptsIt,
 * twoPatientsOneFoundOnSceneEachGetTheirOwnBilanDocumentAndRpis. The other flows are about the screens, the store
 * or the link alone and run once, on model 3 ({@link TabletFlows#sameOnModel3()}).
 */
class RpisFlowsOnModel2Test extends RpisFlowsTest {
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
