package org.opensmur.core.hub.amqp;

import org.opensmur.core.hub.transport.ConnectionState;
import org.opensmur.core.hub.transport.Delivery;
import org.opensmur.core.hub.transport.HubConfig;
import org.opensmur.core.hub.transport.HubQueue;
import org.opensmur.core.hub.transport.HubTransport;
import org.opensmur.core.hub.transport.Inbound;
import org.opensmur.core.hub.transport.PublishOutcome;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultSaslConfig;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryDelayHandler;
import com.rabbitmq.client.RecoveryListener;
import com.rabbitmq.client.ShutdownSignalException;
import com.rabbitmq.client.SocketConfigurators;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AMQP 0-9-1 link to the Hub: mutual TLS with SASL EXTERNAL, publisher confirms with a bounded window,
 * manual acks after storage, automatic recovery, and a retry loop of our own for the first connection
 * (amqp-client's recovery only covers connections that once succeeded). Logs carry ids and states,
 * never message contents.
 */
public final class AmqpHubTransport implements HubTransport {

    private static final Logger LOG = LoggerFactory.getLogger(AmqpHubTransport.class);
    private static final AMQP.BasicProperties JSON_PERSISTENT = new AMQP.BasicProperties.Builder()
            .contentType("application/json").deliveryMode(2).priority(0).build();
    private static final List<Long> RECOVERY_DELAYS_MS = List.of(500L, 1_000L, 2_000L, 4_000L, 8_000L, 15_000L, 30_000L);
    private static final Duration RETRY_LATER_FIRST = Duration.ofSeconds(2);
    private static final Duration RETRY_LATER_MAX = Duration.ofSeconds(60);

    private final HubConfig config;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Semaphore window;
    private final Object publishLock = new Object();
    /** Publications awaiting their confirm, by sequence number of the current publish channel. */
    private final NavigableMap<Long, Pending> pending = new TreeMap<>();
    private final List<Consumer<ConnectionState>> listeners = new CopyOnWriteArrayList<>();

    private volatile ConnectionState state;
    private volatile Connection connection;
    private volatile Channel publishChannel;
    private volatile boolean closed;
    private volatile java.util.function.Supplier<byte[]> identityNotice;
    private volatile Instant lastNoticeSent;
    /** Set when automatic recovery brought the link back without its consumers, until the new connection is started. */
    private final java.util.concurrent.atomic.AtomicBoolean consumersLost = new java.util.concurrent.atomic.AtomicBoolean();
    /** When this transport last lost its link on its side (null: never): its own connection may linger at the broker. */
    private volatile Instant lastLost;
    private volatile Inbound inbound;
    private int attempts;
    /** Deliveries in a row that could not be stored (disk full, database gone): the give-back delay grows. */
    private final java.util.concurrent.atomic.AtomicInteger unstoredInARow = new java.util.concurrent.atomic.AtomicInteger();

    private record Pending(String distributionId, CompletableFuture<PublishOutcome> future, long deadlineNanos) {
    }

    public AmqpHubTransport(HubConfig config, Clock clock) {
        this(config, clock, org.opensmur.core.threads.NamedThreads.factory("hub-transport-" + config.clientId()));
    }

    /** The same, its thread (reconnections, confirm deadlines) made by {@code threads} (the composition root's, named for its role). */
    public AmqpHubTransport(HubConfig config, Clock clock, java.util.concurrent.ThreadFactory threads) {
        this.config = config;
        this.clock = clock;
        this.window = new Semaphore(config.maxInFlight());
        this.state = new ConnectionState.Closed(clock.instant());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(threads);
    }

    @Override
    public void start(Inbound handler) {
        this.inbound = handler;
        setState(new ConnectionState.Connecting(clock.instant()));
        scheduler.execute(this::connectLoop);
        scheduler.scheduleWithFixedDelay(this::expireLateConfirms, 1, 1, TimeUnit.SECONDS);
    }

    private void connectLoop() {
        if (closed) {
            return;
        }
        try {
            connectOnce();
            if (closed) {
                return;
            }
            attempts = 0;
            setState(new ConnectionState.Connected(clock.instant()));
            LOG.info("connected to {}", config.describe());
        } catch (Exception e) {
            if (e instanceof IllegalArgumentException && !dependsOnTheClock(e)) {
                // Our own settings or key material (missing file, wrong password, wrong key):
                // retrying cannot cure it, the crew or the integrator must.
                LOG.error("cannot connect to {}: {}", config.describe(), e.getMessage());
                setState(new ConnectionState.Failed(clock.instant(), e.getMessage(), ConnectionState.Cause.SETTINGS));
                return;
            }
            // Anything else may pass, a certificate "expired" or "not yet valid" included: the clock that
            // judged it may be wrong and be set right (NTP, the crew).
            String reason = describe(e);
            ConnectionState.Cause cause = causeOf(e);
            if (cause == ConnectionState.Cause.IDENTITY_IN_USE && ownConnectionMayLinger()) {
                cause = ConnectionState.Cause.PREVIOUS_CONNECTION;
                reason = previousConnection();
            }
            Duration delay = nextDelay(attempts++);
            LOG.warn("cannot connect to {} ({}); next attempt in {} s", config.describe(), reason, delay.toSeconds());
            setState(new ConnectionState.Reconnecting(offlineSince(), clock.instant().plus(delay), reason, cause));
            if (!closed) {
                scheduler.schedule(this::connectLoop, delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** One connection attempt: connect, open the channels, check the queues, start consuming. */
    void connectOnce() throws Exception {
        Connection opened = factory().newConnection("opensmur-" + config.clientId());
        try {
            Channel publisher = opened.createChannel();
            publisher.confirmSelect();
            publisher.addConfirmListener((seq, multiple) -> settle(seq, multiple, true), (seq, multiple) -> settle(seq, multiple, false));
            publisher.addShutdownListener(cause -> failPending("connection lost: " + shortReason(cause)));
            Channel consumer = opened.createChannel();
            consumer.basicQos(config.prefetch());
            for (HubQueue queue : HubQueue.values()) {
                AMQP.Queue.DeclareOk declared;
                try {
                    declared = consumer.queueDeclarePassive(config.queueName(queue));
                } catch (IOException e) {
                    throw new IllegalStateException("queue " + config.queueName(queue) + " does not exist on vhost "
                            + config.vhost() + " (the Hub team creates it)", e);
                }
                if (declared.getConsumerCount() > 0) {
                    // Someone consumes this client's queue already: seen the same way on every broker (the
                    // exclusive consumer below is the guard; brokers refuse it each in their own words).
                    if (!ownConnectionMayLinger()) {
                        tellTheHolder(opened);
                    }
                    throw new IdentityInUse(config.queueName(queue), null);
                }
            }
            for (HubQueue queue : HubQueue.values()) {
                // Exclusive: a queue is delivered round-robin to its consumers, so a second device on this
                // certificate would silently take half of the crew's messages. It is refused instead, and says so.
                try {
                    consumer.basicConsume(config.queueName(queue), false, "opensmur-" + queue.suffix(), false, true, null,
                            (tag, message) -> deliver(consumer, queue, message),
                            tag -> LOG.warn("the broker cancelled the consumer of {}", config.queueName(queue)));
                } catch (IOException e) {
                    if (exclusiveRefusal(e)) {
                        if (!ownConnectionMayLinger()) {
                            tellTheHolder(opened); // another device: it is told; our own lingering link is not
                        }
                        throw new IdentityInUse(config.queueName(queue), e);
                    }
                    throw e;
                }
            }
            opened.addShutdownListener(cause -> {
                if (!cause.isInitiatedByApplication() && !closed) {
                    lastLost = clock.instant();
                    setState(new ConnectionState.Reconnecting(offlineSince(), null, "connection lost: " + shortReason(cause),
                            ConnectionState.Cause.LINK_LOST));
                }
            });
            ((Recoverable) opened).addRecoveryListener(new RecoveryListener() {
                @Override
                public void handleRecovery(Recoverable recoverable) {
                    if (consumersLost.get()) {
                        return; // the link came back without our consumers: a full reconnection is under way
                    }
                    LOG.info("connection to {} recovered", config.describe());
                    setState(new ConnectionState.Connected(clock.instant()));
                }

                @Override
                public void handleRecoveryStarted(Recoverable recoverable) {
                    lastLost = clock.instant();
                    setState(new ConnectionState.Reconnecting(offlineSince(), null, "recovering the connection", ConnectionState.Cause.RECOVERING));
                }
            });
            connection = opened;
            publishChannel = publisher;
            if (closed) {
                // close() ran while this attempt was under way and saw no connection to close: its consumers
                // would live on, taking deliveries for a client that is gone (seen with a demo that stopped
                // on a refused party while the others were still connecting).
                closeQuietly(opened);
            }
        } catch (Exception e) {
            closeQuietly(opened);
            throw e;
        }
    }

    private ConnectionFactory factory() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(config.host());
        factory.setPort(config.port());
        factory.setVirtualHost(config.vhost());
        factory.setRequestedHeartbeat((int) config.heartbeat().toSeconds());
        factory.setConnectionTimeout((int) config.connectTimeout().toMillis());
        factory.setHandshakeTimeout((int) config.connectTimeout().toMillis());
        factory.setShutdownTimeout(2_000);
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setRecoveryDelayHandler(new RecoveryDelayHandler.ExponentialBackoffDelayHandler(RECOVERY_DELAYS_MS));
        factory.setExceptionHandler(new LinkExceptionHandler(config.describe(), e -> {
            // A consumer that could not be recovered (another device took the queue meanwhile) would leave
            // the link up and nothing consumed: start again from a fresh connection, which says why.
            // Called once per consumer that failed (the first refusal closes the channel for the others):
            // one reconnection for them all.
            if (consumersLost.compareAndSet(false, true)) {
                LOG.warn("the connection to {} came back without its consumers ({}): reconnecting", config.describe(), describe(e));
                scheduler.execute(() -> reconnectAfterLostConsumers(e));
            }
        }));
        if (config.plainAmqp()) {
            LOG.warn("PLAIN AMQP to {}: no TLS and password login, for local development only", config.describe());
            factory.setUsername(config.plainUser());
            factory.setPassword(new String(config.plainPassword()));
        } else {
            factory.useSslProtocol(TlsContexts.forClient(config, clock.instant()));
            factory.setSocketConfigurator(SocketConfigurators.builder()
                    .defaultConfigurator()
                    .enableHostnameVerification()
                    .add(socket -> ((SSLSocket) socket).setEnabledProtocols(TlsContexts.PROTOCOLS))
                    .build());
            factory.setSaslConfig(DefaultSaslConfig.EXTERNAL);
        }
        return factory;
    }

    // ---- publishing

    @Override
    public CompletableFuture<PublishOutcome> publish(byte[] body, String distributionId) {
        CompletableFuture<PublishOutcome> result = new CompletableFuture<>();
        Channel channel = publishChannel;
        if (closed || channel == null || !state.isConnected()) {
            result.complete(new PublishOutcome.Unknown(distributionId, closed ? "transport closed" : "not connected"));
            return result;
        }
        try {
            if (!window.tryAcquire(config.publishTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                result.complete(new PublishOutcome.Unknown(distributionId, "too many messages awaiting the broker's confirm"));
                return result;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.complete(new PublishOutcome.Unknown(distributionId, "interrupted"));
            return result;
        }
        synchronized (publishLock) {
            long seq = channel.getNextPublishSeqNo();
            pending.put(seq, new Pending(distributionId, result, System.nanoTime() + config.publishTimeout().toNanos()));
            try {
                channel.basicPublish(config.exchange(), config.clientId(), false, JSON_PERSISTENT, body);
            } catch (IOException | AlreadyClosedException e) {
                if (pending.remove(seq) != null) {
                    window.release();
                }
                result.complete(new PublishOutcome.Unknown(distributionId, "publish failed: " + shortReason(e)));
            }
        }
        return result;
    }

    private void settle(long seq, boolean multiple, boolean ack) {
        List<Pending> done = new ArrayList<>();
        synchronized (publishLock) {
            Map<Long, Pending> settled = multiple ? pending.headMap(seq, true) : single(seq);
            done.addAll(settled.values());
            settled.clear();
        }
        window.release(done.size());
        for (Pending p : done) {
            p.future().complete(ack ? new PublishOutcome.Confirmed(p.distributionId()) : new PublishOutcome.Nacked(p.distributionId()));
        }
    }

    private Map<Long, Pending> single(long seq) {
        return pending.containsKey(seq) ? pending.subMap(seq, true, seq, true) : Map.of();
    }

    /** Everything unconfirmed on a channel that died is reported unknown; sequence numbers restart with the next channel. */
    private void failPending(String reason) {
        List<Pending> failed;
        synchronized (publishLock) {
            failed = new ArrayList<>(pending.values());
            pending.clear();
        }
        window.release(failed.size());
        failed.forEach(p -> p.future().complete(new PublishOutcome.Unknown(p.distributionId(), reason)));
        if (!failed.isEmpty()) {
            LOG.warn("{} publication(s) unconfirmed: {}", failed.size(), reason);
        }
    }

    private void expireLateConfirms() {
        long now = System.nanoTime();
        List<Pending> late = new ArrayList<>();
        synchronized (publishLock) {
            var iterator = pending.values().iterator();
            while (iterator.hasNext()) {
                Pending p = iterator.next();
                if (now - p.deadlineNanos() > 0) {
                    late.add(p);
                    iterator.remove();
                }
            }
        }
        window.release(late.size());
        late.forEach(p -> p.future().complete(new PublishOutcome.Unknown(p.distributionId(),
                "no confirm within " + config.publishTimeout().toSeconds() + " s")));
    }

    /** Publications still awaiting a confirm (for tests and diagnostics). */
    public int awaitingConfirm() {
        synchronized (publishLock) {
            return pending.size();
        }
    }

    // ---- consuming

    private void deliver(Channel channel, HubQueue queue, com.rabbitmq.client.Delivery message) throws IOException {
        long tag = message.getEnvelope().getDeliveryTag();
        Inbound.Disposition disposition;
        try {
            disposition = inbound.onDelivery(new Delivery(queue, message.getBody(),
                    message.getProperties().getContentType(), message.getEnvelope().isRedeliver()));
        } catch (RuntimeException e) {
            LOG.error("handler failed on a delivery from {}: {}", config.queueName(queue), e.getClass().getName());
            disposition = Inbound.Disposition.RETRY_LATER;
        }
        try {
            switch (disposition) {
                case STORED -> {
                    unstoredInARow.set(0);
                    channel.basicAck(tag, false);
                }
                case REJECTED -> channel.basicReject(tag, false);
                case RETRY_LATER -> {
                    Duration delay = retryLaterDelay(unstoredInARow.incrementAndGet());
                    LOG.warn("a delivery from {} could not be stored; given back to the broker in {} s",
                            config.queueName(queue), delay.toSeconds());
                    retryLater(channel, tag, delay);
                }
            }
        } catch (AlreadyClosedException e) {
            // The connection died before the ack: the broker delivers it again, marked redelivered.
            LOG.info("delivery from {} not settled (connection lost); it will come again", config.queueName(queue));
        }
    }

    /** 2 s, then doubling up to a minute: a store that cannot write is not hammered with redeliveries. */
    static Duration retryLaterDelay(int failuresInARow) {
        long millis = RETRY_LATER_FIRST.toMillis() << Math.min(Math.max(failuresInARow, 1) - 1, 10);
        return Duration.ofMillis(Math.min(millis, RETRY_LATER_MAX.toMillis()));
    }

    private void retryLater(Channel channel, long tag, Duration delay) {
        try {
            scheduler.schedule(() -> {
                try {
                    channel.basicNack(tag, false, true);
                } catch (IOException | AlreadyClosedException e) {
                    // the channel died: the broker requeues it anyway
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing: the channel closes with the delivery unacknowledged, and the broker requeues it
        }
    }

    // ---- state

    @Override
    public ConnectionState state() {
        return state;
    }

    @Override
    public void onStateChange(Consumer<ConnectionState> listener) {
        listeners.add(listener);
    }

    private void setState(ConnectionState next) {
        state = next;
        for (Consumer<ConnectionState> listener : listeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                LOG.warn("state listener failed: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        closeQuietly(connection);
        failPending("transport closed");
        setState(new ConnectionState.Closed(clock.instant()));
    }

    /**
     * The link came back without its consumers: the recovering connection (the one this transport holds, not
     * the delegate amqp-client names) is closed for good, and the one retry loop starts from a new one.
     */
    private void reconnectAfterLostConsumers(Throwable why) {
        if (closed) {
            return;
        }
        Connection lost = connection;
        connection = null;
        publishChannel = null;
        closeQuietly(lost);
        failPending("connection lost: consumers not recovered");
        ConnectionState.Cause cause = causeOf(why);
        String reason = describe(why);
        if (cause == ConnectionState.Cause.IDENTITY_IN_USE && ownConnectionMayLinger()) {
            cause = ConnectionState.Cause.PREVIOUS_CONNECTION;
            reason = previousConnection();
        }
        setState(new ConnectionState.Reconnecting(offlineSince(), null, reason, cause));
        consumersLost.set(false);
        connectLoop();
    }

    /** Since when the link is down: kept across retries, so that "offline for" counts from the loss, not the last try. */
    private Instant offlineSince() {
        return state instanceof ConnectionState.Reconnecting r ? r.since() : clock.instant();
    }

    /**
     * Whether a refusal may be our own connection, lost on our side moments ago and still open at the broker
     * until its heartbeats time out (two of them, and some slack), rather than another device.
     */
    private boolean ownConnectionMayLinger() {
        Instant lost = lastLost;
        return lost != null && Duration.between(lost, clock.instant()).compareTo(config.heartbeat().multipliedBy(2).plusSeconds(10)) < 0;
    }

    private String previousConnection() {
        return "the Hub still holds this tablet's previous connection (it closes it within "
                + config.heartbeat().multipliedBy(2).plusSeconds(10).toSeconds() + " s of the cut)";
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.abort(2_000);
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
    }

    private static Duration nextDelay(int attempt) {
        long base = Math.min(60_000L, 1_000L << Math.min(attempt, 6));
        return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    /** A certificate expired or not yet valid: true or not depends on the clock that judged it. */
    static boolean dependsOnTheClock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.security.cert.CertificateExpiredException
                    || t instanceof java.security.cert.CertificateNotYetValidException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void whenRefusedForAnother(java.util.function.Supplier<byte[]> notice) {
        this.identityNotice = notice;
    }

    /**
     * Tells the device that holds this client's queues that another one was refused: the notice goes through
     * the Hub to this client's own queue, which that device reads. At most every 5 minutes, whatever the retries.
     */
    private void tellTheHolder(Connection opened) {
        java.util.function.Supplier<byte[]> notice = identityNotice;
        Instant now = clock.instant();
        if (notice == null || (lastNoticeSent != null && Duration.between(lastNoticeSent, now).compareTo(Duration.ofMinutes(5)) < 0)) {
            return;
        }
        try {
            Channel channel = opened.createChannel();
            channel.confirmSelect();
            channel.basicPublish(config.exchange(), config.clientId(), false, JSON_PERSISTENT, notice.get());
            channel.waitForConfirmsOrDie(5_000);
            lastNoticeSent = now;
            LOG.warn("refused: another device holds this client's queues; it was told through the Hub");
        } catch (Exception e) {
            LOG.warn("refused: another device holds this client's queues; it could not be told ({})", shortReason(e));
        }
    }

    /** Another connection consumes a queue of this client id: another device holds its certificate. */
    static final class IdentityInUse extends IllegalStateException {
        IdentityInUse(String queue, Throwable cause) {
            super("another connection consumes " + queue + ": another device uses this client's certificate", cause);
        }
    }

    /** RabbitMQ's 403 for a queue in exclusive use ("cannot obtain exclusive access", "in exclusive use"). */
    static boolean exclusiveRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ShutdownSignalException signal && signal.getReason() instanceof AMQP.Channel.Close close
                    && close.getReplyCode() == AMQP.ACCESS_REFUSED && String.valueOf(close.getReplyText()).contains("exclusive")) {
                return true;
            }
        }
        return false;
    }

    /** The kind of {@link #describe}'s reason, which the screens put in the crew's words. */
    static ConnectionState.Cause causeOf(Throwable e) {
        if (dependsOnTheClock(e)) {
            return ConnectionState.Cause.CLOCK;
        }
        if (exclusiveRefusal(e)) {
            return ConnectionState.Cause.IDENTITY_IN_USE;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IdentityInUse) {
                return ConnectionState.Cause.IDENTITY_IN_USE;
            }
            if (t instanceof AuthenticationFailureException || t instanceof PossibleAuthenticationFailureException
                    || vhostRefusal(t) != null) {
                return ConnectionState.Cause.LOGIN_REFUSED;
            }
            if (t instanceof SSLException || t instanceof java.net.SocketException && String.valueOf(t.getMessage()).contains("reset")) {
                return ConnectionState.Cause.TLS_REFUSED;
            }
            if (t instanceof ConnectException || t instanceof java.net.UnknownHostException || t instanceof java.net.NoRouteToHostException) {
                return ConnectionState.Cause.UNREACHABLE;
            }
            if (t instanceof SocketTimeoutException) {
                return ConnectionState.Cause.TIMEOUT;
            }
            if (t instanceof IllegalStateException && String.valueOf(t.getMessage()).startsWith("queue ")) {
                return ConnectionState.Cause.QUEUE_MISSING;
            }
        }
        return ConnectionState.Cause.OTHER;
    }

    /** Plain words for why a connection failed; tells apart what retrying can and cannot fix (also for tools' own connections). */
    public static String describe(Throwable e) {
        if (exclusiveRefusal(e) && !(e instanceof IdentityInUse)) {
            return "another connection consumes this client's queues: another device uses this certificate";
        }
        if (dependsOnTheClock(e) && e instanceof IllegalArgumentException ours) {
            return ours.getMessage() + "; if the tablet's clock is wrong, the connection comes back once it is right";
        }
        if (dependsOnTheClock(e)) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.security.cert.CertificateException) {
                    return "TLS refused: the Hub's certificate is not valid at this tablet's time (" + t.getMessage()
                            + "); if the tablet's clock is wrong, the connection comes back once it is right";
                }
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationFailureException || t instanceof PossibleAuthenticationFailureException) {
                // RabbitMQ names the mechanism it refused: PLAIN is a user and password (local brokers), EXTERNAL a certificate.
                return String.valueOf(t.getMessage()).contains("PLAIN")
                        ? "wrong user or password"
                        : "the Hub refused the login of this certificate (check the client id and the Hub's user)";
            }
            String vhost = vhostRefusal(t);
            if (vhost != null) {
                return vhost;
            }
            if (t instanceof SSLException) {
                return "TLS refused: " + t.getMessage();
            }
            if (t instanceof java.net.SocketException && String.valueOf(t.getMessage()).contains("reset")) {
                // With TLS 1.3 the server checks our certificate after the client considers the handshake
                // done: a refused certificate shows up as a reset, not as a handshake error.
                return "TLS refused: the Hub closed the connection during set-up (client certificate not accepted?)";
            }
            if (t instanceof ConnectException) {
                return "no answer at the Hub's address: " + t.getMessage();
            }
            if (t instanceof SocketTimeoutException) {
                return "the Hub did not answer in time";
            }
            if (t instanceof IllegalStateException || t instanceof IllegalArgumentException) {
                return t.getMessage();
            }
        }
        return shortReason(e);
    }

    /**
     * The broker's refusal to open the vhost after the login (AMQP 530 NOT_ALLOWED: this user has no
     * permission on it, or it does not exist), in words; null for anything else. amqp-client reports it as
     * an IOException whose cause is the broker's connection.close.
     */
    static String vhostRefusal(Throwable t) {
        if (t instanceof ShutdownSignalException signal && signal.getReason() instanceof AMQP.Connection.Close close
                && close.getReplyCode() == AMQP.NOT_ALLOWED) {
            String text = close.getReplyText() == null ? "" : close.getReplyText().replaceFirst("^NOT_ALLOWED - ", "");
            return (text.contains("not found") ? "no such vhost on the broker" : "no permission on the vhost for this user")
                    + " (the broker said: " + text + ")";
        }
        return null;
    }

    private static String shortReason(Throwable e) {
        if (e instanceof ShutdownSignalException signal && signal.getReason() != null) {
            return signal.getReason().protocolMethodName() + (signal.getMessage() == null ? "" : " " + signal.getMessage());
        }
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }
}
