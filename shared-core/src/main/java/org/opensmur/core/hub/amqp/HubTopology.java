package org.opensmur.core.hub.amqp;

import org.opensmur.core.hub.transport.HubConfig;
import org.opensmur.core.hub.transport.HubQueue;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.util.List;

/**
 * The Hub's broker objects, as the Hub's own definitions name them, for a local broker (tests, CI, the
 * local Hub of the demo). A real tablet never declares anything: the Hub grants it no configure right.
 * Queue TTL and dead-lettering come from a broker policy (see bin/hub-broker-setup), as on the Hub.
 */
public final class HubTopology {

    public static final String DISPATCH = "dispatch";
    public static final String DISTRIBUTION = "distribution";
    public static final String DEAD_LETTERS = "distribution.dlx";
    public static final String DISPATCH_DLQ = "dispatch.dlq";

    private HubTopology() {
    }

    public static void declare(Channel admin, List<String> clientIds) throws IOException {
        declare(admin, clientIds, null);
    }

    /**
     * As {@link #declare(Channel, List)}, with broker-specific arguments for the clients' queues (a broker
     * without RabbitMQ policies gets its dead-lettering this way).
     */
    public static void declare(Channel admin, List<String> clientIds, java.util.Map<String, Object> clientQueueArguments)
            throws IOException {
        admin.exchangeDeclare(HubConfig.HUB_EXCHANGE, BuiltinExchangeType.TOPIC, true);
        admin.queueDeclare(DISPATCH, true, false, false, null);
        admin.queueBind(DISPATCH, HubConfig.HUB_EXCHANGE, "#");
        admin.exchangeDeclare(DISTRIBUTION, BuiltinExchangeType.DIRECT, true);
        admin.exchangeDeclare(DEAD_LETTERS, BuiltinExchangeType.FANOUT, true);
        admin.queueDeclare(DISPATCH_DLQ, true, false, false, null);
        admin.queueBind(DISPATCH_DLQ, DEAD_LETTERS, "");
        for (String clientId : clientIds) {
            for (HubQueue queue : HubQueue.values()) {
                String name = clientId + "." + queue.suffix();
                admin.queueDeclare(name, true, false, false, clientQueueArguments);
                admin.queueBind(name, DISTRIBUTION, name);
            }
        }
    }

    /**
     * {@code HubTopology URI CLIENT_ID... [-- URI CLIENT_ID...]}: declares the topology through an administrator's
     * connection on each vhost named, in one JVM (the broker set-up declares four vhosts: one start instead of four).
     */
    public static void main(String[] args) throws Exception {
        List<List<String>> groups = new java.util.ArrayList<>(List.of(new java.util.ArrayList<>()));
        for (String arg : args) {
            if (arg.equals("--")) {
                groups.add(new java.util.ArrayList<>());
            } else {
                groups.get(groups.size() - 1).add(arg);
            }
        }
        if (groups.stream().anyMatch(g -> g.size() < 2)) {
            System.err.println("usage: HubTopology amqp://user:password@host:port/vhost CLIENT_ID... [-- amqp://... CLIENT_ID...]");
            System.exit(2);
        }
        for (List<String> group : groups) {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(group.get(0));
            try (Connection connection = factory.newConnection("opensmur-topology"); Channel channel = connection.createChannel()) {
                List<String> clients = group.subList(1, group.size());
                declare(channel, clients);
                System.out.println("Hub topology declared on vhost " + factory.getVirtualHost() + " for " + clients);
            }
        }
    }
}
