package org.opensmur.hubsim.lrm;

import org.opensmur.hubsim.fixture.LocalBroker;

/** The same scenarios on vhost 15-smur_v1.6, validated by the Hub with model 2.0. */
class ScenarioOnEmbeddedBrokerModel2Test extends ScenarioEndToEnd {
    @Override
    LocalBroker localBroker() {
        return LocalBroker.EMBEDDED;
    }

    @Override
    String vhost() {
        return "15-smur_v1.6";
    }
}
