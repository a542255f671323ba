package org.opensmur.hubsim.lrm;

import org.opensmur.hubsim.fixture.LocalBroker;

class ScenarioOnEmbeddedBrokerTest extends ScenarioEndToEnd {
    @Override
    LocalBroker localBroker() {
        return LocalBroker.EMBEDDED;
    }
}
