package org.opensmur.core.hub.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import org.opensmur.core.hub.codec.Decoded;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.message.DistributionKind;

/**
 * The Hub's routing, reduced to what transport tests need: take each message from {@code dispatch} and
 * put it on {@code <recipient>.<message|ack|info>} by distribution kind. The Hub's checks and error
 * reports belong to the local Hub (hub-sim).
 */
final class LoopbackDispatcher implements AutoCloseable {

    private final Connection connection;
    private final Channel channel;

    LoopbackDispatcher(HubBroker broker) throws Exception {
        HubCodec codec = new HubCodec();
        connection = broker.admin();
        channel = connection.createChannel();
        channel.basicConsume(HubTopology.DISPATCH, false, (tag, delivery) -> {
            Decoded decoded = codec.decode(delivery.getBody());
            if (decoded.envelope() == null) {
                channel.basicReject(delivery.getEnvelope().getDeliveryTag(), false);
                return;
            }
            DistributionKind kind = decoded.envelope().distributionKind();
            String suffix = kind == DistributionKind.ACK ? "ack" : kind == DistributionKind.ERROR ? "info" : "message";
            String queue = decoded.envelope().recipientID() + "." + suffix;
            AMQP.BasicProperties properties = delivery.getProperties();
            channel.basicPublish(HubTopology.DISTRIBUTION, queue, false, properties, delivery.getBody());
            channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
        }, tag -> { });
    }

    @Override
    public void close() {
        connection.abort(2_000);
    }
}
