package org.opensmur.hubsim.broker;

import org.opensmur.hubsim.fixture.LocalBroker;

class LinkFrozenMidDeliveryOnRabbitMqTest extends LinkFrozenMidDelivery {
    @Override
    LocalBroker localBroker() {
        return LocalBroker.RABBITMQ;
    }
}
