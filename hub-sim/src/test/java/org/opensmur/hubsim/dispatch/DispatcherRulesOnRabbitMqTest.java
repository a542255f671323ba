package org.opensmur.hubsim.dispatch;

import org.junit.jupiter.api.Tag;
import org.opensmur.hubsim.fixture.LocalBroker;

@Tag("rabbitmq") // on the machine's RabbitMQ, whose queues the broker tests share: one at a time
class DispatcherRulesOnRabbitMqTest extends DispatcherRules {
    @Override
    LocalBroker localBroker() {
        return LocalBroker.RABBITMQ;
    }
}
