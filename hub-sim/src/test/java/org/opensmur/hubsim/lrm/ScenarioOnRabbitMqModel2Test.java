package org.opensmur.hubsim.lrm;

import org.junit.jupiter.api.Tag;
import org.opensmur.hubsim.fixture.LocalBroker;

/** The same scenarios on vhost 15-smur_v1.6, validated by the Hub with model 2.0. */
@Tag("rabbitmq") // on the machine's RabbitMQ, whose queues the broker tests share: one at a time
class ScenarioOnRabbitMqModel2Test extends ScenarioEndToEnd {
    @Override
    LocalBroker localBroker() {
        return LocalBroker.RABBITMQ;
    }

    @Override
    String vhost() {
        return "15-smur_v1.6";
    }
}
