package org.opensmur.hubsim.lrm;

import org.opensmur.hubsim.fixture.LocalBroker;

class ScenarioOnRabbitMqTest extends ScenarioEndToEnd {
    @Override
    LocalBroker localBroker() {
        return LocalBroker.RABBITMQ;
    }
}
