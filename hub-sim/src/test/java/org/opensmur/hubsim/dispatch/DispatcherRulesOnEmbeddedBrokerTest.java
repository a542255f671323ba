package org.opensmur.hubsim.dispatch;

import org.opensmur.hubsim.fixture.LocalBroker;

class DispatcherRulesOnEmbeddedBrokerTest extends DispatcherRules {
    @Override
    LocalBroker localBroker() {
        return LocalBroker.EMBEDDED;
    }
}
