package org.opensmur.hubsim.dispatch;

import org.opensmur.hubsim.fixture.LocalBroker;

class DispatcherRulesOnRabbitMqTest extends DispatcherRules {
    @Override
    LocalBroker localBroker() {
        return LocalBroker.RABBITMQ;
    }
}
