package org.opensmur.hubsim.broker;

import org.opensmur.hubsim.fixture.LocalBroker;

class LinkFrozenMidDeliveryOnEmbeddedBrokerTest extends LinkFrozenMidDelivery {
    @Override
    LocalBroker localBroker() {
        return LocalBroker.EMBEDDED;
    }
}
