package org.opensmur.hubsim.broker;

import org.junit.jupiter.api.Tag;
import org.opensmur.hubsim.fixture.LocalBroker;

@Tag("rabbitmq") // on the machine's RabbitMQ, whose queues the broker tests share: one at a time
class LinkFrozenMidDeliveryOnRabbitMqTest extends LinkFrozenMidDelivery {
    @Override
    LocalBroker localBroker() {
        return LocalBroker.RABBITMQ;
    }

    @Override
    String vhost() {
        // The machine's RabbitMQ is shared: on opensmur-test other broker tests take OTHER's deliveries; on the model
        // 2.0 vhost nobody consumes OTHER's queues (the broker does not read the message's model).
        return "15-smur_v1.6";
    }
}
